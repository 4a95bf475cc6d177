import { layeredLayout } from '../graph/layout';
import { sanitizeLayerName } from '../graph/names';
import type { Edge, Graph, LayerNode } from '../graph/types';
import { UserFileError } from '../lib/errors';
import { newId } from '../lib/ids';
import type { AnyLayerSpec, KerasCallReading } from '../layers/layer-spec';
import { kindForKerasClass, layerSpec } from '../layers/registry';
import { tensorKeyword } from './keras-inbound';
import { KERAS_ONLY_CLASSES } from './keras-only-classes';
import { readWatched } from './unkept-config';
import { normaliseTopology, type KerasLayer, type KerasRef, type KerasTopology } from './keras-topology';

export { parseJsonText } from '../lib/parse-file';

/** A model imported from a Keras / TF.js file. */
export interface ImportedModel {
  readonly graph: Graph;
  /** The model's own name in the file (`sequential_1`, `model`). */
  readonly modelName: string;
  /**
   * Settings of the file that the graph does not keep, one line per layer (`dense_1:
   * kernel_constraint=MaxNorm(max_value=2)`): TF.js cannot apply them or Netloom has no param
   * for them. They do not change predictions with the file's weights, but would change training.
   */
  readonly unkept: readonly string[];
}

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

/**
 * Everything that keeps a file from importing, gathered over the whole model so that one message
 * names every unsupported class and trait at once instead of the first one found.
 */
class ImportProblems {
  private readonly unknown = new Map<string, string[]>();
  private readonly messages: string[] = [];
  /** Settings the file has that the imported graph does not keep (not problems: the model imports). */
  readonly notes: string[] = [];

  note(line: string): void {
    this.notes.push(line);
  }

  unknownClass(className: string, layer: string): void {
    const layers = this.unknown.get(className);
    if (layers) layers.push(layer);
    else this.unknown.set(className, [layer]);
  }

  add(message: string): void {
    if (!this.messages.includes(message)) this.messages.push(message);
  }

  /** Runs `work`, keeping a UserFileError it throws as one more problem. */
  collect<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof UserFileError)) throw error;
      this.add(error.message);
      return undefined;
    }
  }

  /** Throws one UserFileError listing every problem, when there is any. */
  throwIfAny(): void {
    const classes = [...this.unknown].map(([cls, layers]) => unknownClassLine(cls, layers));
    const all = [...classes, ...this.messages];
    if (all.length === 0) return;
    if (all.length === 1) throw new UserFileError(all[0] as string);
    throw new UserFileError(`the model cannot be imported, for ${all.length} reasons:\n${all.map((m) => `- ${m}`).join('\n')}`);
  }
}

const quoteList = (names: readonly string[]) => {
  const shown = names.slice(0, 4).map((n) => `"${n}"`);
  return names.length > 4 ? `${shown.join(', ')} and ${names.length - 4} more` : shown.join(', ');
};

/** One line per unknown class: a Keras class TF.js lacks, or a custom class, with the layers using it. */
function unknownClassLine(className: string, layers: readonly string[]): string {
  const which = layers.length === 1 ? `layer ${quoteList(layers)} is` : `${layers.length} layers (${quoteList(layers)}) are`;
  const known = KERAS_ONLY_CLASSES.get(className);
  if (known !== undefined) return `${which} ${className}, a Keras layer that TF.js 4.22 cannot load (${known})`;
  return `${which} ${className}, a custom class (not a Keras or TF.js layer); Netloom cannot know what it computes`;
}

/**
 * The layer's inputs in slot order and the config its reader gets: its first call read by the
 * spec when the spec reads calls (the call's arguments join the config), else its positional tensors.
 */
function readCall(spec: AnyLayerSpec, layer: KerasLayer): KerasCallReading {
  const call = layer.calls[0] ?? { args: [], tensors: {} };
  if (spec.fromKerasCall) {
    const reading = spec.fromKerasCall(call, layer.config);
    return { inputs: reading.inputs, config: { ...layer.config, ...reading.config } };
  }
  const keyword = Object.keys(call.tensors)[0];
  if (keyword !== undefined) throw tensorKeyword(layer.name, keyword);
  return { inputs: call.args, config: layer.config };
}

/** A file layer's node and the tensors feeding its slots. */
interface BuiltNode {
  readonly node: LayerNode;
  readonly inputs: readonly KerasRef[];
}

/** The node for one file layer, or a UserFileError naming the layer. */
function toNode(layer: KerasLayer, taken: Set<string>, problems: ImportProblems): BuiltNode | undefined {
  if (MODEL_CLASSES.has(layer.className) || Array.isArray(layer.config.layers)) {
    problems.add(`layer "${layer.name}" is a nested model (${layer.className}); Netloom does not support models inside models yet`);
    return undefined;
  }
  const kind = kindForKerasClass(layer.className);
  if (kind === undefined) {
    problems.unknownClass(layer.className, layer.name);
    return undefined;
  }
  // Netloom's shapes, weights and compiled models are channels-last; a channels-first layer read
  // as one computes something else (or fails on shapes that make no sense), so it is refused.
  if (layer.config.data_format === 'channels_first') {
    problems.add(`layer "${layer.name}" uses data_format="channels_first"; Netloom builds channels-last models only (channels on the last axis)`);
    return undefined;
  }
  if (layer.calls.length > 1) {
    problems.add(`layer "${layer.name}" is called ${layer.calls.length} times (a shared layer); Netloom does not support shared layers yet`);
  }
  const spec = layerSpec(kind);
  const call = problems.collect(() => readCall(spec, layer));
  if (call === undefined) return undefined;
  const read = problems.collect(() => readWatched(call.config, (config) => spec.fromKeras(config)));
  if (read === undefined) return undefined;
  const { params } = read;
  if (read.unkept.length > 0) problems.note(`${layer.name}: ${read.unkept.join(', ')}`);
  const name = sanitizeLayerName(layer.name, taken);
  taken.add(name);
  const frozen = layer.config.trainable === false ? { trainable: false } : {};
  return { node: { id: newId('n'), kind, name, params, position: { x: 0, y: 0 }, ...frozen }, inputs: call.inputs };
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

function buildGraph(topology: KerasTopology): { graph: Graph; unkept: readonly string[] } {
  const problems = new ImportProblems();
  const byName = new Map<string, KerasLayer>();
  for (const layer of topology.layers) {
    if (byName.has(layer.name)) problems.add(`two layers are named "${layer.name}"`);
    byName.set(layer.name, layer);
  }
  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  const inputsOf = new Map<string, readonly KerasRef[]>();
  const built: LayerNode[] = [];
  for (const layer of topology.layers) {
    const read = toNode(layer, taken, problems);
    if (read === undefined) continue;
    idOf.set(layer.name, read.node.id);
    inputsOf.set(layer.name, read.inputs);
    built.push(read.node);
  }

  const edges: Edge[] = [];
  for (const layer of topology.layers) {
    (inputsOf.get(layer.name) ?? layer.calls[0]?.args ?? []).forEach((ref, slot) => {
      problems.collect(() => checkRef(ref, byName, `layer "${layer.name}"`));
      const source = idOf.get(ref.layer);
      const target = idOf.get(layer.name);
      if (source !== undefined && target !== undefined) edges.push({ id: newId('e'), source, target, targetSlot: slot });
    });
  }

  const ids = (refs: readonly KerasRef[], what: string) =>
    refs.flatMap((ref) => {
      problems.collect(() => checkRef(ref, byName, `the model's ${what}`));
      const id = idOf.get(ref.layer);
      return id === undefined ? [] : [id];
    });
  const inputs = ids(topology.inputs ?? [], 'input_layers');
  const outputs = ids(topology.outputs ?? [], 'output_layers');
  const consumed = new Set(edges.map((e) => e.source));
  for (const ref of topology.outputs ?? []) {
    if (consumed.has(idOf.get(ref.layer) ?? '')) {
      problems.add(`layer "${ref.layer}" is a model output and also feeds other layers; Netloom takes the layers nothing consumes as the outputs`);
    }
  }
  problems.throwIfAny();
  let nodes = orderWithin(built, (n) => n.kind === 'Input', inputs);
  nodes = orderWithin(nodes, (n) => !consumed.has(n.id), outputs);
  return { graph: layeredLayout({ nodes, edges }), unkept: problems.notes };
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
    return { ...buildGraph(topology), modelName: topology.modelName };
  } catch (error) {
    if (error instanceof UserFileError && error.file === undefined && fileName !== undefined) {
      throw new UserFileError(error.message, fileName);
    }
    throw error;
  }
}
