/**
 * Hostile model.json files (TF.js layers models and Keras `to_json()` text): classes Netloom
 * cannot know, what TF.js cannot load, broken topologies, and weights that do not match their
 * manifest. Functional models are written as Keras 2 configs.
 */
import type { HostileCase, Kept, Outcome } from './case';
import { file, fixed, jsonFile, type Json } from './make';

type ModelCommand = Extract<HostileCase, { kind: 'model' }>['command'];
const M = 'model.json';
const summary: ModelCommand = { name: 'summary', file: M };
const importTo = (weights?: readonly string[]): ModelCommand => ({
  name: 'import',
  file: M,
  out: 'out/imported.netloom.json',
  ...(weights ? { weights } : {}),
});
const notWritten: Kept = { kind: 'not-written', path: 'out/imported.netloom.json' };
const written = (holds?: string): Kept => ({ kind: 'written', path: 'out/imported.netloom.json', ...(holds ? { holds } : {}) });

/** One layer of a functional model: class, name, the layers it takes, config beyond its name. */
type FunctionalLayer = readonly [string, string, readonly string[], Record<string, Json>?];

/** A functional model of `layers` with `x` (4 features) as its input, the last layer its output. */
function functional(layers: readonly FunctionalLayer[], output = layers.at(-1)?.[1] ?? 'x'): Json {
  const all = [['InputLayer', 'x', [], { batch_input_shape: [null, 4] }] as const, ...layers];
  return {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Functional',
      config: {
        name: 'hostile',
        layers: all.map(([cls, name, inbound, config = {}]) => ({
          class_name: cls,
          name,
          config: { name, ...(cls === 'Dense' ? { units: 2 } : {}), ...config },
          inbound_nodes: inbound.length === 0 ? [] : [inbound.map((source) => [source, 0, 0, {}])],
        })),
        input_layers: [['x', 0, 0]],
        output_layers: [[output, 0, 0]],
      },
    },
  };
}

/** How a case's manifest describes the Dense layer's two weights (one shard at `paths`). */
interface DenseWeights {
  readonly paths: readonly string[];
  readonly quantization?: Json;
  readonly dtype?: string;
  readonly names?: readonly string[];
  readonly kernel?: readonly number[];
}

/** Input(4) -> Dense(3) as tfjs saves it, with a manifest for its weights when given. */
function denseModel(weights?: DenseWeights): Record<string, Json> {
  const [kernel, bias] = weights?.names ?? ['dense/kernel', 'dense/bias'];
  const quantization: Record<string, Json> = weights?.quantization ? { quantization: weights.quantization } : {};
  const spec = (name: string | undefined, shape: readonly number[]) => ({
    name: name ?? '',
    shape: [...shape],
    dtype: weights?.dtype ?? 'float32',
    ...quantization,
  });
  return {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'hostile', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 3, batch_input_shape: [null, 4] } }] },
    },
    ...(weights ? { weightsManifest: [{ paths: [...weights.paths], weights: [spec(kernel, weights.kernel ?? [4, 3]), spec(bias, [3])] }] } : {}),
  };
}
/** `count` Dense(2) layers in a Sequential's list, the first taking 2 features. */
const denseChain = (count: number): Json[] =>
  Array.from({ length: count }, (_, i) => ({ class_name: 'Dense', config: { name: `d${i}`, units: 2, ...(i === 0 ? { batch_input_shape: [null, 2] } : {}) } }));
const BIN = 'group1-shard1of1.bin';
const floats = (n: number) => new Uint8Array(new Float32Array(n).fill(0.5).buffer);

/** How a model case runs, beyond `summary` of model.json alone. */
interface ModelExtra {
  readonly command?: ModelCommand;
  /** Weights files beside model.json. */
  readonly shards?: Readonly<Record<string, Uint8Array>>;
  readonly app?: HostileCase['app'];
}

function modelCase(id: string, what: string, json: Json | string, expect: Outcome, extra: ModelExtra = {}): HostileCase {
  const main = typeof json === 'string' ? fixed(M, json) : jsonFile(M, json);
  const shards = Object.entries(extra.shards ?? {}).map(([path, bytes]) => fixed(path, bytes));
  return { kind: 'model', id, what, files: [main, ...shards], command: extra.command ?? summary, expect, ...(extra.app ? { app: extra.app } : {}) };
}
const refused = (says: string | readonly string[], kept: readonly Kept[] = []): Outcome => ({ exit: 1, says, kept });

const EVERY_REASON = [
  'the model cannot be imported, for 4 reasons:',
  '- 2 layers ("block_a", "block_b") are MyBlock, a custom class (not a Keras or TF.js layer); Netloom cannot know what it computes',
  '- layer "sub" is Subtract, a Keras layer that TF.js 4.22 cannot load (TF.js has no such layer)',
  '- layer "encoder" is a nested model (Functional); Netloom does not support models inside models yet',
  '- layer "d" has units="many", which is not a valid value',
];

const classes: HostileCase[] = [
  modelCase(
    'custom-class-every-reason',
    'custom MyBlock layers among a Keras-only class, a nested model and a bad value: every reason named at once',
    functional([
      ['MyBlock', 'block_a', ['x']],
      ['MyBlock', 'block_b', ['block_a']],
      ['Subtract', 'sub', ['x', 'block_b']],
      ['Functional', 'encoder', ['sub']],
      ['Dense', 'd', ['encoder'], { units: 'many' }],
    ]),
    refused(EVERY_REASON),
    { app: { input: 'open', shows: 'notice', says: `${M}: the model cannot be imported, for 4 reasons:`, opens: false } },
  ),
  modelCase(
    'keras-only-class',
    'AdditiveAttention, a Keras 3 layer TF.js cannot load',
    functional([['AdditiveAttention', 'att', ['x']]]),
    refused('layer "att" is AdditiveAttention, a Keras layer that TF.js 4.22 cannot load (TF.js has no attention layers)'),
  ),
  modelCase(
    'lambda',
    'a Lambda layer (Python code a model.json cannot carry)',
    functional([['Lambda', 'code', ['x'], { function: 'import os; os.system("echo NETLOOM-INJECTED")' }]]),
    refused('layer "code" is Lambda'),
  ),
  modelCase(
    'class-constructor',
    'a layer whose class_name is "constructor"',
    functional([['constructor', 'c', ['x']]]),
    refused('layer "c" is constructor, a custom class'),
  ),
  modelCase(
    'class-proto',
    'a layer whose class_name is "__proto__"',
    functional([['__proto__', 'p', ['x']]]),
    refused('layer "p" is __proto__, a custom class'),
  ),
  modelCase(
    'class-tostring',
    'a layer whose class_name is "toString"',
    functional([['toString', 't', ['x']]]),
    refused('layer "t" is toString, a custom class'),
  ),
  modelCase('layer-named-proto', 'a layer named "__proto__"', functional([['Dense', '__proto__', ['x']]]), { exit: 0, says: '__proto__ (Dense)' }),
  modelCase(
    'channels-first',
    'a Conv2D with data_format channels_first: refused with the reason',
    {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Conv2D', config: { name: 'c', batch_input_shape: [null, 2, 8, 8], filters: 2, kernel_size: [3, 3], data_format: 'channels_first' } },
        ],
      },
    },
    refused('layer "c" uses data_format="channels_first"; Netloom builds channels-last models only'),
  ),
  modelCase(
    'shared-layer',
    'one Dense layer called twice (a shared layer)',
    (() => {
      const json = functional([['Dense', 'shared', ['x']]]) as { modelTopology: { config: { layers: { inbound_nodes: Json[] }[] } } };
      const layer = json.modelTopology.config.layers[1];
      if (layer) layer.inbound_nodes = [[['x', 0, 0, {}]], [['x', 0, 0, {}]]];
      return json as unknown as Json;
    })(),
    refused('layer "shared" is called 2 times (a shared layer); Netloom does not support shared layers yet'),
  ),
  modelCase(
    'nested-model',
    'a model inside the model',
    functional([['Functional', 'encoder', ['x']]]),
    refused('layer "encoder" is a nested model (Functional); Netloom does not support models inside models yet'),
  ),
  modelCase(
    'graph-model',
    'a TF.js graph model (a SavedModel conversion)',
    { format: 'graph-model', modelTopology: { node: [{ name: 'x', op: 'Placeholder' }] } },
    refused('this is a TF.js graph model, not a layers model; Netloom can only import layers models'),
  ),
];

const topology: HostileCase[] = [
  modelCase('no-topology', 'a model.json without modelTopology', { format: 'layers-model', weightsManifest: [] }, refused('model.json has no modelTopology')),
  modelCase(
    'topology-string',
    'modelTopology that is a string',
    { format: 'layers-model', modelTopology: 'Sequential' },
    refused('model.json has no modelTopology'),
  ),
  modelCase(
    'layers-not-list',
    'config.layers that is an object',
    { format: 'layers-model', modelTopology: { class_name: 'Sequential', config: { layers: { 0: 'Dense' } } } },
    refused('modelTopology.config.layers: expected array, received object'),
  ),
  modelCase(
    'layers-empty',
    'a Sequential with no layers',
    { format: 'layers-model', modelTopology: { class_name: 'Sequential', config: { name: 's', layers: [] } } },
    refused('the model has no layers'),
  ),
  modelCase(
    'inbound-ghost',
    'a layer fed by a layer that is not there',
    functional([['Dense', 'd', ['ghost']]]),
    refused('layer "d" refers to layer "ghost", which is not in the model'),
  ),
  modelCase(
    'units-1e9',
    'a Dense of 1e9 units: too large, said before anything is allocated',
    {
      ...denseModel(),
      modelTopology: {
        class_name: 'Sequential',
        config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 1e9, batch_input_shape: [null, 4] } }] },
      },
    },
    { ...refused('d would have 5,000,000,000 parameters (20.0 GB)'), seconds: 5, megabytes: 200 },
  ),
  modelCase(
    'units-text',
    'a Dense of units "three"',
    functional([['Dense', 'd', ['x'], { units: 'three' }]]),
    refused('layer "d" has units="three", which is not a valid value'),
  ),
  modelCase(
    'batch-shape-negative',
    'an input shape of [null, -4]',
    { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, -4] } }] } },
    refused('input "d_input" has shape [null,-4]; each dimension must be a positive whole number or None'),
  ),
  modelCase(
    'deep-config',
    'a layer config nested 50,000 objects deep',
    `{"format":"layers-model","modelTopology":{"class_name":"Sequential","config":{"layers":[{"class_name":"Dense","config":${'{"a":'.repeat(50_000)}0${'}'.repeat(50_000)}}]}}}`,
    refused('the JSON nests arrays or objects more than 1,000 levels deep'),
  ),
  modelCase(
    'proto-in-config',
    'a "__proto__" key in a layer config, whose units must not leak in',
    `{"format":"layers-model","modelTopology":{"class_name":"Sequential","config":{"layers":[{"class_name":"Dense","config":{"__proto__":{"units":5},"name":"d","units":3,"batch_input_shape":[null,4]}}]}}}`,
    { exit: 0, says: ' d (Dense)                    (None, 3)', never: ['(None, 5)'] },
  ),
  modelCase(
    'dense-no-units',
    'a Dense config without units, which Keras requires',
    { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', batch_input_shape: [null, 4] } }] } },
    refused('layer "d" has no units, which a Keras Dense layer requires'),
  ),
  modelCase('truncated', 'a model.json cut off in the middle', JSON.stringify(denseModel()).slice(0, 90), refused(`${M}: not valid JSON`)),
  modelCase('bom', 'a Keras model.to_json() file with a byte-order mark', `\ufeff${JSON.stringify(denseModel().modelTopology)}`, {
    exit: 0,
    says: 'Total params: 15',
  }),
  {
    kind: 'model',
    id: 'layers-5000',
    what: 'a Sequential of 5,000 Dense layers (generated)',
    command: summary,
    files: [
      file(M, () =>
        JSON.stringify({ format: 'layers-model', modelTopology: { class_name: 'Sequential', config: { name: 'deep', layers: denseChain(5000) } } }),
      ),
    ],
    expect: { exit: 1, says: 'The model is more than 2,000 layers deep at d1999', never: ['Maximum call stack'] },
  },
];

const weights: HostileCase[] = [
  modelCase(
    'bin-missing',
    'the manifest names a .bin that is not beside model.json: the layers are imported, with a note',
    denseModel({ paths: [BIN] }),
    { exit: 0, says: `note: the weights file "${BIN}" is not next to`, never: ['trained weight values'], kept: [written()] },
    { command: importTo() },
  ),
  modelCase(
    'bin-not-given',
    '--weights leaves out the .bin the manifest names',
    denseModel({ paths: [BIN] }),
    refused(`the weights file "${BIN}" named in model.json was not provided`, [notWritten]),
    { command: importTo(['other.bin']), shards: { 'other.bin': floats(15) } },
  ),
  modelCase(
    'bin-short',
    'a .bin of 10 bytes where the manifest needs 60',
    denseModel({ paths: [BIN] }),
    refused('model.json expects 60 bytes of weights but the files hold 10', [notWritten]),
    { command: importTo(), shards: { [BIN]: new Uint8Array(10) } },
  ),
  modelCase(
    'bin-long',
    'a .bin of 1 MB where the manifest needs 60',
    denseModel({ paths: [BIN] }),
    refused('model.json expects 60 bytes of weights but the files hold 1,048,576', [notWritten]),
    { command: importTo(), shards: { [BIN]: new Uint8Array(1 << 20) } },
  ),
  modelCase(
    'bin-path-traversal',
    'a manifest path of ../../../../etc/passwd: only a file of that name beside model.json is read',
    denseModel({ paths: ['../../../../etc/passwd'] }),
    { exit: 0, says: 'note: the weights file "passwd" is not next to', never: ['root:'], kept: [written()] },
    { command: importTo() },
  ),
  modelCase(
    'quantized-uint8',
    'uint8-quantized weights',
    denseModel({ paths: [BIN], quantization: { dtype: 'uint8', scale: 0.01, min: -1 } }),
    { exit: 0, says: 'with 15 trained weight values', kept: [written('"weights"')] },
    { command: importTo(), shards: { [BIN]: new Uint8Array(15).fill(100) } },
  ),
  modelCase(
    'quantized-float16',
    'float16-quantized weights',
    denseModel({ paths: [BIN], quantization: { dtype: 'float16' } }),
    { exit: 0, says: 'with 15 trained weight values', kept: [written('"weights"')] },
    { command: importTo(), shards: { [BIN]: new Uint8Array(30) } },
  ),
  modelCase(
    'quantized-no-scale',
    'uint8-quantized weights without scale and min',
    denseModel({ paths: [BIN], quantization: { dtype: 'uint8' } }),
    refused('weight "dense/kernel" is uint8-quantized without scale and min', [notWritten]),
    { command: importTo(), shards: { [BIN]: new Uint8Array(15) } },
  ),
  modelCase(
    'dtype-string',
    'weights of dtype string',
    denseModel({ paths: [BIN], dtype: 'string' }),
    refused('weight "dense/kernel" has dtype string; a layers model\'s weights are float32 or int32', [notWritten]),
    { command: importTo(), shards: { [BIN]: new Uint8Array(60) } },
  ),
  modelCase(
    'weight-unknown-name',
    'a weight that names no weight of the model',
    denseModel({ paths: [BIN], names: ['evil/kernel', 'dense/bias'] }),
    refused('weight "evil/kernel" in the weights manifest belongs to no layer of the model', [notWritten]),
    { command: importTo(), shards: { [BIN]: floats(15) } },
  ),
  modelCase(
    'weight-wrong-shape',
    'a kernel of shape [3, 4] where the layer has [4, 3]: refused naming the weight',
    denseModel({ paths: [BIN], kernel: [3, 4] }),
    refused('weight "dense/kernel" has shape [3, 4] but the model\'s "dense/kernel" is [4, 3]', [notWritten]),
    { command: importTo(), shards: { [BIN]: floats(15) } },
  ),
  modelCase(
    'manifest-not-list',
    'a weightsManifest that is a string',
    { ...denseModel(), weightsManifest: 'all of them' },
    refused(`${M}: its weights manifest is not valid: weightsManifest: expected array, received string`, [notWritten]),
    { command: importTo() },
  ),
];

/** The model.json cases. */
export const MODEL_CASES: readonly HostileCase[] = [...classes, ...topology, ...weights];
