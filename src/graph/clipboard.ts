import { newId } from '../lib/ids';
import { groupsOf, withGroups } from './groups';
import { uniqueLayerName } from './names';
import type { Graph, LayerNode, NodeGroup } from './types';

/**
 * The selected nodes with the edges among them, and the groups all of whose layers are selected:
 * what Copy puts on the clipboard. A group only partly selected is not copied (its layers are).
 */
export function extractSubgraph(graph: Graph, nodeIds: readonly string[]): Graph {
  const ids = new Set(nodeIds);
  return withGroups(
    {
      nodes: graph.nodes.filter((n) => ids.has(n.id)),
      edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    },
    groupsOf(graph).filter((g) => g.members.every((m) => ids.has(m))),
  );
}

/**
 * Adds a copy of `clip` to `graph`: fresh ids, fresh Keras-style names (`dense_3`), positions
 * moved by `offset`, edges and groups among the copies kept (each group a new one). Returns the
 * new graph and the copies' ids.
 */
export function pasteSubgraph(graph: Graph, clip: Graph, offset = { x: 40, y: 40 }): { graph: Graph; ids: string[] } {
  const taken = new Set(graph.nodes.map((n) => n.name));
  const idMap = new Map<string, string>();
  const copies: LayerNode[] = clip.nodes.map((n) => {
    const name = uniqueLayerName(n.kind, taken);
    taken.add(name);
    const id = newId('node');
    idMap.set(n.id, id);
    return { ...n, id, name, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges = clip.edges.flatMap((e) => {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    return source && target ? [{ ...e, id: newId('edge'), source, target }] : [];
  });
  const groups = groupsOf(clip).flatMap((g): NodeGroup[] => {
    const members = g.members.flatMap((m) => idMap.get(m) ?? []);
    return members.length === 0 ? [] : [{ ...g, id: newId('group'), members }];
  });
  const nodes = [...graph.nodes, ...copies];
  return { graph: withGroups({ ...graph, nodes, edges: [...graph.edges, ...edges] }, [...groupsOf(graph), ...groups]), ids: copies.map((c) => c.id) };
}
