import { newId } from '../lib/ids';
import { uniqueLayerName } from './names';
import type { Graph, LayerNode } from './types';

/** The selected nodes with the edges among them: what Copy puts on the clipboard. */
export function extractSubgraph(graph: Graph, nodeIds: readonly string[]): Graph {
  const ids = new Set(nodeIds);
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * Adds a copy of `clip` to `graph`: fresh ids, fresh Keras-style names (`dense_3`), positions
 * moved by `offset`, edges among the copies kept. Returns the new graph and the copies' ids.
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
  return { graph: { nodes: [...graph.nodes, ...copies], edges: [...graph.edges, ...edges] }, ids: copies.map((c) => c.id) };
}
