/**
 * Declarative specs of single values (a whole number, a real number, a yes/no switch, one of a set
 * of strings) and the one check of a value against its spec. Layer params (`src/layers/params.ts`)
 * and training settings (`src/settings/`) are declared with them, so both get the same inspector
 * fields, defaults, ranges and messages. Pure data: nothing here knows about graphs or layers.
 */
import { assertNever } from './assert-never';

/** What every spec carries besides its type and default. */
export interface BaseSpec {
  /** What the value does, in a sentence a student understands (inspector help text). */
  readonly help: string;
  /** Always write it to Keras Python, even at its default (where tfjs and Keras defaults differ). */
  readonly alwaysEmit?: boolean;
  /** Rarely changed (initializers, constraints): the inspector folds it under "More". */
  readonly advanced?: boolean;
}

/** An integer, e.g. `units`; `nullable` allows Keras's `None`. */
export interface IntSpec extends BaseSpec {
  readonly type: 'int';
  readonly default: number | null;
  readonly min?: number;
  readonly max?: number;
  readonly nullable?: boolean;
}

/**
 * A real number, e.g. a dropout `rate`. `minExclusive` / `maxExclusive` make `min` / `max`
 * themselves invalid; `nullable` allows Keras's `None` (ReLU's `max_value`).
 */
export interface FloatSpec extends BaseSpec {
  readonly type: 'float';
  readonly default: number | null;
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly nullable?: boolean;
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

/** A spec of one single value. */
export type ScalarSpec = IntSpec | FloatSpec | BoolSpec | ChoiceSpec;

/** The value type one scalar spec describes. */
export type ScalarValueOf<S extends ScalarSpec> = S extends IntSpec | FloatSpec
  ? S['nullable'] extends true
    ? number | null
    : number
  : S extends BoolSpec
    ? boolean
    : S extends ChoiceSpec<infer O>
      ? O
      : never;

type NumberOpts = { min?: number; max?: number; advanced?: boolean; alwaysEmit?: boolean };
type FloatOpts = NumberOpts & { minExclusive?: boolean; maxExclusive?: boolean };

/** Integer spec. */
export const int = (def: number, help: string, range: NumberOpts = {}): IntSpec & { nullable?: false } => ({
  type: 'int',
  default: def,
  help,
  ...range,
});

/** Integer spec that may be Keras's `None`. */
export const optionalInt = (def: number | null, help: string, range: NumberOpts = {}): IntSpec & { nullable: true } => ({
  type: 'int',
  default: def,
  help,
  nullable: true,
  ...range,
});

/** Real-number spec. */
export const float = (def: number, help: string, range: FloatOpts = {}): FloatSpec & { nullable?: false } => ({
  type: 'float',
  default: def,
  help,
  ...range,
});

/** Real-number spec that may be Keras's `None`. */
export const optionalFloat = (def: number | null, help: string, range: FloatOpts = {}): FloatSpec & { nullable: true } => ({
  type: 'float',
  default: def,
  help,
  nullable: true,
  ...range,
});

/** Boolean spec. */
export const bool = (def: boolean, help: string, extra: { alwaysEmit?: boolean; advanced?: boolean } = {}): BoolSpec => ({
  type: 'bool',
  default: def,
  help,
  ...extra,
});

/** Choice spec; keeps the option strings as literal types. */
export const choice = <const O extends string>(
  options: readonly O[],
  def: NoInfer<O>,
  help: string,
  extra: { alwaysEmit?: boolean; advanced?: boolean } = {},
): ChoiceSpec<O> => ({ type: 'choice', default: def, options, help, ...extra });

/** "between 0 and 1 (exclusive)", "at least 1", "greater than 0": the range a number must be in. */
function rangeText(spec: IntSpec | FloatSpec): string {
  const { min, max } = spec;
  const minOpen = spec.type === 'float' && spec.minExclusive === true;
  const maxOpen = spec.type === 'float' && spec.maxExclusive === true;
  if (min !== undefined && max !== undefined) {
    if (minOpen) return `greater than ${min} and ${maxOpen ? 'less than' : 'at most'} ${max}`;
    return `between ${min} and ${max}${maxOpen ? ' (exclusive)' : ''}`;
  }
  if (min !== undefined) return minOpen ? `greater than ${min}` : `at least ${min}`;
  if (max !== undefined) return maxOpen ? `less than ${max}` : `at most ${max}`;
  return '';
}

function numberProblem(spec: IntSpec | FloatSpec, value: unknown): string | null {
  if (value === null && spec.nullable) return null;
  const whole = spec.type === 'int';
  const bounds = rangeText(spec);
  const want = `must be ${whole ? 'a whole number' : 'a number'}${bounds ? ` ${bounds}` : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) return want;
  const minOpen = spec.type === 'float' && spec.minExclusive === true;
  const maxOpen = spec.type === 'float' && spec.maxExclusive === true;
  if (spec.min !== undefined && (value < spec.min || (minOpen && value === spec.min))) return want;
  if (spec.max !== undefined && (value > spec.max || (maxOpen && value === spec.max))) return want;
  return null;
}

/**
 * Why `value` is not valid for `spec`, in words for a form ("must be a whole number at least 1"),
 * or null when it is valid.
 */
export function scalarProblem(spec: ScalarSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'int':
    case 'float':
      return numberProblem(spec, value);
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value) ? null : `must be one of ${spec.options.join(', ')}`;
    default:
      return assertNever(spec, 'scalar spec');
  }
}
