import { contractCollapsed } from './groups';
import type { Graph, LayerNode, Position } from './types';

/** Horizontal distance between neighbouring nodes of one rank, in canvas pixels. */
export const LAYOUT_X_SPACING = 220;
/** Vertical distance between ranks, in canvas pixels. */
export const LAYOUT_Y_SPACING = 120;
/** How much taller a collapsed group's card is than a layer (its in, out and params lines): rows below it move down by this. */
export const CARD_EXTRA_HEIGHT = 40;

/**
 * Rank of every node: the longest path to it from a node with no inputs (Kahn's algorithm). When
 * only cycles are left, the first unranked node in graph order is ranked from the parents ranked so
 * far and its cycle is treated as broken there, so every node gets a rank and the loop ends.
 */
function ranks(graph: Graph): Map<string, number> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  const children = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const parents = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const pending = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    children.get(e.source)?.push(e.target);
    parents.get(e.target)?.push(e.source);
    pending.set(e.target, (pending.get(e.target) ?? 0) + 1);
  }

  const rank = new Map<string, number>();
  const place = (id: string) => {
    const ranked = (parents.get(id) ?? []).filter((p) => rank.has(p));
    rank.set(id, ranked.length === 0 ? 0 : Math.max(...ranked.map((p) => rank.get(p) ?? 0)) + 1);
    for (const child of children.get(id) ?? []) pending.set(child, (pending.get(child) ?? 0) - 1);
  };
  while (rank.size < graph.nodes.length) {
    const ready = graph.nodes.filter((n) => !rank.has(n.id) && (pending.get(n.id) ?? 0) <= 0);
    // A stall means every unranked node waits on a cycle: break it at the first one in graph order.
    const batch = ready.length > 0 ? ready : graph.nodes.filter((n) => !rank.has(n.id)).slice(0, 1);
    for (const node of batch) place(node.id);
  }
  return rank;
}

/**
 * Top-left positions of the layered layout described at {@link layeredLayout}, groups ignored;
 * a row below one holding a `tall` node (a collapsed group's card) sits lower by the card's extra height.
 */
function flatPositions(graph: Graph, tall: ReadonlySet<string> = new Set()): Map<string, Position> {
  const rank = ranks(graph);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const rows: LayerNode[][] = [];
  for (const node of graph.nodes) (rows[rank.get(node.id) ?? 0] ??= []).push(node);

  const parentsOf = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) parentsOf.get(e.target)?.push(e.source);

  const widest = Math.max(1, ...rows.map((row) => row?.length ?? 0));
  const slot = new Map<string, number>();
  const x = (i: number, count: number) => (i + (widest - count) / 2) * LAYOUT_X_SPACING;

  rows.forEach((row = [], r) => {
    const key = (node: LayerNode) => {
      const xs = (parentsOf.get(node.id) ?? []).flatMap((p) => {
        const s = slot.get(p);
        return s === undefined ? [] : [s];
      });
      // Parentless nodes (or ones whose parents sit below, on a broken cycle) keep graph order after the rest.
      return xs.length === 0 ? Number.POSITIVE_INFINITY : xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const keys = new Map(row.map((n) => [n.id, r === 0 ? 0 : key(n)]));
    const sorted = [...row].sort((a, b) => (keys.get(a.id) ?? 0) - (keys.get(b.id) ?? 0) || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0));
    sorted.forEach((node, i) => slot.set(node.id, x(i, sorted.length)));
  });

  const top: number[] = [0];
  for (let r = 1; r < rows.length; r += 1) {
    top[r] = (top[r - 1] ?? 0) + LAYOUT_Y_SPACING + ((rows[r - 1] ?? []).some((n) => tall.has(n.id)) ? CARD_EXTRA_HEIGHT : 0);
  }
  return new Map(graph.nodes.map((node) => [node.id, { x: slot.get(node.id) ?? 0, y: top[rank.get(node.id) ?? 0] ?? 0 }]));
}

/**
 * The graph with every node moved to a deterministic top-to-bottom layered layout: a node's row is
 * the longest path to it from an input, and within a row nodes are ordered by the mean x of their
 * parents (fewer crossings), ties kept in graph order. A collapsed group takes one row, as the
 * canvas draws it, and its layers are laid out the same way from there (expanding it makes room
 * below). Coordinates are non-negative. Pure; cycles are tolerated.
 */
export function layeredLayout(graph: Graph): Graph {
  const contracted = contractCollapsed(graph);
  const positions = flatPositions(contracted.graph, new Set(contracted.inner.keys()));
  for (const [groupId, members] of contracted.inner) {
    const origin = positions.get(groupId) ?? { x: 0, y: 0 };
    for (const [id, p] of flatPositions(members)) positions.set(id, { x: origin.x + p.x, y: origin.y + p.y });
  }
  return { ...graph, nodes: graph.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? { x: 0, y: 0 } })) };
}
