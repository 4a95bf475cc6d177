import { newId } from '../lib/ids';
import type { LayerKind } from '../graph/layer-kinds';
import { LAYOUT_Y_SPACING } from '../graph/layout';
import { sanitizeLayerName } from '../graph/names';
import { reachable } from '../graph/reach';
import { formatShape } from '../graph/shape';
import type { Edge, Graph, LayerNode, ParamValue } from '../graph/types';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import type { Analysis } from './analyze';
import type { EditResult } from './ops';
import { removeNodes, setTrainable } from './ops';

/**
 * Model surgery for transfer learning, as Keras's guide does it: freeze a base, cut it at a layer
 * and put a new classification head on it. Each is a pure graph edit; the store makes it one undo step.
 */

const nameOf = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;

/**
 * Freezes (`trainable` false) or unfreezes layer `id` and every layer before it (all its
 * ancestors): "freeze the base up to here".
 */
export function setTrainableThrough(graph: Graph, id: string, trainable: boolean): Graph {
  return setTrainable(graph, [id, ...reachable(graph, id, 'up')], trainable);
}

/**
 * The layers "use as feature extractor" removes: everything downstream of `id`, then any branch
 * left feeding nothing but removed layers (the other input of a merge that went). Layers that
 * feed `id` and layers with no link to what went stay.
 */
export function cutSet(graph: Graph, id: string): Set<string> {
  const gone = reachable(graph, id, 'down');
  if (gone.size === 0) return gone;
  const keep = new Set([id, ...reachable(graph, id, 'up')]);
  const consumers = new Map<string, string[]>();
  for (const e of graph.edges) consumers.set(e.source, [...(consumers.get(e.source) ?? []), e.target]);
  for (let grew = true; grew;) {
    grew = false;
    for (const n of graph.nodes) {
      const out = consumers.get(n.id) ?? [];
      if (!keep.has(n.id) && !gone.has(n.id) && out.length > 0 && out.every((t) => gone.has(t))) {
        gone.add(n.id);
        grew = true;
      }
    }
  }
  return gone;
}

/** "Use as feature extractor": removes {@link cutSet}, so `id`'s output becomes the model's open output. */
export function cutAfter(graph: Graph, id: string): EditResult {
  if (!graph.nodes.some((n) => n.id === id)) return { ok: false, reason: 'That layer no longer exists' };
  const gone = cutSet(graph, id);
  if (gone.size === 0) return { ok: false, reason: `Nothing follows ${nameOf(graph, id)}: its output is already the model's output` };
  return { ok: true, graph: removeNodes(graph, [...gone]) };
}

/** The new head's output: units and activation (`Dense(classes, softmax)` or `Dense(1, sigmoid)`). */
export interface HeadOutput {
  readonly units: number;
  readonly activation: string;
}

/** The pooling Keras's transfer-learning guide puts first, by the rank of the base's output (batch included). */
const POOLING: Readonly<Record<number, LayerKind | null>> = { 2: null, 3: 'GlobalAveragePooling1D', 4: 'GlobalAveragePooling2D' };

/** A head attached, with its layers' ids (pooling, dropout, dense), or why not. */
export type HeadResult = { readonly ok: true; readonly graph: Graph; readonly added: readonly string[] } | { readonly ok: false; readonly reason: string };

/** Keras's transfer-learning guide's dropout before the new classifier. */
export const HEAD_DROPOUT = 0.2;

/**
 * Attaches a new head after layer `after`, as Keras's transfer-learning guide does:
 * GlobalAveragePooling2D for a 4-D output (GlobalAveragePooling1D for 3-D, none for 2-D), then
 * Dropout(0.2) and Dense(units, activation), named `head_pool`, `head_dropout`, `head_dense`
 * (a suffix when taken). Whatever followed `after` goes first ({@link cutAfter}), so the head is
 * the model's output. Refused when `after`'s shape is unknown or of another rank.
 */
export function attachHead(graph: Graph, analysis: Analysis, after: string, output: HeadOutput): HeadResult {
  const base = graph.nodes.find((n) => n.id === after);
  if (!base) return { ok: false, reason: 'That layer no longer exists' };
  const shape = analysis.nodes[after]?.shape;
  if (!shape) return { ok: false, reason: `${base.name}'s output shape is not known yet; fix its problems before attaching a head` };
  const pooling = POOLING[shape.length];
  if (pooling === undefined) {
    return { ok: false, reason: `${base.name} outputs ${formatShape(shape)}; a head attaches to a 2-D, 3-D (sequence) or 4-D (image) output` };
  }
  const cut = cutSet(graph, after);
  let g = cut.size > 0 ? removeNodes(graph, [...cut]) : graph;
  const layers: [LayerKind, string, Readonly<Record<string, ParamValue>>][] = [
    ...(pooling ? [[pooling, 'head_pool', {}] as [LayerKind, string, Record<string, ParamValue>]] : []),
    ['Dropout', 'head_dropout', { rate: HEAD_DROPOUT }],
    ['Dense', 'head_dense', { units: output.units, activation: output.activation }],
  ];
  const added: string[] = [];
  let from = after;
  for (const [index, [kind, name, params]] of layers.entries()) {
    const node: LayerNode = {
      id: newId('node'),
      kind,
      name: sanitizeLayerName(name, new Set(g.nodes.map((n) => n.name))),
      params: { ...defaultParams(layerSpec(kind).params), ...params },
      position: { x: base.position.x, y: base.position.y + LAYOUT_Y_SPACING * (index + 1) },
    };
    const edge: Edge = { id: newId('edge'), source: from, target: node.id, targetSlot: 0 };
    g = { ...g, nodes: [...g.nodes, node], edges: [...g.edges, edge] };
    added.push(node.id);
    from = node.id;
  }
  return { ok: true, graph: g, added };
}
