import type { Analysis } from '../../src/analysis/analyze';
import type { Summary } from '../../src/compile/summary';
import { summarize } from '../../src/compile/summary';
import type { Graph } from '../../src/graph/types';
import type { DataSignature } from '../../src/data/wiring';
import { analysisOf } from '../store/analysis';

// A pure memo, not state: keyed by the analysis object, which never changes, and gone with it.
const cache = new WeakMap<Analysis, Summary>();

/**
 * The summary of `graph`, computed once per analysis. The analysis object is the same while the
 * structure holds (names included), and a summary reads nothing else, so a selector using this
 * returns the same object during a drag and the panel does not re-render.
 */
export function summaryOf(graph: Graph, signature: DataSignature | null = null): Summary {
  const analysis = analysisOf(graph, signature);
  let summary = cache.get(analysis);
  if (summary === undefined) {
    summary = summarize(graph, analysis);
    cache.set(analysis, summary);
  }
  return summary;
}
