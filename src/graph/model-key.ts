import type { Graph } from './types';

/**
 * What makes two graphs the same model for its weights: layers (id, kind, name, params) and
 * wiring. Positions and trainable flags are left out: moving a node or freezing a layer keeps the
 * weights a model holds.
 */
export function modelKey(graph: Graph): string {
  return JSON.stringify([graph.nodes.map((n) => [n.id, n.kind, n.name, n.params]), graph.edges.map((e) => [e.source, e.target, e.targetSlot])]);
}
