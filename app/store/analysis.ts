import { analyze } from '../../src/graph/analyze';
import type { Analysis } from '../../src/graph/analyze';
import type { Graph } from '../../src/graph/types';

/**
 * True when two graphs differ in anything analysis reads: edges, or a node's id, kind, name or
 * params. Moving a node makes new node objects but keeps these, so a drag never re-analyses.
 */
export function structureChanged(a: Graph, b: Graph): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return true;
  return a.nodes.some((n, i) => {
    const m = b.nodes[i];
    return !m || n.id !== m.id || n.kind !== m.kind || n.name !== m.name || n.params !== m.params;
  });
}

let last: { graph: Graph; analysis: Analysis } | undefined;

/**
 * The analysis of `graph`, recomputed only when its structure changed since the last call. Kept
 * out of the store so that undo (which restores graphs wholesale) can never leave it stale, and
 * returned as the same object while the structure holds, so selectors stay referentially stable.
 */
export function analysisOf(graph: Graph): Analysis {
  if (last && (last.graph === graph || !structureChanged(last.graph, graph))) {
    last = { graph, analysis: last.analysis };
    return last.analysis;
  }
  last = { graph, analysis: analyze(graph) };
  return last.analysis;
}
