import { graphlib, layout } from '@dagrejs/dagre';
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import { contractCollapsed, groupsOf } from '../src/graph/groups';
import { mergeConstraints, slotOrder } from '../src/graph/slot-order';
import type { Graph, Position } from '../src/graph/types';

/** A node's rendered size on the canvas. */
export interface NodeSize {
  readonly width: number;
  readonly height: number;
}

/** Size assumed for a node React Flow has not measured yet (about one layer card). */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 200, height: 72 };

const NODE_SEP = 40;
const RANK_SEP = 60;
// Wider than dagre's 20, so a skip connection passes a branch with some air between them.
const EDGE_SEP = 40;

type Alignment = GraphLabel['align'];

/**
 * dagre's alignments, tried in turn until one leaves no edge running through a node. React Flow
 * draws each edge as one curve from handle to handle, ignoring dagre's routing around nodes, so a
 * skip connection is only clear when its ends share a column beside the branch it skips, which
 * the balanced default rarely gives and a one-sided alignment usually does.
 */
const ALIGNMENTS: readonly Alignment[] = [undefined, 'UL', 'DL', 'UR', 'DR'];

function runDagre(graph: Graph, sizeOf: (id: string) => NodeSize, align: Alignment): Map<string, Position> {
  // An expanded group is a dagre cluster, so no other layer lands inside its frame.
  const clusters = groupsOf(graph).filter((group) => !group.collapsed);
  const g = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true, compound: clusters.length > 0 });
  g.setGraph({ rankdir: 'TB', nodesep: NODE_SEP, edgesep: EDGE_SEP, ranksep: RANK_SEP, marginx: 0, marginy: 0, ...(align ? { align } : {}) });
  g.setDefaultEdgeLabel(() => ({}));
  const order = slotOrder(graph);
  for (const id of order) g.setNode(id, { ...sizeOf(id) });
  for (const group of clusters) {
    g.setNode(group.id, { width: 0, height: 0 });
    for (const member of group.members) if (g.hasNode(member)) g.setParent(member, group.id);
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  const edges = graph.edges
    .filter((e) => rank.has(e.source) && rank.has(e.target))
    .sort((a, b) => (rank.get(a.target) ?? 0) - (rank.get(b.target) ?? 0) || a.targetSlot - b.targetSlot);
  for (const e of edges) g.setEdge(e.source, e.target, {}, e.id);
  layout(g, { constraints: mergeConstraints(graph) });

  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const { x = 0, y = 0 } = g.node(node.id);
    const { width, height } = sizeOf(node.id);
    // dagre reports centres; React Flow positions are top-left corners.
    positions.set(node.id, { x: Math.round(x - width / 2), y: Math.round(y - height / 2) });
  }
  return positions;
}

/**
 * How many (edge, node) pairs have the edge, taken as the straight line from the source's bottom
 * handle to the target's top handle, passing through the node's box widened by a small margin.
 */
export function edgesThroughNodes(graph: Graph, positions: ReadonlyMap<string, Position>, sizeOf: (id: string) => NodeSize): number {
  const margin = 8;
  let count = 0;
  for (const e of graph.edges) {
    const s = positions.get(e.source);
    const t = positions.get(e.target);
    if (!s || !t) continue;
    const a = { x: s.x + sizeOf(e.source).width / 2, y: s.y + sizeOf(e.source).height };
    const b = { x: t.x + sizeOf(e.target).width / 2, y: t.y };
    const xAt = (y: number) => (b.y === a.y ? a.x : a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y));
    for (const node of graph.nodes) {
      const box = positions.get(node.id);
      if (!box || node.id === e.source || node.id === e.target) continue;
      const { width, height } = sizeOf(node.id);
      const top = Math.max(box.y, Math.min(a.y, b.y));
      const bottom = Math.min(box.y + height, Math.max(a.y, b.y));
      if (top >= bottom) continue;
      const x1 = xAt(top);
      const x2 = xAt(bottom);
      if (Math.max(x1, x2) > box.x - margin && Math.min(x1, x2) < box.x + width + margin) count += 1;
    }
  }
  return count;
}

/** The best dagre layout of `graph` over the alignments (see ALIGNMENTS), groups' clusters kept. */
function bestLayout(graph: Graph, sizeOf: (id: string) => NodeSize): Map<string, Position> {
  let best: { positions: Map<string, Position>; hits: number } | undefined;
  for (const align of ALIGNMENTS) {
    const positions = runDagre(graph, sizeOf, align);
    const hits = edgesThroughNodes(graph, positions, sizeOf);
    if (!best || hits < best.hits) best = { positions, hits };
    if (hits === 0) break;
  }
  return best?.positions ?? new Map();
}

/**
 * Top-left positions for every node of `graph`, laid out top to bottom by dagre, with edges kept
 * clear of nodes where an alignment allows. A collapsed group is laid out as its one card, and its
 * hidden layers on their own below that card's corner (expanding it makes room); an expanded
 * group's layers stay together. `sizes` are the measured node sizes by id (a collapsed group's card
 * under the group's id); unmeasured nodes count as DEFAULT_NODE_SIZE. Deterministic: the same graph
 * and sizes give the same result.
 */
export function tidyLayout(graph: Graph, sizes: Readonly<Record<string, NodeSize>>): Map<string, Position> {
  const sizeOf = (id: string): NodeSize => sizes[id] ?? DEFAULT_NODE_SIZE;
  const contracted = contractCollapsed(graph);
  const positions = bestLayout(contracted.graph, sizeOf);
  for (const [groupId, inner] of contracted.inner) {
    const origin = positions.get(groupId) ?? { x: 0, y: 0 };
    positions.delete(groupId);
    const local = bestLayout(inner, sizeOf);
    const points = [...local.values()];
    const left = Math.min(...points.map((p) => p.x));
    const top = Math.min(...points.map((p) => p.y));
    for (const [id, p] of local) positions.set(id, { x: origin.x + p.x - left, y: origin.y + p.y - top });
  }
  return positions;
}
