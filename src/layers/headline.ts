import type { ParamValue } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import type { AnyLayerSpec } from './layer-spec';
import type { ParamSpec } from './params';

const isNumbers = (v: ParamValue): v is readonly (number | null)[] => Array.isArray(v) && v.every((d) => d === null || typeof d === 'number');
const isPairs = (v: ParamValue): v is readonly (readonly number[])[] => Array.isArray(v) && v.every((p) => Array.isArray(p));
const tuple = (items: readonly string[]) => (items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`);
const number = (n: number) => String(Number(n.toPrecision(4)));

/**
 * One parameter as a card shows it, or null for none: numbers to 4 digits, a size per axis as
 * `3×3` (`3` for one axis), any other tuple as Python writes it, symmetric padding pairs as `1×1`, a switch by its
 * key when on. Wrapped layers are the card's title's job (`TimeDistributed(Dense)`).
 */
function shown(key: string, spec: ParamSpec, value: ParamValue): string | null {
  if (value === null) return null;
  switch (spec.type) {
    case 'int':
    case 'float':
      return typeof value === 'number' ? number(value) : null;
    case 'choice':
      return typeof value === 'string' ? value : null;
    case 'bool':
      return value === true ? key : null;
    case 'ints': {
      if (!isNumbers(value)) return null;
      const dims = value.map((d) => (d === null ? 'None' : String(d)));
      // A window or factor per axis (kernel_size, pool_size): sizes of at least 1, one per axis.
      const perAxis = spec.length !== undefined && (spec.min ?? 0) >= 1;
      return perAxis ? dims.join('×') : tuple(dims);
    }
    case 'pairs':
      if (!isPairs(value)) return null;
      return value.every(([a, b]) => a === b) ? value.map(([a]) => String(a)).join('×') : tuple(value.map((p) => tuple(p.map(String))));
    case 'layer':
    case 'layers':
      return null;
    default:
      return assertNever(spec, 'param spec');
  }
}

/** The spec's headline parameters with their values as shown, those with nothing to show left out. */
function headlineParts(spec: AnyLayerSpec, params: Readonly<Record<string, ParamValue>>): { key: string; text: string }[] {
  return (spec.headline ?? spec.positional).flatMap((key) => {
    const paramSpec = spec.params[key];
    const text = paramSpec ? shown(key, paramSpec, params[key] ?? paramSpec.default) : null;
    return text === null ? [] : [{ key, text }];
  });
}

/**
 * What a layer's card says about its settings, e.g. `64 · relu` for `Dense(64, activation="relu")`
 * or `32 · 3×3 · relu` for a Conv2D: its spec's headline parameters (see `LayerSpec.headline`),
 * values only, in order. Empty when it has none.
 */
export function headlineText(spec: AnyLayerSpec, params: Readonly<Record<string, ParamValue>>): string {
  return headlineParts(spec, params)
    .map((p) => p.text)
    .join(' · ');
}

/** The same parameters with their Keras keys, `units=64, activation=relu`, for a tooltip. */
export function headlineArgs(spec: AnyLayerSpec, params: Readonly<Record<string, ParamValue>>): string {
  return headlineParts(spec, params)
    .map((p) => (p.text === p.key ? p.key : `${p.key}=${p.text}`))
    .join(', ');
}
