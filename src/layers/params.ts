import type { Dim, ParamValue, WrappedLayer } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import type { BaseSpec, BoolSpec, ChoiceSpec, FloatSpec, IntSpec, ScalarValueOf } from '../lib/value-spec';

// The single-value specs live in lib so that training settings share them; layer files take every
// spec constructor from this one module.
export { bool, choice, float, int, optionalFloat, optionalInt } from '../lib/value-spec';
export type { BoolSpec, ChoiceSpec, FloatSpec, IntSpec } from '../lib/value-spec';

/**
 * A tuple of integers, e.g. `kernel_size` `[3, 3]`. `length` fixes its size (else any size from
 * `minLength`); `nullable` allows Keras's `None` for the whole tuple; `noneDims` allows `None`
 * entries (an Input of shape `(None, None, 3)`); `allowMinusOne` allows one `-1` (Reshape).
 */
export interface IntsSpec extends BaseSpec {
  readonly type: 'ints';
  readonly default: readonly Dim[] | null;
  readonly length?: number;
  readonly minLength?: number;
  readonly min?: number;
  readonly nullable?: boolean;
  readonly noneDims?: boolean;
  readonly allowMinusOne?: boolean;
}

/**
 * One `[before, after]` pair of whole numbers per axis, as Keras writes ZeroPadding2D's
 * `((top, bottom), (left, right))`: padding and cropping that may differ on the two sides.
 */
export interface PairsSpec extends BaseSpec {
  readonly type: 'pairs';
  readonly default: readonly (readonly number[])[];
  /** Number of axes, i.e. of pairs. */
  readonly axes: number;
  readonly min?: number;
}

/** A whole layer inside this one (TimeDistributed's `layer`), edited with that layer's own specs. */
export interface LayerParamSpec extends BaseSpec {
  readonly type: 'layer';
  readonly default: WrappedLayer;
  /** The kinds it may hold; absent means any layer that takes one input. */
  readonly kinds?: readonly LayerKind[];
}

/**
 * A list of whole layers inside this one (an RNN's stacked cells), each edited with its own kind's
 * specs. `unused` names params of those kinds that this layer ignores (a cell has no
 * return_sequences of its own): the inspector hides them and the layer keeps them at their defaults.
 */
export interface LayerListParamSpec extends BaseSpec {
  readonly type: 'layers';
  readonly default: readonly WrappedLayer[];
  /** The kinds each entry may be. */
  readonly kinds: readonly LayerKind[];
  /** The fewest entries (at least 1). */
  readonly minLength: number;
  readonly unused?: readonly string[];
}

/** What one layer parameter is: it drives the inspector form, validation and the defaults. */
export type ParamSpec = IntSpec | FloatSpec | BoolSpec | ChoiceSpec | IntsSpec | PairsSpec | LayerParamSpec | LayerListParamSpec;

/** A layer's parameter specs by Keras config key. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type Tuple<S extends IntsSpec> = S['noneDims'] extends true ? readonly Dim[] : readonly number[];

/** The value type one spec describes. */
export type ValueOf<S extends ParamSpec> = S extends IntSpec | FloatSpec | BoolSpec | ChoiceSpec
  ? ScalarValueOf<S>
  : S extends IntsSpec
    ? S['nullable'] extends true
      ? Tuple<S> | null
      : Tuple<S>
    : S extends PairsSpec
      ? readonly (readonly number[])[]
      : S extends LayerParamSpec
        ? WrappedLayer
        : S extends LayerListParamSpec
          ? readonly WrappedLayer[]
          : never;

/** The typed parameter object a set of specs describes. */
export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** Integer tuple of fixed length. */
export const ints = <const N extends boolean = false>(
  def: N extends true ? readonly number[] | null : readonly number[],
  help: string,
  opts: Omit<IntsSpec, 'type' | 'default' | 'help' | 'nullable' | 'noneDims'> & { nullable?: N } = {},
): IntsSpec & { nullable: N; noneDims?: false } => ({ type: 'ints', default: def, help, ...opts }) as IntsSpec & { nullable: N; noneDims?: false };

/** A shape-like tuple whose entries may be `None` (unknown until the data arrives). */
export const dims = (
  def: readonly Dim[],
  help: string,
  opts: Omit<IntsSpec, 'type' | 'default' | 'help' | 'nullable' | 'noneDims'> = {},
): IntsSpec & { nullable?: false; noneDims: true } => ({ type: 'ints', default: def, help, noneDims: true, ...opts });

/** `[before, after]` pairs, one per axis. */
export const pairs = (axes: number, def: readonly (readonly number[])[], help: string, opts: { min?: number } = {}): PairsSpec => ({
  type: 'pairs',
  default: def,
  axes,
  help,
  ...opts,
});

/** A wrapped layer of one of `kinds` (any single-input layer when absent). */
export const layerParam = (def: WrappedLayer, help: string, kinds?: readonly LayerKind[]): LayerParamSpec => ({
  type: 'layer',
  default: def,
  help,
  ...(kinds ? { kinds } : {}),
});

/** A list of at least one wrapped layer, each of one of `kinds`; `unused` as in LayerListParamSpec. */
export const layerListParam = (
  def: readonly WrappedLayer[],
  help: string,
  kinds: readonly LayerKind[],
  opts: { readonly unused?: readonly string[] } = {},
): LayerListParamSpec => ({ type: 'layers', default: def, help, kinds, minLength: 1, ...opts });

/** The default value of every parameter. */
export function defaultParams<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = spec.default;
  return out as ParamValues<S>;
}
