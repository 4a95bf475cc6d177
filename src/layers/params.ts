import type { ParamValue } from '../graph/types';

interface BaseSpec {
  /** What the parameter does, in a sentence a student understands (inspector help text). */
  readonly help: string;
  /** Always write it to Keras Python, even at its default (where tfjs and Keras defaults differ). */
  readonly alwaysEmit?: boolean;
}

/** An integer, e.g. `units`. */
export interface IntSpec extends BaseSpec {
  readonly type: 'int';
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
}

/** A real number, e.g. a dropout `rate`. `maxExclusive` makes `max` itself invalid. */
export interface FloatSpec extends BaseSpec {
  readonly type: 'float';
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
  readonly maxExclusive?: boolean;
}

/** A yes/no switch, e.g. `use_bias`. */
export interface BoolSpec extends BaseSpec {
  readonly type: 'bool';
  readonly default: boolean;
}

/** One of a fixed set of strings, e.g. `activation`. */
export interface ChoiceSpec<O extends string = string> extends BaseSpec {
  readonly type: 'choice';
  readonly default: O;
  readonly options: readonly O[];
}

/**
 * A tuple of integers, e.g. `kernel_size` `[3, 3]`. `length` fixes its size (else any size from
 * `minLength`); `nullable` allows Keras's `None`; `allowMinusOne` allows one `-1` (Reshape).
 */
export interface IntsSpec extends BaseSpec {
  readonly type: 'ints';
  readonly default: readonly number[] | null;
  readonly length?: number;
  readonly minLength?: number;
  readonly min?: number;
  readonly nullable?: boolean;
  readonly allowMinusOne?: boolean;
}

/** What one layer parameter is: it drives the inspector form, validation and the defaults. */
export type ParamSpec = IntSpec | FloatSpec | BoolSpec | ChoiceSpec | IntsSpec;

/** A layer's parameter specs by Keras config key. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The value type one spec describes. */
export type ValueOf<S extends ParamSpec> = S extends IntSpec | FloatSpec
  ? number
  : S extends BoolSpec
    ? boolean
    : S extends ChoiceSpec<infer O>
      ? O
      : S extends IntsSpec
        ? S['nullable'] extends true
          ? readonly number[] | null
          : readonly number[]
        : never;

/** The typed parameter object a set of specs describes. */
export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** Integer parameter spec. */
export const int = (def: number, help: string, range: { min?: number; max?: number } = {}): IntSpec => ({
  type: 'int',
  default: def,
  help,
  ...range,
});

/** Real-number parameter spec. */
export const float = (
  def: number,
  help: string,
  range: { min?: number; max?: number; maxExclusive?: boolean } = {},
): FloatSpec => ({ type: 'float', default: def, help, ...range });

/** Boolean parameter spec. */
export const bool = (def: boolean, help: string, extra: { alwaysEmit?: boolean } = {}): BoolSpec => ({
  type: 'bool',
  default: def,
  help,
  ...extra,
});

/** Choice parameter spec; keeps the option strings as literal types. */
export const choice = <const O extends string>(
  options: readonly O[],
  def: NoInfer<O>,
  help: string,
  extra: { alwaysEmit?: boolean } = {},
): ChoiceSpec<O> => ({ type: 'choice', default: def, options, help, ...extra });

/** Integer tuple of fixed length. */
export const ints = <const N extends boolean = false>(
  def: N extends true ? readonly number[] | null : readonly number[],
  help: string,
  opts: Omit<IntsSpec, 'type' | 'default' | 'help' | 'nullable'> & { nullable?: N } = {},
): IntsSpec & { nullable: N } => ({ type: 'ints', default: def, help, ...opts }) as IntsSpec & { nullable: N };

/** The default value of every parameter. */
export function defaultParams<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = spec.default;
  return out as ParamValues<S>;
}
