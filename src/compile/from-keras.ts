import { layeredLayout } from '../graph/layout';
import { sanitizeLayerName } from '../graph/names';
import type { Edge, Graph, LayerNode } from '../graph/types';
import { UserFileError } from '../lib/errors';
import { newId } from '../lib/ids';
import { kindForKerasClass, layerSpec } from '../layers/registry';
import { normaliseTopology, type KerasLayer, type KerasRef, type KerasTopology } from './keras-topology';

export { parseJsonText } from '../lib/parse-file';

/** A model imported from a Keras / TF.js file. */
export interface ImportedModel {
  readonly graph: Graph;
  /** The model's own name in the file (`sequential_1`, `model`). */
  readonly modelName: string;
}

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

/** The node for one file layer, or a UserFileError naming the layer. */
function toNode(layer: KerasLayer, taken: Set<string>): LayerNode {
  if (MODEL_CLASSES.has(layer.className) || Array.isArray(layer.config.layers)) {
    throw new UserFileError(
      `layer "${layer.name}" is a nested model (${layer.className}); Netloom does not support models inside models yet`,
    );
  }
  const kind = kindForKerasClass(layer.className);
  if (kind === undefined) throw new UserFileError(`layer "${layer.name}" is a ${layer.className}, which Netloom does not support`);
  if (layer.calls.length > 1) {
    throw new UserFileError(
      `layer "${layer.name}" is called ${layer.calls.length} times (a shared layer); Netloom does not support shared layers yet`,
    );
  }
  const name = sanitizeLayerName(layer.name, taken);
  taken.add(name);
  return { id: newId('n'), kind, name, params: layerSpec(kind).fromKeras(layer.config), position: { x: 0, y: 0 } };
}

/** Checks that a reference names a single-output, single-call layer of the model. */
function checkRef(ref: KerasRef, byName: ReadonlyMap<string, KerasLayer>, from: string): void {
  if (!byName.has(ref.layer)) throw new UserFileError(`${from} refers to layer "${ref.layer}", which is not in the model`);
  if (ref.node > 0) {
    throw new UserFileError(`layer "${ref.layer}" is called more than once (a shared layer); Netloom does not support shared layers yet`);
  }
  if (ref.tensor > 0) {
    throw new UserFileError(`${from} uses output ${ref.tensor} of layer "${ref.layer}"; Netloom supports only layers with one output`);
  }
}

/**
 * Puts the nodes that satisfy `pick` in the order `wanted` gives, keeping them in the slots they
 * already occupy: the graph lists inputs and outputs in node order, and the file's order is the
 * one the model (and its data) was built for.
 */
function orderWithin(nodes: LayerNode[], pick: (n: LayerNode) => boolean, wanted: readonly string[]): LayerNode[] {
  const slots = nodes.flatMap((n, i) => (pick(n) ? [i] : []));
  const rank = (n: LayerNode) => {
    const i = wanted.indexOf(n.id);
    return i < 0 ? wanted.length : i;
  };
  const sorted = slots.map((i) => nodes[i] as LayerNode).sort((a, b) => rank(a) - rank(b));
  const out = [...nodes];
  slots.forEach((slot, i) => {
    out[slot] = sorted[i] as LayerNode;
  });
  return out;
}

function buildGraph(topology: KerasTopology): Graph {
  const byName = new Map<string, KerasLayer>();
  for (const layer of topology.layers) {
    if (byName.has(layer.name)) throw new UserFileError(`two layers are named "${layer.name}"`);
    byName.set(layer.name, layer);
  }
  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  let nodes = topology.layers.map((layer) => {
    const node = toNode(layer, taken);
    idOf.set(layer.name, node.id);
    return node;
  });

  const edges: Edge[] = [];
  for (const layer of topology.layers) {
    (layer.calls[0] ?? []).forEach((ref, slot) => {
      checkRef(ref, byName, `layer "${layer.name}"`);
      edges.push({ id: newId('e'), source: idOf.get(ref.layer) ?? '', target: idOf.get(layer.name) ?? '', targetSlot: slot });
    });
  }

  const ids = (refs: readonly KerasRef[], what: string) =>
    refs.map((ref) => {
      checkRef(ref, byName, `the model's ${what}`);
      return idOf.get(ref.layer) ?? '';
    });
  const inputs = ids(topology.inputs ?? [], 'input_layers');
  const outputs = ids(topology.outputs ?? [], 'output_layers');
  const consumed = new Set(edges.map((e) => e.source));
  for (const ref of topology.outputs ?? []) {
    if (consumed.has(idOf.get(ref.layer) ?? '')) {
      throw new UserFileError(
        `layer "${ref.layer}" is a model output and also feeds other layers; Netloom takes the layers nothing consumes as the outputs`,
      );
    }
  }
  nodes = orderWithin(nodes, (n) => n.kind === 'Input', inputs);
  nodes = orderWithin(nodes, (n) => !consumed.has(n.id), outputs);
  return layeredLayout({ nodes, edges });
}

/**
 * Imports a Keras or TF.js layers model: a model.json from the TF.js converter or
 * `model.save()`, a bare `modelTopology`, or the output of Keras `model.to_json()` (Keras 2 or 3;
 * Sequential, Model or Functional). Layer names come from the file, made valid and unique;
 * positions from the layered layout. Weights are ignored. Throws UserFileError naming `fileName`
 * for anything Netloom cannot represent: graph models, unknown layer classes, shared or nested
 * layers, multi-output layers, dangling references, a malformed structure.
 */
export function graphFromKerasModel(json: unknown, fileName?: string): ImportedModel {
  try {
    const topology = normaliseTopology(json);
    return { graph: buildGraph(topology), modelName: topology.modelName };
  } catch (error) {
    if (error instanceof UserFileError && error.file === undefined && fileName !== undefined) {
      throw new UserFileError(error.message, fileName);
    }
    throw error;
  }
}
