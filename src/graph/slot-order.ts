import type { Edge, Graph } from './types';

/** "`left` lies left of `right`" in a layered layout's order within a rank (dagre's order constraint). */
export interface OrderConstraint {
  readonly left: string;
  readonly right: string;
}

/**
 * Node ids in a topological order that visits each layer's inputs in slot order (a post-order walk
 * up from the outputs). dagre seeds its left-to-right order from insertion order, so feeding it this
 * keeps a merge's first input on its left however the user happened to create the edges.
 */
export function slotOrder(graph: Graph): string[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const inputs = new Map<string, Edge[]>();
  for (const e of graph.edges) {
    if (ids.has(e.source) && ids.has(e.target)) inputs.set(e.target, [...(inputs.get(e.target) ?? []), e]);
  }
  const consumed = new Set(graph.edges.map((e) => e.source));
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const e of [...(inputs.get(id) ?? [])].sort((a, b) => a.targetSlot - b.targetSlot)) visit(e.source);
    order.push(id);
  };
  // Outputs first, then anything a cycle left unvisited, both in graph order.
  for (const n of graph.nodes) if (!consumed.has(n.id)) visit(n.id);
  for (const n of graph.nodes) visit(n.id);
  return order;
}

/**
 * "Left of" constraints between consecutive inputs of each merge layer, so that dagre keeps slot 0
 * on the left when the inputs share a rank (its crossing minimisation otherwise flips ties); with
 * `fanOut`, also between the layers one layer feeds, in graph order. A pair that would contradict
 * earlier ones (two merges taking the same inputs in opposite orders) is skipped: a cyclic
 * constraint set would make dagre drop nodes.
 */
export function mergeConstraints(graph: Graph, options: { readonly fanOut?: boolean } = {}): OrderConstraint[] {
  const rightOf = new Map<string, string[]>();
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return (rightOf.get(from) ?? []).some((n) => reaches(n, to, seen));
  };
  const constraints: OrderConstraint[] = [];
  const inOrder = (ids: readonly string[]) =>
    ids.slice(1).forEach((right, i) => {
      const left = ids[i] ?? right;
      if (reaches(right, left)) return;
      rightOf.set(left, [...(rightOf.get(left) ?? []), right]);
      constraints.push({ left, right });
    });
  const byTarget = new Map<string, Edge[]>();
  for (const e of graph.edges) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e]);
  for (const list of byTarget.values()) inOrder([...list].sort((a, b) => a.targetSlot - b.targetSlot).map((e) => e.source));
  if (options.fanOut) {
    const place = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const bySource = new Map<string, string[]>();
    for (const e of graph.edges) bySource.set(e.source, [...new Set([...(bySource.get(e.source) ?? []), e.target])]);
    for (const targets of bySource.values()) inOrder(targets.sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0)));
  }
  return constraints;
}
