import type { Graph } from './types';

/**
 * The layers upstream (`'up'`: everything whose output reaches `id`) or downstream (`'down'`:
 * everything `id`'s output reaches) of layer `id`, without `id` itself. Safe on graphs with cycles.
 */
export function reachable(graph: Pick<Graph, 'edges'>, id: string, direction: 'up' | 'down'): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    const [from, to] = direction === 'down' ? [e.source, e.target] : [e.target, e.source];
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const t of next.get(stack.pop() as string) ?? []) {
      if (t !== id && !seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return seen;
}
