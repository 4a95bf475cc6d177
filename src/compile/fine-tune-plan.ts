/**
 * Which layers fine-tuning's phase 2 unfreezes, as Keras's transfer-learning guide picks them: the
 * base is every layer the user froze; phase 2 trains the top `unfreeze` of them that hold weights
 * (a frozen pooling layer has nothing to train), nearest the head first, and leaves every
 * BatchNormalization frozen so that it keeps its moving statistics and runs in inference mode.
 * The app's run and the Keras script both take their phase 2 from here.
 */
import { analyze } from '../analysis/analyze';
import { setTrainable } from '../analysis/ops';
import type { Graph } from '../graph/types';

/** Phase 2 of a fine-tune: the layers it unfreezes and the graph it trains. */
export interface FineTunePlan {
  /** Node ids phase 2 unfreezes, in the model's (topological) order. */
  readonly unfrozen: readonly string[];
  /** The graph with those layers trainable; everything else as the user set it. */
  readonly graph: Graph;
}

/** Kinds that stay frozen in phase 2, as the guide says of BatchNormalization. */
const STAY_FROZEN: ReadonlySet<string> = new Set(['BatchNormalization']);

/** Phase 2 of fine-tuning `graph`: its top `unfreeze` frozen layers with weights made trainable. */
export function fineTunePlan(graph: Graph, unfreeze: number): FineTunePlan {
  const analysis = analyze(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const candidates = analysis.order.filter((id) => {
    const node = byId.get(id);
    const params = analysis.nodes[id]?.params;
    return node?.trainable === false && !STAY_FROZEN.has(node.kind) && params !== undefined && params.trainable + params.nonTrainable > 0;
  });
  const unfrozen = unfreeze > 0 ? candidates.slice(-unfreeze) : [];
  return { unfrozen, graph: setTrainable(graph, unfrozen, true) };
}

/** Why a graph cannot be fine-tuned (no frozen layer with weights to unfreeze), or null. */
export function fineTuneProblem(plan: FineTunePlan): string | null {
  return plan.unfrozen.length > 0
    ? null
    : 'Fine-tuning needs a frozen base: freeze the pretrained layers (the inspector’s trainable box) and phase 2 unfreezes the top ones.';
}
