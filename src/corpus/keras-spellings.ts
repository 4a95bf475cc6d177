/**
 * Rewrites of a model.json tfjs saved into the spellings other writers use (test support): Keras
 * 3's functional format, Keras 2's class aliases and Sequential forms, Keras 3's weight names.
 * tfjs itself may not read the result; the corpus loads its reference from the file as saved.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { ModelJson } from './corpus-model';

type Json = Record<string, unknown>;
type Ref = readonly [string, number, number, ...unknown[]];

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const layersOf = (json: ModelJson) => (json.modelTopology.config as { layers: Json[] }).layers;

/** Keras 3's form of an object it serialises: `module` and `registered_name` around the class. */
const keras3Object = (module: string, className: string, config: unknown): Json => ({ module, class_name: className, config, registered_name: null });

const DTYPE_POLICY = keras3Object('keras', 'DTypePolicy', { name: 'float32' });

/** tfjs's L1L2 as Keras 3 writes a penalty with one part: L1 or L2. */
function keras3Regularizer(value: Json): Json {
  const config = (value.config ?? {}) as { l1?: number; l2?: number };
  if (value.class_name !== 'L1L2') return keras3Object('keras.regularizers', String(value.class_name), config);
  if (!config.l1) return keras3Object('keras.regularizers', 'L2', { l2: config.l2 ?? 0 });
  if (!config.l2) return keras3Object('keras.regularizers', 'L1', { l1: config.l1 });
  return keras3Object('keras.regularizers', 'L1L2', config);
}

/** A layer config in Keras 3's spelling: dtype policies, module-tagged initializers and penalties, `negative_slope`. */
function keras3Config(className: string, config: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(config)) {
    if (key.endsWith('_regularizer') && isRecord(value)) out[key] = keras3Regularizer(value);
    else if (key.endsWith('_initializer') && isRecord(value)) out[key] = keras3Object('keras.initializers', String(value.class_name), value.config);
    else if (className === 'LeakyReLU' && key === 'alpha') out.negative_slope = value;
    else out[key] = value;
  }
  return { ...out, dtype: DTYPE_POLICY };
}

/** The shape of output `tensor` of `layer`, as tfjs reports it. */
function shapeOf(model: tfjs.LayersModel, [layer, , tensor]: Ref): unknown {
  const shapes = model.getLayer(layer).outputShape;
  return Array.isArray(shapes[0]) ? shapes[tensor] : shapes;
}

/** Keras 3's `__keras_tensor__` for output `tensor` of `layer`. */
function kerasTensor(model: tfjs.LayersModel, ref: Ref): Json {
  const [layer, node, tensor] = ref;
  return { class_name: '__keras_tensor__', config: { shape: shapeOf(model, ref), dtype: 'float32', keras_history: [layer, node, tensor] } };
}

/**
 * A functional model.json in the form Keras 3 writes: `Functional`, InputLayer `batch_shape`,
 * DTypePolicy dtypes, build configs, inbound nodes as `{args, kwargs}` of Keras tensors, and flat
 * input and output lists when there is one of each.
 */
export function keras3Functional(json: ModelJson, model: tfjs.LayersModel): ModelJson {
  const topology = json.modelTopology;
  const config = topology.config as { name: string; layers: Json[]; input_layers: Ref[]; output_layers: Ref[] };
  const layers = config.layers.map((layer) => {
    const className = String(layer.class_name);
    const own = layer.config as Json;
    const calls = layer.inbound_nodes as Ref[][];
    if (className === 'InputLayer') {
      const { batch_input_shape: batchShape, ...rest } = own;
      return { ...keras3Object('keras.layers', className, { ...rest, batch_shape: batchShape }), name: layer.name, inbound_nodes: [] };
    }
    const inbound = calls.map((refs) => {
      const tensors = refs.map((ref) => kerasTensor(model, ref));
      return { args: tensors.length === 1 ? tensors : [tensors], kwargs: {} };
    });
    const shapes = (calls[0] ?? []).map((ref) => shapeOf(model, ref));
    return {
      ...keras3Object('keras.layers', className, keras3Config(className, own)),
      build_config: { input_shape: shapes.length === 1 ? shapes[0] : shapes },
      name: layer.name,
      inbound_nodes: inbound,
    };
  });
  const flat = (refs: Ref[]) => (refs.length === 1 ? refs[0] : refs);
  const functional = {
    ...keras3Object('keras', 'Functional', {
      name: config.name,
      trainable: true,
      layers,
      input_layers: flat(config.input_layers),
      output_layers: flat(config.output_layers),
    }),
    registered_name: 'Functional',
    build_config: { input_shape: null },
    compile_config: null,
  };
  return { ...json, modelTopology: { ...functional, keras_version: '3.5.0', backend: 'tensorflow' } };
}

/** Weight names as Keras 3 models name them: `<model name>/<layer>/<weight>:0`. */
export function keras3WeightNames(json: ModelJson): ModelJson {
  const model = String((json.modelTopology.config as Json).name);
  const weightsManifest = json.weightsManifest.map((g) => ({ ...g, weights: g.weights.map((w) => ({ ...w, name: `${model}/${String(w.name)}:0` })) }));
  return { ...json, weightsManifest };
}

/** Class names swapped for the Keras 2 aliases that mean them (`Conv2D` -> `Convolution2D`). */
export function keras2Aliases(aliases: Readonly<Record<string, string>>): (json: ModelJson) => ModelJson {
  return (json) => {
    for (const layer of layersOf(json)) layer.class_name = aliases[String(layer.class_name)] ?? layer.class_name;
    return { ...json, modelTopology: { ...json.modelTopology, keras_version: '2.4.0', backend: 'tensorflow' } };
  };
}

/**
 * A Sequential model.json as Keras 2.4+ writes it: an InputLayer first in its layer list (tfjs
 * puts the input shape on the first layer instead).
 */
export function keras2SequentialInput(json: ModelJson): ModelJson {
  const layers = layersOf(json);
  const first = layers[0]?.config as Json;
  const { batch_input_shape: shape, dtype, ...rest } = first;
  const name = `${String(first.name)}_input`;
  const input = { class_name: 'InputLayer', config: { batch_input_shape: shape, dtype, sparse: false, ragged: false, name } };
  (layers[0] as Json).config = rest;
  layers.unshift(input);
  return { ...json, modelTopology: { ...json.modelTopology, keras_version: '2.4.0', backend: 'tensorflow' } };
}

/** A Sequential model.json as Keras 2.2.2 and older wrote it: the config is the bare list of layers. */
export function keras2BareSequential(json: ModelJson): ModelJson {
  return { ...json, modelTopology: { ...json.modelTopology, config: layersOf(json), keras_version: '2.1.6', backend: 'tensorflow' } };
}

/**
 * A Sequential model.json as Keras 3 writes it: an InputLayer with `batch_shape` first, and
 * every other layer with its DTypePolicy, module-tagged initializers and penalties.
 */
export function keras3Sequential(json: ModelJson): ModelJson {
  const withInput = keras2SequentialInput(json);
  const layers = layersOf(withInput).map((layer) => {
    const className = String(layer.class_name);
    const own = layer.config as Json;
    if (className !== 'InputLayer') return keras3Object('keras.layers', className, keras3Config(className, own));
    const { batch_input_shape: batchShape, ragged: _ragged, ...rest } = own;
    return keras3Object('keras.layers', className, { ...rest, batch_shape: batchShape });
  });
  const config = { ...(withInput.modelTopology.config as Json), trainable: true, layers };
  const sequential = { ...keras3Object('keras', 'Sequential', config), build_config: { input_shape: null }, compile_config: null };
  return { ...withInput, modelTopology: { ...sequential, keras_version: '3.5.0', backend: 'tensorflow' } };
}
