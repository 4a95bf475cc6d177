import { analyze } from '../analysis/analyze';
import type { Graph } from '../graph/types';
import { formatCount } from '../lib/format-count';

/** A weight as a file brings it: its `<layer>/<param>` name and its values. */
interface NamedValues {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/**
 * Why a file's weights cannot be the weights of `graph`, or null when they can: a weight that
 * names no layer, or a layer whose weights hold another number of values than the analysis
 * counts for it. Checked without tfjs, before anything is replaced, so a refused file changes
 * nothing (tfjs checks each weight's shape when the model is built from them).
 */
export function weightsProblem(graph: Graph, weights: readonly NamedValues[]): string | null {
  const analysis = analyze(graph);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const held = new Map<string, number>();
  for (const w of weights) {
    const layer = w.name.slice(0, Math.max(0, w.name.indexOf('/')));
    if (!byName.has(layer)) return `the weight "${w.name}" belongs to no layer of the model`;
    held.set(layer, (held.get(layer) ?? 0) + w.values.length);
  }
  for (const node of graph.nodes) {
    const a = analysis.nodes[node.id];
    if (!a?.shape) continue;
    const needs = a.params.trainable + a.params.nonTrainable;
    const has = held.get(node.name) ?? 0;
    if (has !== needs) return `layer "${node.name}" has ${formatCount(has)} weight values in the file but the model needs ${formatCount(needs)}`;
  }
  return null;
}
