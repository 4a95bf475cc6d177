import { groupProblem, groupsOf, setGroupCollapsed, withGroups } from './groups';
import { reachable } from './reach';
import type { Graph, NodeGroup } from './types';

/** The kind of a group made from selected layers: a Keras nested model. */
export const MODEL_GROUP_KIND = 'Model';

/** Keras's name for the next nested model: `functional`, then `functional_1`, `functional_2`, ... */
export function nestedModelTitle(graph: Graph): string {
  const taken = new Set(groupsOf(graph).map((g) => g.title));
  if (!taken.has('functional')) return 'functional';
  for (let n = 1; ; n += 1) if (!taken.has(`functional_${n}`)) return `functional_${n}`;
}

/**
 * Why `members` cannot become one nested model, or null: fewer than two layers, an unknown layer
 * or one already grouped ({@link groupProblem}), layers not joined by edges among themselves, or a
 * path that leaves the selection and comes back into it (the card would then feed itself).
 */
export function selectionGroupProblem(graph: Graph, id: string, members: readonly string[]): string | null {
  if (members.length < 2) return 'Select at least two connected layers to group them';
  const problem = groupProblem(graph, id, members);
  if (problem !== null) return `Cannot group these layers: ${problem}`;
  const inside = new Set(members);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const links = graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target));
  const joined = new Set([members[0] as string]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of links) {
      if (joined.has(e.source) !== joined.has(e.target)) {
        joined.add(e.source).add(e.target);
        grew = true;
      }
    }
  }
  const apart = members.find((m) => !joined.has(m));
  if (apart !== undefined)
    return `Cannot group these layers: ${names.get(apart) ?? apart} is not connected to ${names.get(members[0] as string) ?? ''}; select layers that form one piece`;
  for (const e of graph.edges) {
    if (!inside.has(e.source) || inside.has(e.target)) continue;
    const back = [...reachable(graph, e.target, 'down')].find((t) => inside.has(t));
    if (back !== undefined) {
      return `Cannot group these layers: ${names.get(e.target) ?? e.target} lies between ${names.get(e.source) ?? ''} and ${names.get(back) ?? ''}; select it too`;
    }
  }
  return null;
}

/**
 * Groups `members` (in graph order) as a collapsed nested model titled as Keras names one
 * (`functional`, ...), or says why not ({@link selectionGroupProblem}). The group's id is `id`.
 */
export function groupSelection(
  graph: Graph,
  id: string,
  members: readonly string[],
): { ok: true; graph: Graph; group: NodeGroup } | { ok: false; reason: string } {
  const reason = selectionGroupProblem(graph, id, members);
  if (reason !== null) return { ok: false, reason };
  const inside = new Set(members);
  const group: NodeGroup = {
    id,
    title: nestedModelTitle(graph),
    kind: MODEL_GROUP_KIND,
    members: graph.nodes.filter((n) => inside.has(n.id)).map((n) => n.id),
    collapsed: false,
  };
  // Collapsing through setGroupCollapsed moves what lies below up, as a collapse always does.
  const grouped = setGroupCollapsed(withGroups(graph, [...groupsOf(graph), group]), id, true);
  return { ok: true, graph: grouped, group: { ...group, collapsed: true } };
}
