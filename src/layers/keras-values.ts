import { UserFileError } from '../lib/errors';
import { activationOfSavedFunction } from './keras-activations';

/**
 * Activations offered in the UI, by Keras name: every one tfjs 4.22 has, and the Keras 3 ones
 * Netloom registers with tfjs (see tfjs-extra/activations.ts). `gelu` is the exact (erf) form in
 * both; `gelu_new` is tfjs's tanh approximation (Keras's `gelu(approximate=True)`).
 */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
  'gelu',
  'gelu_new',
  'relu6',
  'hard_sigmoid',
  'mish',
  'log_softmax',
  'exponential',
  'leaky_relu',
  'log_sigmoid',
  'celu',
  'hard_silu',
  'hard_tanh',
  'tanh_shrink',
  'soft_shrink',
  'hard_shrink',
  'squareplus',
  'sparse_plus',
] as const;

/** A Keras activation name. */
export type Activation = (typeof ACTIVATIONS)[number];

/** Kernel initializers offered in the UI, by Keras name. */
export const INITIALIZERS = [
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
  'lecun_uniform',
  'lecun_normal',
  'random_normal',
  'random_uniform',
  'truncated_normal',
  'orthogonal',
  'zeros',
  'ones',
] as const;

/** A Keras initializer name. */
export type Initializer = (typeof INITIALIZERS)[number];

/** Other names files use for the same function. */
const ACTIVATION_ALIASES: Readonly<Record<string, Activation>> = { silu: 'swish', hard_swish: 'hard_silu' };

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const TFJS_INITIALIZER: Readonly<Record<Initializer, string>> = {
  glorot_uniform: 'glorotUniform',
  glorot_normal: 'glorotNormal',
  he_uniform: 'heUniform',
  he_normal: 'heNormal',
  lecun_uniform: 'leCunUniform',
  lecun_normal: 'leCunNormal',
  random_normal: 'randomNormal',
  random_uniform: 'randomUniform',
  truncated_normal: 'truncatedNormal',
  orthogonal: 'orthogonal',
  zeros: 'zeros',
  ones: 'ones',
};

/**
 * tfjs's identifier for a Keras activation name: its camelCase form (`hard_sigmoid` ->
 * `hardSigmoid`), which is also how tfjs reads a name back from a file.
 */
export function tfjsActivation(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** tfjs's identifier for a Keras initializer name. */
export function tfjsInitializer(name: string): string {
  return TFJS_INITIALIZER[name as Initializer] ?? name;
}

/**
 * Reads an activation from a Keras config value (a string, or `{class_name}` in some files, or one
 * of the functions an exported script defines, saved by Keras 3).
 */
export function parseActivation(value: unknown, layer: string): Activation {
  const saved = activationOfSavedFunction(value);
  if (saved !== undefined) return saved;
  const raw = typeof value === 'object' && value !== null && 'class_name' in value ? value.class_name : value;
  if (typeof raw !== 'string') throw new UserFileError(`layer "${layer}" has an activation that is not a name`);
  const name = ACTIVATION_ALIASES[snake(raw)] ?? snake(raw);
  if ((ACTIVATIONS as readonly string[]).includes(name)) return name as Activation;
  throw new UserFileError(`layer "${layer}" uses activation "${raw}", which Netloom does not support`);
}

/**
 * Reads an initializer from a Keras config value. tfjs writes its default as
 * `VarianceScaling(scale=1, fan_avg, normal)`, which is Glorot normal; other VarianceScaling
 * forms map to the named initializer with the same scale and mode.
 */
export function parseInitializer(value: unknown, fallback: Initializer): Initializer {
  if (typeof value === 'string') {
    const snake = value
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace('le_cun', 'lecun');
    return (INITIALIZERS as readonly string[]).includes(snake) ? (snake as Initializer) : fallback;
  }
  if (typeof value !== 'object' || value === null) return fallback;
  const { class_name: cls, config } = value as { class_name?: unknown; config?: Record<string, unknown> };
  if (typeof cls !== 'string') return fallback;
  if (cls === 'VarianceScaling' && config) {
    const normal = config.distribution !== 'uniform';
    const scale = Number(config.scale ?? 1);
    if (config.mode === 'fan_avg' && scale === 1) return normal ? 'glorot_normal' : 'glorot_uniform';
    if (config.mode === 'fan_in' && scale === 2) return normal ? 'he_normal' : 'he_uniform';
    if (config.mode === 'fan_in' && scale === 1) return normal ? 'lecun_normal' : 'lecun_uniform';
    return fallback;
  }
  return parseInitializer(cls, fallback);
}

/** Reads `{l1, l2}` from a Keras regularizer config (`L1L2`, `L1`, `L2`, or null). */
export function parseRegularizer(value: unknown): { l1: number; l2: number } {
  if (typeof value !== 'object' || value === null) return { l1: 0, l2: 0 };
  const config = (value as { config?: Record<string, unknown> }).config ?? {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { l1: num(config.l1), l2: num(config.l2) };
}
