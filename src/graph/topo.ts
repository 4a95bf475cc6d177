import type { Graph } from './types';

/** Topological order of the nodes that are on no cycle, plus one example path per cycle. */
export interface TopoResult {
  readonly order: readonly string[];
  /** Each cycle as node ids, first id repeated at the end: `[a, b, a]`. */
  readonly cycles: readonly (readonly string[])[];
  /** Every node id that is on a cycle or downstream of one. */
  readonly blocked: ReadonlySet<string>;
}

/**
 * Kahn's algorithm in graph order, so the order is stable for a given graph. Nodes that never
 * reach in-degree zero are on or behind a cycle; a DFS among them finds a cycle to name.
 */
export function topoSort(graph: Graph): TopoResult {
  const indegree = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const next = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!indegree.has(e.source) || !indegree.has(e.target)) continue;
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
    next.get(e.source)?.push(e.target);
  }
  const queue = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] as string;
    order.push(id);
    for (const t of next.get(id) ?? []) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  const done = new Set(order);
  const blocked = new Set(graph.nodes.map((n) => n.id).filter((id) => !done.has(id)));
  return { order, cycles: findCycles(blocked, next), blocked };
}

function findCycles(blocked: ReadonlySet<string>, next: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const t of next.get(id) ?? []) {
      if (!blocked.has(t)) continue;
      if (state.get(t) === 'active') cycles.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of blocked) if (!state.has(id)) visit(id);
  return cycles;
}

/** True when adding an edge source -> target would close a cycle (target already reaches source). */
export function wouldCycle(graph: Graph, source: string, target: string): boolean {
  if (source === target) return true;
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<string>([target]);
  const stack = [target];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === source) return true;
    for (const t of next.get(id) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return false;
}
