/**
 * A setting is a single-value spec (`src/lib/value-spec.ts`, the same the layer params use) with
 * the words a form shows and the Keras argument it becomes. A record of settings is the one
 * declaration from which the zod schema (`settingsSchema`), the defaults (`defaultSettings`) and
 * the Train tab's form come, so no default or range is written twice.
 */
import { scalarProblem } from '../lib/value-spec';
import type { ScalarSpec, ScalarValueOf } from '../lib/value-spec';

/** A setting that applies only while a choice setting has one of some values (SGD's momentum). */
export interface SettingCondition {
  readonly setting: string;
  readonly oneOf: readonly string[];
}

/**
 * A default that follows a choice setting, as Keras's learning rate follows the optimizer: taken
 * when the value is left out, and again whenever that choice changes.
 */
export interface DependentDefault {
  readonly setting: string;
  readonly values: Readonly<Record<string, number>>;
}

/** What a setting adds to its value spec. */
export interface SettingInfo {
  /** The words the form shows, e.g. `learning rate`. */
  readonly label: string;
  /** The Keras argument it becomes (`learning_rate`); absent for a switch that is none (a callback's on/off). */
  readonly keras?: string;
  readonly onlyWhen?: SettingCondition;
  readonly defaultFrom?: DependentDefault;
}

/** One declared setting. */
export type Setting<S extends ScalarSpec = ScalarSpec> = S & SettingInfo;

/** Settings by key, in the order a form shows them and a file writes them. */
export type SettingSpecs = Readonly<Record<string, Setting>>;

/** The typed values a record of settings describes. */
export type SettingValues<S extends SettingSpecs> = { readonly [K in keyof S]: ScalarValueOf<S[K]> };

/** Declares a setting: a value spec with its label and Keras name. */
export const setting = <S extends ScalarSpec>(spec: S, info: SettingInfo): Setting<S> => ({ ...spec, ...info });

/** The default of every setting (a dependent default as its setting's default choice gives it). */
export function defaultSettings<S extends SettingSpecs>(specs: S): SettingValues<S> {
  return withDependentDefaults(specs, Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.defaultFrom ? undefined : s.default])));
}

/** `values` with every left-out dependent default filled in from the choice it follows. */
export function withDependentDefaults<S extends SettingSpecs>(specs: S, values: Readonly<Record<string, unknown>>): SettingValues<S> {
  const out: Record<string, unknown> = { ...values };
  for (const [key, spec] of Object.entries(specs)) {
    if (out[key] !== undefined || spec.defaultFrom === undefined) continue;
    out[key] = spec.defaultFrom.values[String(out[spec.defaultFrom.setting])] ?? spec.default;
  }
  // Every key of `specs` now holds a value its schema accepted or its default.
  return out as SettingValues<S>;
}

/** Whether a setting applies with these values (its `onlyWhen` holds, or it has none). */
export function settingApplies(spec: Setting, values: Readonly<Record<string, unknown>>): boolean {
  const when = spec.onlyWhen;
  return when === undefined || when.oneOf.includes(String(values[when.setting]));
}

/** A setting change a form may store, or why it may not, in words ("epochs must be a whole number at least 1"). */
export type SettingChange<S extends SettingSpecs> =
  { readonly ok: true; readonly change: Partial<SettingValues<S>> } | { readonly ok: false; readonly reason: string };

/**
 * Checks `value` against setting `key`'s spec; the change it makes is the value itself and every
 * dependent default that follows it (choosing SGD takes SGD's learning rate, as a new Keras
 * optimizer would).
 */
export function settingChange<S extends SettingSpecs>(specs: S, key: keyof S & string, value: unknown): SettingChange<S> {
  const spec = specs[key];
  if (spec === undefined) return { ok: false, reason: `there is no setting ${key}` };
  const problem = scalarProblem(spec, value);
  if (problem !== null) return { ok: false, reason: `${spec.label} ${problem}` };
  const change: Record<string, unknown> = { [key]: value };
  for (const [other, s] of Object.entries(specs)) {
    const follows = s.defaultFrom;
    if (follows?.setting === key && follows.values[String(value)] !== undefined) change[other] = follows.values[String(value)];
  }
  // Checked above against its spec; a dependent default is a number its table declares.
  return { ok: true, change: change as Partial<SettingValues<S>> };
}
