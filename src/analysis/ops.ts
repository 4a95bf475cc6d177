import { assertNever } from '../lib/assert-never';
import { newId } from '../lib/ids';
import type { LayerKind } from '../graph/layer-kinds';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import { paramProblem } from '../layers/validate-params';
import type { Fix } from '../graph/diagnostics';
import { isValidLayerName, uniqueLayerName } from '../graph/names';
import { groupById, groupOutput, memberIds, pruneGroups } from '../graph/groups';
import { wouldCycle } from '../graph/topo';
import type { Edge, Graph, LayerNode, ParamValue, Position } from '../graph/types';

/** The result of an edit the user may have asked for wrongly: the new graph, or why not. */
export type EditResult = { readonly ok: true; readonly graph: Graph } | { readonly ok: false; readonly reason: string };

const names = (graph: Graph) => new Set(graph.nodes.map((n) => n.name));
const nodeById = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id);

/** Adds a layer with default params (overridden by `params`) and a fresh Keras-style name. */
export function addLayer(
  graph: Graph,
  kind: LayerKind,
  position: Position,
  params: Readonly<Record<string, ParamValue>> = {},
): { graph: Graph; node: LayerNode } {
  const node: LayerNode = {
    id: newId('node'),
    kind,
    name: uniqueLayerName(kind, names(graph)),
    params: { ...defaultParams(layerSpec(kind).params), ...params },
    position,
  };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, node };
}

/**
 * Removes nodes and every edge touching them; merge inputs after a gap move up a slot. A group's
 * id removes the group with all its layers; a removed layer leaves its group (an emptied group goes).
 */
export function removeNodes(graph: Graph, ids: readonly string[]): Graph {
  const gone = new Set(memberIds(graph, ids));
  if (gone.size === 0) return graph;
  const kept = graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  return pruneGroups(compactSlots({ ...graph, nodes: graph.nodes.filter((n) => !gone.has(n.id)), edges: kept }));
}

/** Removes edges by id. */
export function removeEdges(graph: Graph, ids: readonly string[]): Graph {
  const gone = new Set(ids);
  return compactSlots({ ...graph, edges: graph.edges.filter((e) => !gone.has(e.id)) });
}

/** Renumbers each node's input slots 0..n-1 in their current order, so merges have no gaps. */
function compactSlots(graph: Graph): Graph {
  const byTarget = new Map<string, Edge[]>();
  for (const e of graph.edges) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e]);
  const slot = new Map<string, number>();
  for (const list of byTarget.values()) {
    [...list].sort((a, b) => a.targetSlot - b.targetSlot).forEach((e, i) => slot.set(e.id, i));
  }
  return { ...graph, edges: graph.edges.map((e) => (slot.get(e.id) === e.targetSlot ? e : { ...e, targetSlot: slot.get(e.id) ?? 0 })) };
}

/**
 * The layers a connection drawn between two canvas nodes joins: a group as the source stands for
 * its output layer; a group cannot be the target, since which of its layers to feed is the user's
 * to choose (expanded, they can).
 */
export function connectionEnds(graph: Graph, source: string, target: string): { ok: true; source: string; target: string } | { ok: false; reason: string } {
  const from = groupById(graph, source);
  const to = groupById(graph, target);
  if (to) return { ok: false, reason: `Expand ${to.title} to connect to one of its layers` };
  if (!from) return { ok: true, source, target };
  const output = groupOutput(graph, from);
  return output === undefined ? { ok: false, reason: `${from.title} has no single output layer; expand it to pick one` } : { ok: true, source: output, target };
}

/** Why connecting layer `source`'s output to layer `target` would be refused, or null. */
function layerConnectionProblem(graph: Graph, source: string, target: string): string | null {
  const from = nodeById(graph, source);
  const to = nodeById(graph, target);
  if (!from || !to) return 'That layer no longer exists';
  if (source === target) return `${to.name} cannot take its own output`;
  const spec = layerSpec(to.kind);
  const incoming = graph.edges.filter((e) => e.target === target);
  if (spec.arity.max === 0) return `${to.name} is an Input: data enters there, nothing can feed it`;
  if (incoming.some((e) => e.source === source)) return `${from.name} is already connected to ${to.name}`;
  if (incoming.length >= spec.arity.max) {
    return spec.arity.max === 1
      ? `${to.name} takes one input and already has one; use a merge layer (Add, Concatenate) to combine branches`
      : `${to.name} takes at most ${spec.arity.max} inputs`;
  }
  if (wouldCycle(graph, source, target)) return `Connecting ${from.name} to ${to.name} would make a cycle`;
  return null;
}

/**
 * Why connecting `source`'s output to `target` would be refused (unknown node, Input target,
 * full input, duplicate, cycle, a group as the target), or null when it is fine. The canvas asks
 * while dragging. Either end may be a canvas node that is a group (see {@link connectionEnds}).
 */
export function connectionProblem(graph: Graph, source: string, target: string): string | null {
  const ends = connectionEnds(graph, source, target);
  return ends.ok ? layerConnectionProblem(graph, ends.source, ends.target) : ends.reason;
}

/** Connects `source`'s output to the next free input slot of `target` (either may be a group), or says why not. */
export function connect(graph: Graph, canvasSource: string, canvasTarget: string): EditResult {
  const ends = connectionEnds(graph, canvasSource, canvasTarget);
  if (!ends.ok) return ends;
  const { source, target } = ends;
  const reason = layerConnectionProblem(graph, source, target);
  if (reason !== null) return { ok: false, reason };
  const targetSlot = graph.edges.filter((e) => e.target === target).length;
  return { ok: true, graph: { ...graph, edges: [...graph.edges, { id: newId('edge'), source, target, targetSlot }] } };
}

/** Sets one parameter after validating it against the layer's spec. */
export function setParam(graph: Graph, nodeId: string, key: string, value: ParamValue): EditResult {
  const node = nodeById(graph, nodeId);
  if (!node) return { ok: false, reason: 'That layer no longer exists' };
  const spec = layerSpec(node.kind).params[key];
  if (!spec) return { ok: false, reason: `${node.kind} has no parameter ${key}` };
  const problem = paramProblem(spec, value);
  if (problem !== null) return { ok: false, reason: `${key} ${problem}` };
  return { ok: true, graph: replaceNode(graph, { ...node, params: { ...node.params, [key]: value } }) };
}

/** Freezes (`trainable` false) or unfreezes layers, as Keras's `layer.trainable = ...`. */
export function setTrainable(graph: Graph, nodeIds: readonly string[], trainable: boolean): Graph {
  const ids = new Set(nodeIds);
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      if (!ids.has(n.id) || (n.trainable !== false) === trainable) return n;
      const { trainable: _was, ...rest } = n;
      return trainable ? rest : { ...rest, trainable: false };
    }),
  };
}

/** Renames a layer, keeping names unique valid Python identifiers. */
export function renameLayer(graph: Graph, nodeId: string, name: string): EditResult {
  const node = nodeById(graph, nodeId);
  if (!node) return { ok: false, reason: 'That layer no longer exists' };
  if (!isValidLayerName(name)) {
    return { ok: false, reason: `"${name}" is not a valid name: use letters, digits and _, not starting with a digit or a Python keyword` };
  }
  if (name !== node.name && names(graph).has(name)) return { ok: false, reason: `Another layer is already named "${name}"` };
  return { ok: true, graph: replaceNode(graph, { ...node, name }) };
}

/** Moves a node on the canvas. */
export function moveNode(graph: Graph, nodeId: string, position: Position): Graph {
  const node = nodeById(graph, nodeId);
  return node ? replaceNode(graph, { ...node, position }) : graph;
}

/** Inserts a new layer on the edge into `before`'s input `slot` (or in front of it when unfed). */
export function insertBefore(graph: Graph, before: string, slot: number, kind: LayerKind): EditResult {
  const target = nodeById(graph, before);
  if (!target) return { ok: false, reason: 'That layer no longer exists' };
  const edge = graph.edges.find((e) => e.target === before && e.targetSlot === slot);
  const position = { x: target.position.x, y: target.position.y - 60 };
  const added = addLayer(graph, kind, position);
  const rest = added.graph.edges.filter((e) => e !== edge);
  const edges: Edge[] = [...rest, { id: newId('edge'), source: added.node.id, target: before, targetSlot: slot }];
  if (edge) edges.push({ id: newId('edge'), source: edge.source, target: added.node.id, targetSlot: 0 });
  return { ok: true, graph: { ...added.graph, edges } };
}

/** Applies a diagnostic's one-click fix to the graph (a `set-output` fix's loss is the caller's to set). */
export function applyFix(graph: Graph, fix: Fix): EditResult {
  switch (fix.kind) {
    case 'insert-layer':
      return insertBefore(graph, fix.before, fix.slot, fix.layer);
    case 'set-param':
      return setParam(graph, fix.nodeId, fix.param, fix.value);
    case 'set-output': {
      const units = setParam(graph, fix.nodeId, 'units', fix.units);
      return units.ok ? setParam(units.graph, fix.nodeId, 'activation', fix.activation) : units;
    }
    default:
      return assertNever(fix, 'fix');
  }
}

function replaceNode(graph: Graph, node: LayerNode): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === node.id ? node : n)) };
}
