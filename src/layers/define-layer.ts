import type { LayerKind } from '../graph/layer-kinds';
import type { ParamValue } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import { UserFileError } from '../lib/errors';
import { invariant } from '../lib/invariant';
import { isActivationKey, pyActivation } from './keras-activations';
import { parseActivation, parseInitializer, parseRegularizer, tfjsActivation, tfjsInitializer } from './keras-values';
import type { KerasConfig, LayerSpec, Tf } from './layer-spec';
import type { ParamSpec, ParamSpecs, ParamValues } from './params';
import { pyString } from '../lib/py-source';

/** Flat parameters that stand for one Keras regularizer object: `kernel_l1` -> kernel_regularizer.l1. */
const REGULARIZER_PARTS: Readonly<Record<string, readonly [string, 'l1' | 'l2']>> = {
  kernel_l1: ['kernel_regularizer', 'l1'],
  kernel_l2: ['kernel_regularizer', 'l2'],
  depthwise_l1: ['depthwise_regularizer', 'l1'],
  depthwise_l2: ['depthwise_regularizer', 'l2'],
  pointwise_l1: ['pointwise_regularizer', 'l1'],
  pointwise_l2: ['pointwise_regularizer', 'l2'],
  alpha_l1: ['alpha_regularizer', 'l1'],
  alpha_l2: ['alpha_regularizer', 'l2'],
  bias_l1: ['bias_regularizer', 'l1'],
  bias_l2: ['bias_regularizer', 'l2'],
};

/** The Keras regularizer argument a flat parameter is part of (`kernel_l2` -> `kernel_regularizer`), if it is one. */
export const regularizerArgument = (key: string): string | undefined => REGULARIZER_PARTS[key]?.[0];

const isInitializerKey = (key: string) => key.endsWith('_initializer');
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The tfjs layer config for Keras-keyed parameters: camelCase keys, tfjs identifiers for
 * activations and initializers, L1/L2 pairs folded into a regularizer, `None`s left out. The result
 * is typed as the tfjs factory's argument: the keys are tfjs's camelCase forms of Keras's own.
 */
export function tfjsConfig<T>(tf: Tf, specs: ParamSpecs, params: Readonly<Record<string, ParamValue>>, name: string): T {
  const config: Record<string, unknown> = { name };
  const regularizers: Record<string, { l1: number; l2: number }> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const value = params[key];
    // Wrapped layers are built by their wrapper, which knows how tfjs takes them.
    if (value === null || value === undefined || spec.type === 'layer' || spec.type === 'layers') continue;
    const part = REGULARIZER_PARTS[key];
    if (part) {
      const reg = (regularizers[part[0]] ??= { l1: 0, l2: 0 });
      reg[part[1]] = Number(value);
    } else if (isActivationKey(key)) config[camel(key)] = tfjsActivation(String(value));
    else if (isInitializerKey(key)) config[camel(key)] = tfjsInitializer(String(value));
    else config[camel(key)] = structuredClone(value);
  }
  for (const [key, { l1, l2 }] of Object.entries(regularizers)) {
    if (l1 !== 0 || l2 !== 0) config[camel(key)] = tf.regularizers.l1l2({ l1, l2 });
  }
  return config as T;
}

const pyTuple = (items: readonly string[]) => (items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`);

/** A parameter value as Python source. Wrapped layers are written by their wrapper. */
export function pyValue(value: ParamValue, spec?: ParamSpec): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') {
    if (spec?.type === 'float' && Number.isInteger(value)) return `${value}.0`;
    return String(value);
  }
  invariant(Array.isArray(value), 'a wrapped layer has no Python value of its own');
  const items = value as readonly (number | null | readonly number[])[];
  if (items.some(Array.isArray)) return pyTuple(items.map((pair) => pyTuple((pair as readonly number[]).map(String))));
  // A fixed 1-tuple (Conv1D's kernel_size) reads best as a number; a shape stays a tuple.
  if (items.length === 1 && spec?.type === 'ints' && spec.length === 1) return String(items[0]);
  return pyTuple(items.map((d) => (d === null ? 'None' : String(d))));
}

const sameValue = (a: ParamValue, b: ParamValue) => JSON.stringify(a) === JSON.stringify(b);

/** One parameter as a Python argument: activations go through {@link pyActivation}. */
function pyArgument(key: string, value: ParamValue, spec: ParamSpec | undefined): string {
  return isActivationKey(key) && typeof value === 'string' ? pyActivation(value) : pyValue(value, spec);
}

/**
 * A Keras constructor call: positional parameters first, then every other parameter that differs
 * from its default (or is marked `alwaysEmit`), then `extra` keyword arguments, then the name.
 * Activations Keras 3 computes differently are the names of functions the script defines.
 */
export function kerasCall(
  kerasClass: string,
  specs: ParamSpecs,
  positional: readonly string[],
  params: Readonly<Record<string, ParamValue>>,
  name: string | null,
  extra: readonly string[] = [],
): string {
  const args: string[] = positional.map((key) => pyArgument(key, params[key] ?? null, specs[key]));
  const regularizers: Record<string, { l1: number; l2: number }> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (positional.includes(key) || spec.type === 'layer' || spec.type === 'layers') continue;
    const value = params[key] ?? spec.default;
    const part = REGULARIZER_PARTS[key];
    if (part) {
      const reg = (regularizers[part[0]] ??= { l1: 0, l2: 0 });
      reg[part[1]] = Number(value);
      continue;
    }
    if (!spec.alwaysEmit && sameValue(value, spec.default)) continue;
    args.push(`${key}=${pyArgument(key, value, spec)}`);
  }
  for (const [key, { l1, l2 }] of Object.entries(regularizers)) {
    if (l1 !== 0 && l2 !== 0) args.push(`${key}=keras.regularizers.L1L2(l1=${l1}, l2=${l2})`);
    else if (l1 !== 0) args.push(`${key}=keras.regularizers.L1(${l1})`);
    else if (l2 !== 0) args.push(`${key}=keras.regularizers.L2(${l2})`);
  }
  args.push(...extra);
  if (name !== null) args.push(`name=${pyString(name)}`);
  return `layers.${kerasClass}(${args.join(', ')})`;
}

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * Keras's spellings of per-axis padding: `n` (every side), `(a, b)` per axis (symmetric) or, for
 * one axis, `(before, after)`, or the full `((before, after), ...)`.
 */
function readPairs(raw: unknown, axes: number): number[][] | undefined {
  if (isWhole(raw)) return Array.from({ length: axes }, () => [raw, raw]);
  if (!Array.isArray(raw)) return undefined;
  if (raw.every(isWhole)) {
    if (axes === 1 && raw.length === 2) return [[raw[0] as number, raw[1] as number]];
    return raw.length === axes ? raw.map((n: number) => [n, n]) : undefined;
  }
  if (raw.length !== axes) return undefined;
  const out = raw.map((pair: unknown) => (isWhole(pair) ? [pair, pair] : pair));
  return out.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every(isWhole)) ? (out as number[][]) : undefined;
}

function readValue(spec: ParamSpec, raw: unknown, key: string, layer: string): ParamValue {
  const bad = (): never => {
    throw new UserFileError(`layer "${layer}" has ${key}=${JSON.stringify(raw)}, which is not a valid value`);
  };
  switch (spec.type) {
    case 'int':
    case 'float':
      if (raw === null && spec.nullable) return null;
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : bad();
    case 'bool':
      // tfjs writes an unset flag as null (Embedding's mask_zero): Keras's default then holds.
      if (raw === null) return spec.default;
      return typeof raw === 'boolean' ? raw : bad();
    case 'choice':
      return typeof raw === 'string' && spec.options.includes(raw) ? raw : bad();
    case 'ints': {
      if (raw === null) return spec.nullable ? null : bad();
      const list = typeof raw === 'number' ? Array<number>(spec.length ?? 1).fill(raw) : raw;
      const entryOk = (n: unknown) => isWhole(n) || (spec.noneDims === true && n === null);
      if (!Array.isArray(list) || !list.every(entryOk)) return bad();
      return list as (number | null)[];
    }
    case 'pairs':
      return readPairs(raw, spec.axes) ?? bad();
    case 'layer':
    case 'layers':
      // Only the wrapper knows how its file nests the inner layers' configs.
      throw new UserFileError(`layer "${layer}" wraps a layer in ${key}, which its own reader must take`);
    default:
      return assertNever(spec, 'param spec');
  }
}

/**
 * Parameters from a Keras config: each parameter read from its own key (missing keys take the
 * default), activations, initializers and regularizers through their Keras forms.
 */
export function fromKerasConfig(specs: ParamSpecs, config: KerasConfig): Record<string, ParamValue> {
  const layer = typeof config.name === 'string' ? config.name : '?';
  const params: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const part = REGULARIZER_PARTS[key];
    if (part) params[key] = parseRegularizer(config[part[0]])[part[1]];
    else if (!(key in config) || config[key] === undefined) params[key] = spec.default;
    else if (isActivationKey(key)) params[key] = parseActivation(config[key], layer);
    else if (isInitializerKey(key)) {
      params[key] = parseInitializer(config[key], spec.default as Parameters<typeof parseInitializer>[1]);
    } else params[key] = readValue(spec, config[key], key, layer);
  }
  return params;
}

/**
 * What a layer file writes; the Keras translation defaults to the generic one. `kerasRequired`
 * names the arguments Keras's constructor has no default for (`Dense(units)`): a config without
 * one is refused rather than read with Netloom's default, which would change the model unseen.
 */
export type LayerDefinition<S extends ParamSpecs, K extends LayerKind = LayerKind> = Omit<LayerSpec<S, K>, 'toKeras' | 'fromKeras' | 'positional'> &
  Partial<Pick<LayerSpec<S, K>, 'toKeras' | 'fromKeras' | 'positional'>> & { readonly kerasRequired?: readonly (keyof S & string)[] };

/** Completes a layer definition with the generic Keras call and config reader. */
export function defineLayer<const S extends ParamSpecs, const K extends LayerKind>(def: LayerDefinition<S, K>): LayerSpec<S, K> {
  const { kerasRequired = [], ...spec } = def;
  const positional = def.positional ?? [];
  const read = def.fromKeras ?? ((config: KerasConfig) => fromKerasConfig(def.params, config) as ParamValues<S>);
  const activation = 'activation' in def.params ? ['activation'] : [];
  return {
    ...spec,
    positional,
    headline: def.headline ?? [...new Set([...positional, ...kerasRequired, ...activation])],
    toKeras: def.toKeras ?? ((params, name) => kerasCall(def.kerasClass, def.params, positional, params, name)),
    fromKeras: (config) => {
      const missing = kerasRequired.find((key) => config[key] === undefined || config[key] === null);
      if (missing !== undefined) {
        const layer = typeof config.name === 'string' ? config.name : '?';
        throw new UserFileError(`layer "${layer}" has no ${missing}, which a Keras ${def.kerasClass} layer requires`);
      }
      return read(config);
    },
  };
}
