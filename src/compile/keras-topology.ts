import { z } from '../lib/zod';
import { UserFileError } from '../lib/errors';
import { zodMessage } from '../lib/parse-file';
import type { KerasConfig } from '../layers/layer-spec';
import { kerasInbound, kerasRefs, type KerasCall, type KerasRef } from './keras-inbound';

export type { KerasCall, KerasRef } from './keras-inbound';

/** One layer of a Keras model in one shape, whatever the Keras or tfjs version wrote. */
export interface KerasLayer {
  /** The layer's name as in the file. */
  readonly name: string;
  readonly className: string;
  /** Its config, with `dtype` and `batch_shape` normalised to the Keras 2 forms. */
  readonly config: KerasConfig;
  /** One record per call of the layer (its inbound tensors and arguments); more than one call is a shared layer. */
  readonly calls: readonly KerasCall[];
}

/** A Keras model as a functional graph: Sequential models come out with explicit links. */
export interface KerasTopology {
  readonly modelName: string;
  readonly layers: readonly KerasLayer[];
  /** The model's declared inputs and outputs, when the file lists them (functional models). */
  readonly inputs?: readonly KerasRef[];
  readonly outputs?: readonly KerasRef[];
}

const GRAPH_MODEL = 'this is a TF.js graph model, not a layers model; Netloom can only import layers models';

// Loose objects throughout: Keras configs carry many keys (module, build_config, ...) we ignore.
const layerEntrySchema = z.looseObject({
  class_name: z.string(),
  config: z.looseObject({}),
  name: z.string().optional(),
  inbound_nodes: z.unknown().optional(),
});

const modelSchema = z.looseObject({
  class_name: z.string(),
  config: z.looseObject({
    name: z.string().optional(),
    layers: z.array(layerEntrySchema),
    input_layers: z.unknown().optional(),
    output_layers: z.unknown().optional(),
    build_input_shape: z.unknown().optional(),
  }),
});

type LayerEntry = z.infer<typeof layerEntrySchema>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `{class_name, config}` model object inside whatever was given: a full model.json (with or
 * without `format`), a bare `modelTopology`, or either with the converter's `model_config` wrapper.
 */
function unwrap(json: unknown): unknown {
  if (!isRecord(json)) throw new UserFileError('model.json is not a JSON object');
  if (json.format === 'graph-model') throw new UserFileError(GRAPH_MODEL);
  let topology: unknown = json;
  if ('modelTopology' in json) topology = json.modelTopology;
  else if (!('class_name' in json || 'model_config' in json || 'node' in json)) {
    throw new UserFileError('model.json has no modelTopology');
  }
  if (!isRecord(topology)) throw new UserFileError('model.json has no modelTopology');
  if ('node' in topology) throw new UserFileError(GRAPH_MODEL);
  if ('model_config' in topology) {
    if (!isRecord(topology.model_config)) throw new UserFileError('modelTopology.model_config is not an object');
    topology = topology.model_config;
  }
  // Keras <= 2.2.2 wrote a Sequential's config as the bare list of its layers.
  if (isRecord(topology) && Array.isArray(topology.config)) topology = { ...topology, config: { layers: topology.config } };
  return topology;
}

/** Keras 3 spellings turned into the Keras 2 ones the layer specs read. */
function normaliseConfig(config: Record<string, unknown>, name: string): KerasConfig {
  const out: Record<string, unknown> = { ...config, name };
  const dtype = config.dtype;
  // Keras 3: {"class_name": "DTypePolicy", "config": {"name": "float32"}}.
  if (isRecord(dtype) && isRecord(dtype.config) && typeof dtype.config.name === 'string') out.dtype = dtype.config.name;
  if (out.batch_input_shape === undefined && config.batch_shape !== undefined) out.batch_input_shape = config.batch_shape;
  return out;
}

// The top-level name is what inbound references use; Sequential entries only have config.name.
const layerName = (entry: LayerEntry, index: number): string => {
  if (entry.name !== undefined && entry.name !== '') return entry.name;
  const fromConfig = entry.config.name;
  return typeof fromConfig === 'string' && fromConfig !== '' ? fromConfig : `${entry.class_name.toLowerCase()}_${index + 1}`;
};

/** A Sequential model as a chain, with an InputLayer in front when the file has none (tfjs style). */
function sequential(entries: readonly LayerEntry[], buildInputShape: unknown): KerasLayer[] {
  const layers = entries.map((entry, i) => {
    const name = layerName(entry, i);
    return { name, className: entry.class_name, config: normaliseConfig(entry.config, name) };
  });
  const first = layers[0];
  if (first === undefined) throw new UserFileError('the model has no layers');
  const chain = [...layers];
  if (first.className !== 'InputLayer') {
    const shape = first.config.batch_input_shape ?? buildInputShape;
    if (shape === undefined || shape === null) {
      throw new UserFileError(`the Sequential model has no input shape: its first layer "${first.name}" has no batch_input_shape`);
    }
    // Keras names the implicit input of a Sequential model after its first layer.
    const name = `${first.name}_input`;
    chain.unshift({ name, className: 'InputLayer', config: { batch_input_shape: shape, dtype: first.config.dtype ?? 'float32', name } });
  }
  return chain.map((layer, i) => {
    const previous = chain[i - 1];
    if (i > 0 && layer.className === 'InputLayer') {
      throw new UserFileError(`the Sequential model has an InputLayer "${layer.name}" after its first layer`);
    }
    return { ...layer, calls: previous ? [{ args: [{ layer: previous.name, node: 0, tensor: 0 }], tensors: {} }] : [] };
  });
}

/**
 * Validates the outer structure of a Keras / TF.js layers-model file and brings it to one shape:
 * functional layers with explicit inbound links, Keras 3 inbound nodes, flat input lists, dtype
 * policies and `batch_shape` rewritten to their Keras 2 forms. Throws UserFileError (no file name).
 */
export function normaliseTopology(json: unknown): KerasTopology {
  const parsed = modelSchema.safeParse(unwrap(json));
  if (!parsed.success) throw new UserFileError(`model.json is not a Keras model: ${zodMessage(parsed.error, 'modelTopology')}`);
  const { class_name: className, config } = parsed.data;
  const modelName = config.name ?? className.toLowerCase();
  if (className === 'Sequential') return { modelName, layers: sequential(config.layers, config.build_input_shape) };
  if (className !== 'Model' && className !== 'Functional') {
    throw new UserFileError(`the model is a ${className}; Netloom can import Sequential and functional (Model) models`);
  }
  if (config.layers.length === 0) throw new UserFileError('the model has no layers');
  const layers = config.layers.map((entry, i): KerasLayer => {
    const name = layerName(entry, i);
    return {
      name,
      className: entry.class_name,
      config: normaliseConfig(entry.config, name),
      calls: kerasInbound(entry.inbound_nodes, name),
    };
  });
  return {
    modelName,
    layers,
    ...(config.input_layers === undefined ? {} : { inputs: kerasRefs(config.input_layers, 'input_layers') }),
    ...(config.output_layers === undefined ? {} : { outputs: kerasRefs(config.output_layers, 'output_layers') }),
  };
}
