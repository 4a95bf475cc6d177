/**
 * What a layer's Keras config says that Netloom's params do not keep: found by watching which
 * keys the layer's reader touched, then leaving out keys that never change what the model
 * computes or trains (names, dtypes, formats Netloom checks elsewhere) and values that are Keras's
 * defaults. An import reports what remains, so nothing is dropped without a word.
 */
import type { KerasConfig } from '../layers/layer-spec';

/** Keys that describe the layer, not what it computes, or that every reader handles elsewhere. */
const NEUTRAL = new Set([
  'name',
  'trainable',
  'dtype',
  'batch_input_shape',
  'batch_shape',
  'input_shape',
  'input_dtype',
  'sparse',
  'ragged',
  'data_format',
  'build_config',
  'module',
  'registered_name',
  'input_length',
  'implementation',
  'unroll',
  'time_major',
  'zero_output_for_mask',
  'stateful',
  'return_state',
  'seed',
  'synchronized',
  'renorm',
  'renorm_clipping',
  'renorm_momentum',
  'fused',
  'virtual_batch_size',
  'adjustment',
  'autocast',
  'lora_rank',
  'lora_alpha',
  'quantization_config',
  'input_dim_keras2',
]);

/** Keras's default initializer for each initializer key, by class (`Zeros`), for the ones Netloom does not keep. */
const DEFAULT_INITIALIZERS: Readonly<Record<string, readonly string[]>> = {
  // Only layers without a kernel_initializer param leave it unread (MultiHeadAttention's projections).
  kernel_initializer: ['GlorotUniform', 'glorot_uniform'],
  bias_initializer: ['Zeros', 'zeros'],
  beta_initializer: ['Zeros', 'zeros'],
  gamma_initializer: ['Ones', 'ones'],
  moving_mean_initializer: ['Zeros', 'zeros'],
  moving_variance_initializer: ['Ones', 'ones'],
  embeddings_initializer: ['RandomUniform', 'uniform', 'random_uniform'],
  recurrent_initializer: ['Orthogonal', 'orthogonal'],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A config value as a reader says it: `MaxNorm(max_value=2)`, `L2(l2=0.01)`, `[null, 4]`. */
function describe(value: unknown): string {
  if (isRecord(value) && typeof value.class_name === 'string') {
    const config = isRecord(value.config) ? Object.entries(value.config).filter(([k, v]) => v !== null && k !== 'name') : [];
    return `${value.class_name}(${config.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;
  }
  return JSON.stringify(value);
}

/** True for a value that is Keras's default for its key (null, false, an empty list, a default initializer). */
function isDefault(key: string, value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (Array.isArray(value) && value.length === 0) return true;
  const defaults = DEFAULT_INITIALIZERS[key];
  if (defaults) {
    const cls = isRecord(value) ? value.class_name : value;
    return typeof cls === 'string' && defaults.includes(cls);
  }
  return key === 'unit_forget_bias' && value === true;
}

/**
 * Runs a layer's config reader with the config watched, and returns what it read together with
 * one `key=value` line per key it left that is not neutral and not a default.
 */
export function readWatched<T>(config: KerasConfig, read: (config: KerasConfig) => T): { params: T; unkept: string[] } {
  const touched = new Set<string>();
  const watched = new Proxy(config, {
    get(target, key, receiver) {
      if (typeof key === 'string') touched.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string') touched.add(key);
      return Reflect.has(target, key);
    },
  });
  const params = read(watched);
  const unkept = Object.entries(config)
    .filter(([key, value]) => !touched.has(key) && !NEUTRAL.has(key) && !isDefault(key, value))
    .map(([key, value]) => `${key}=${describe(value)}`);
  return { params, unkept };
}
