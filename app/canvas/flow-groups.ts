import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import { useMemo } from 'react';
import { collapsedOwners, groupsOf } from '../../src/graph/groups';
import type { Graph, LayerNode } from '../../src/graph/types';
import { frameBox, groupPosition } from './group-geometry';

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

const NO_DATA = {};

/** The layers the canvas draws as cards: all but those inside a collapsed group. */
export function useVisibleLayers(graph: Graph): readonly LayerNode[] {
  return useMemo(() => {
    const hidden = collapsedOwners(graph);
    return hidden.size === 0 ? graph.nodes : graph.nodes.filter((n) => !hidden.has(n.id));
  }, [graph]);
}

/**
 * One React Flow node per group: a collapsed group is a card (`layerGroup`) where its first row
 * is, an expanded one a frame (`groupFrame`) around its layers, dragged by its title bar. Frames
 * come first, so the cards are drawn over them; a frame lets the pointer through to the edges
 * beneath it except on its title bar (canvas.css). It stays above the edges so that no edge
 * crossing the title bar takes its buttons' clicks.
 */
export function useGroupNodes(graph: Graph, selectedNodes: readonly string[], measured: Sizes, labels: ReadonlyMap<string, string>): FlowNode[] {
  return useMemo(() => {
    const selected = new Set(selectedNodes);
    const nodes = groupsOf(graph).map((g): FlowNode => {
      const common = { id: g.id, data: NO_DATA, selected: selected.has(g.id), ariaLabel: labels.get(g.id) ?? g.title };
      if (g.collapsed) {
        const size = measured[g.id];
        return { ...common, type: 'layerGroup', position: groupPosition(graph, g, measured), ...(size ? { measured: size } : {}) };
      }
      const box = frameBox(graph, g, measured);
      return {
        ...common,
        type: 'groupFrame',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        dragHandle: '.group-frame__head',
        connectable: false,
      };
    });
    return [...nodes.filter((n) => n.type === 'groupFrame'), ...nodes.filter((n) => n.type !== 'groupFrame')];
  }, [graph, selectedNodes, measured, labels]);
}

/** An edge as the canvas draws it, and the graph edges it stands for (several, into or out of a collapsed group). */
export interface CanvasEdge {
  readonly flow: FlowEdge;
  readonly edges: readonly string[];
}

/** What a screen reader says for one end of an edge: the layer's (or group's) name, and its output shape if known. */
export interface EdgeEnd {
  readonly name: string;
  readonly shape?: string;
}

/**
 * An edge's accessible name, `dense_1 (None, 64) to dense_2`, with the input slot for a merge.
 * React Flow's default, `Edge from node_mx4d… to node_…`, reads out internal ids.
 */
export function edgeLabel(source: string, target: string, ends: ReadonlyMap<string, EdgeEnd>, slot?: number): string {
  const from = ends.get(source);
  const to = ends.get(target)?.name ?? target;
  const shape = from?.shape ? ` ${from.shape}` : '';
  return `${from?.name ?? source}${shape} to ${to}${slot === undefined ? '' : ` input ${slot}`}`;
}

/**
 * The edges to draw: an edge touching a layer inside a collapsed group attaches to the group's
 * card, edges within it are not drawn, and edges that then join the same two cards are drawn once.
 * `ends` names the layers and groups for each edge's `ariaLabel`.
 */
export function canvasEdges(
  graph: Pick<Graph, 'edges' | 'groups'>,
  merges: ReadonlySet<string>,
  selectedEdges: readonly string[],
  ends: ReadonlyMap<string, EdgeEnd> = new Map(),
): CanvasEdge[] {
  const owner = collapsedOwners(graph);
  const selected = new Set(selectedEdges);
  const byEnds = new Map<string, { flow: FlowEdge; edges: string[] }>();
  for (const e of graph.edges) {
    const source = owner.get(e.source) ?? e.source;
    const target = owner.get(e.target) ?? e.target;
    if (source === target) continue;
    const key = `${source}>${target}`;
    const seen = byEnds.get(key);
    if (seen && (owner.has(e.source) || owner.has(e.target))) {
      seen.edges.push(e.id);
      if (selected.has(e.id)) seen.flow = { ...seen.flow, selected: true };
      continue;
    }
    const slot = merges.has(e.target) && !owner.has(e.target) ? e.targetSlot + 1 : undefined;
    const label = slot === undefined ? {} : { label: String(slot) };
    const ariaLabel = edgeLabel(source, target, ends, slot);
    const flow: FlowEdge = { id: e.id, source, target, sourceHandle: 'out', targetHandle: 'in', selected: selected.has(e.id), ariaLabel, ...label };
    byEnds.set(seen ? `${key}#${e.id}` : key, { flow, edges: [e.id] });
  }
  return [...byEnds.values()];
}

/** The graph edges that canvas edges `ids` stand for. */
export function graphEdgeIds(graph: Pick<Graph, 'edges' | 'groups'>, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return canvasEdges(graph, new Set(), []).flatMap((c) => (wanted.has(c.flow.id) ? c.edges : []));
}
