import type { Edge, Graph, LayerNode, NodeGroup, Position } from './types';

/**
 * Group bookkeeping: which layers a group holds, what feeds it and what it feeds, and how the
 * graph's edits keep groups true. Groups are an editing aid (docs/groups.md): nothing here changes
 * a layer, an edge or a parameter, only `graph.groups` and, for room, positions.
 */

const NONE: readonly NodeGroup[] = [];

/** The graph's groups (none when it has no `groups`). */
export const groupsOf = (graph: Pick<Graph, 'groups'>): readonly NodeGroup[] => graph.groups ?? NONE;

/** The group with `id`, if any. */
export const groupById = (graph: Graph, id: string): NodeGroup | undefined => groupsOf(graph).find((g) => g.id === id);

/** The group that holds layer `nodeId`, if any. */
export const groupOf = (graph: Graph, nodeId: string): NodeGroup | undefined => groupsOf(graph).find((g) => g.members.includes(nodeId));

/** `graph` with `groups`, the key left out when there are none (so a graph without groups stays as it was). */
export function withGroups(graph: Graph, groups: readonly NodeGroup[]): Graph {
  const { groups: _old, ...rest } = graph;
  return groups.length === 0 ? rest : { ...rest, groups };
}

/**
 * The graph with every group's members that are no longer layers dropped, and groups left empty
 * removed: run after anything removes layers. The same object when nothing changed.
 */
export function pruneGroups(graph: Graph): Graph {
  const groups = groupsOf(graph);
  if (groups.length === 0) return graph;
  const ids = new Set(graph.nodes.map((n) => n.id));
  let changed = false;
  const kept = groups.flatMap((g) => {
    const members = g.members.filter((id) => ids.has(id));
    if (members.length === g.members.length) return [g];
    changed = true;
    return members.length === 0 ? [] : [{ ...g, members }];
  });
  return changed ? withGroups(graph, kept) : graph;
}

/**
 * Why `members` cannot form a new group (none given, an unknown layer, a layer already in a group,
 * or `id` taken by a layer or group), or null when they can.
 */
export function groupProblem(graph: Graph, id: string, members: readonly string[]): string | null {
  if (members.length === 0) return 'a group needs at least one layer';
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (byId.has(id) || groupById(graph, id)) return `the id "${id}" is already used`;
  for (const member of members) {
    const node = byId.get(member);
    if (!node) return `"${member}" is not a layer of this graph`;
    const owner = groupOf(graph, member);
    if (owner) return `${node.name} is already in the group ${owner.title}`;
  }
  if (new Set(members).size !== members.length) return 'a layer is listed twice';
  return null;
}

/** The graph without group `id`; its layers stay where they are, ungrouped. */
export function ungroup(graph: Graph, id: string): Graph {
  const groups = groupsOf(graph);
  return groups.some((g) => g.id === id)
    ? withGroups(
        graph,
        groups.filter((g) => g.id !== id),
      )
    : graph;
}

/** The layer ids that `ids` stand for: a group's id stands for all its members. Order kept, no repeats. */
export function memberIds(graph: Graph, ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const group = groupById(graph, id);
    for (const member of group ? group.members : [id]) out.add(member);
  }
  return [...out];
}

/** How a group meets the rest of the graph. */
export interface GroupPorts {
  /** Edges from a layer outside into a member, in graph order. */
  readonly incoming: readonly Edge[];
  /** Edges from a member to a layer outside, in graph order. */
  readonly outgoing: readonly Edge[];
  /** Members whose output leaves the group or goes nowhere (the model's outputs), in member order. */
  readonly outputs: readonly string[];
}

/** The edges into and out of `group`, and the members that are its outputs. */
export function groupPorts(graph: Graph, group: NodeGroup): GroupPorts {
  const inside = new Set(group.members);
  const incoming = graph.edges.filter((e) => !inside.has(e.source) && inside.has(e.target));
  const outgoing = graph.edges.filter((e) => inside.has(e.source) && !inside.has(e.target));
  const consumedInside = new Set(graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => e.source));
  const leaving = new Set(outgoing.map((e) => e.source));
  const outputs = group.members.filter((id) => leaving.has(id) || !consumedInside.has(id));
  return { incoming, outgoing, outputs };
}

/** The one member whose output is the group's, or undefined when it has several (or none). */
export function groupOutput(graph: Graph, group: NodeGroup): string | undefined {
  const { outputs } = groupPorts(graph, group);
  return outputs.length === 1 ? outputs[0] : undefined;
}

/** The collapsed group that hides each layer: layer id to group id. */
export function collapsedOwners(graph: Pick<Graph, 'groups'>): Map<string, string> {
  const owner = new Map<string, string>();
  for (const g of groupsOf(graph)) if (g.collapsed) for (const m of g.members) owner.set(m, g.id);
  return owner;
}

/** The ids the canvas shows for `ids`: a layer hidden in a collapsed group shows as that group. No repeats. */
export function shownIds(graph: Graph, ids: readonly string[]): string[] {
  const owner = collapsedOwners(graph);
  return [...new Set(ids.map((id) => owner.get(id) ?? id))];
}

/** The smallest and largest member positions of `group` (top-left corners of their cards). */
export function memberBounds(graph: Graph, group: NodeGroup): { readonly min: Position; readonly max: Position } {
  const inside = new Set(group.members);
  const points = graph.nodes.filter((n) => inside.has(n.id)).map((n) => n.position);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  if (points.length === 0) return { min: { x: 0, y: 0 }, max: { x: 0, y: 0 } };
  return { min: { x: Math.min(...xs), y: Math.min(...ys) }, max: { x: Math.max(...xs), y: Math.max(...ys) } };
}

/** A layer card's width on the canvas, for deciding what sits below a group. */
export const CARD_WIDTH = 236;

/**
 * Expands or collapses group `id`. Collapsed, the group is drawn as one card where its first row
 * was; expanded, its layers take their rows again. So that neither hides nor overlaps anything, the
 * layers below it (in its columns) move down by the group's height when it expands, and back up
 * when it collapses; another group moves as a whole. Layers, edges and params are untouched.
 */
export function setGroupCollapsed(graph: Graph, id: string, collapsed: boolean): Graph {
  const group = groupById(graph, id);
  if (!group || group.collapsed === collapsed) return graph;
  const { min, max } = memberBounds(graph, group);
  const span = max.y - min.y;
  const inside = new Set(group.members);
  const below = (n: LayerNode) =>
    !inside.has(n.id) && (collapsed ? n.position.y > max.y : n.position.y > min.y) && n.position.x < max.x + CARD_WIDTH && n.position.x + CARD_WIDTH > min.x;
  const moving = new Set(graph.nodes.filter(below).map((n) => n.id));
  for (const other of groupsOf(graph)) if (other.members.some((m) => moving.has(m))) for (const m of other.members) moving.add(m);
  const dy = collapsed ? -span : span;
  const nodes = span === 0 ? graph.nodes : graph.nodes.map((n) => (moving.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + dy } } : n));
  return { ...graph, nodes, groups: groupsOf(graph).map((g) => (g.id === id ? { ...g, collapsed } : g)) };
}

/**
 * The graph as a layout sees it when each collapsed group is one box: a stand-in node per collapsed
 * group (its id the group's), edges into and out of it rewired to it, edges inside it dropped.
 * `inner` holds each collapsed group's own layers and edges, to be laid out on their own.
 */
export function contractCollapsed(graph: Graph): { readonly graph: Graph; readonly inner: ReadonlyMap<string, Graph> } {
  const owner = collapsedOwners(graph);
  if (owner.size === 0) return { graph, inner: new Map() };
  const nodes: LayerNode[] = [];
  const inner = new Map<string, { nodes: LayerNode[]; edges: Edge[] }>();
  for (const n of graph.nodes) {
    const g = owner.get(n.id);
    if (g === undefined) nodes.push(n);
    else if (inner.has(g)) inner.get(g)?.nodes.push(n);
    else {
      inner.set(g, { nodes: [n], edges: [] });
      nodes.push({ ...n, id: g });
    }
  }
  const edges: Edge[] = [];
  for (const e of graph.edges) {
    const [s, t] = [owner.get(e.source), owner.get(e.target)];
    if (s !== undefined && s === t) inner.get(s)?.edges.push(e);
    else edges.push({ ...e, source: s ?? e.source, target: t ?? e.target });
  }
  return { graph: { nodes, edges }, inner };
}
