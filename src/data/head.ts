import type { Analysis } from '../analysis/analyze';
import type { HeadResult } from '../analysis/surgery';
import { attachHead } from '../analysis/surgery';
import type { Graph } from '../graph/types';
import type { Loss } from '../settings/training';
import type { DataSignature } from './wiring';
import { outputFor } from './wiring';

/** A head attached for the data: the graph, the new layers, and the loss to train it with (none when no data chose it). */
export type DataHeadResult = (HeadResult & { readonly ok: true; readonly loss: Loss | null }) | (HeadResult & { readonly ok: false });

/**
 * "Attach a new head for this data" after layer `after` ({@link attachHead}). With data loaded,
 * the head's Dense is what the target asks for ({@link outputFor}: `Dense(classes, softmax)`, or
 * `Dense(1, sigmoid)` for a binary target) and the loss goes with it. Without data, the model's
 * current output Dense says how many classes there are (its units and activation are kept), so a
 * base cut from a classifier keeps its classes; with neither, it asks for data.
 */
export function attachHeadForData(graph: Graph, analysis: Analysis, after: string, sig: DataSignature | null): DataHeadResult {
  if (sig) {
    const form = outputFor(sig);
    const result = attachHead(graph, analysis, after, form);
    return result.ok ? { ...result, loss: form.loss } : result;
  }
  const outputs = analysis.outputs.map((id) => graph.nodes.find((n) => n.id === id));
  const last = outputs.length === 1 ? outputs[0] : undefined;
  if (last?.kind !== 'Dense' || last.id === after) {
    return { ok: false, reason: 'Load data first (the Data tab): the new head is sized for the classes of the data' };
  }
  const result = attachHead(graph, analysis, after, { units: Number(last.params.units), activation: String(last.params.activation) });
  return result.ok ? { ...result, loss: null } : result;
}
