import { groupById, groupsOf, memberBounds } from '../../src/graph/groups';
import type { Graph, NodeGroup, Position } from '../../src/graph/types';

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/** Room around an expanded group's layers inside its frame, and the frame's title bar. */
export const FRAME_PAD = 14;
export const FRAME_HEAD = 34;
/** A layer card's size before React Flow has measured it. */
const CARD = { width: 236, height: 73 } as const;

/** The frame drawn around an expanded group's layers, in canvas coordinates. */
export function frameBox(graph: Graph, group: NodeGroup, measured: Sizes): { x: number; y: number; width: number; height: number } {
  const inside = new Set(group.members);
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of graph.nodes) {
    if (!inside.has(n.id)) continue;
    const size = measured[n.id] ?? CARD;
    left = Math.min(left, n.position.x);
    top = Math.min(top, n.position.y);
    right = Math.max(right, n.position.x + size.width);
    bottom = Math.max(bottom, n.position.y + size.height);
  }
  if (left === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: left - FRAME_PAD, y: top - FRAME_HEAD, width: right - left + 2 * FRAME_PAD, height: bottom - top + FRAME_HEAD + FRAME_PAD };
}

/** Where the canvas draws group `group`: its card at its first row, or its frame's corner. */
export function groupPosition(graph: Graph, group: NodeGroup, measured: Sizes): Position {
  if (group.collapsed) return memberBounds(graph, group).min;
  const { x, y } = frameBox(graph, group, measured);
  return { x, y };
}

/**
 * Layer positions for a drag: each layer's new place, a group's card or frame moving all its
 * layers by as much. A layer whose group is dragged in the same change follows the group only.
 */
export function dragPositions(graph: Graph, moved: ReadonlyMap<string, Position>, measured: Sizes): Map<string, Position> {
  const out = new Map<string, Position>();
  const draggedGroups = new Set<string>();
  for (const [id, to] of moved) {
    const group = groupById(graph, id);
    if (!group) continue;
    draggedGroups.add(id);
    const from = groupPosition(graph, group, measured);
    const [dx, dy] = [to.x - from.x, to.y - from.y];
    const inside = new Set(group.members);
    for (const n of graph.nodes) if (inside.has(n.id)) out.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
  }
  const owners = new Map(groupsOf(graph).flatMap((g) => g.members.map((m) => [m, g.id] as const)));
  for (const [id, to] of moved) {
    if (draggedGroups.has(id) || draggedGroups.has(owners.get(id) ?? '')) continue;
    out.set(id, to);
  }
  return out;
}
