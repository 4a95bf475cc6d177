/**
 * Declared settings (`src/settings/`) as Keras keyword arguments: each setting names its Keras
 * argument, so the script's `batch_size=32` or `patience=5` comes from the same declaration as the
 * form and the project file.
 */
import { assertNever } from '../lib/assert-never';
import type { Setting, SettingSpecs } from '../settings/setting';
import { TRAINING_SETTINGS } from '../settings/training';
import type { TrainingConfig } from '../settings/training';
import { invariant } from '../lib/invariant';
import { pyNumber, pyString } from './keras-python-util';

/** One setting's value as a Python literal. */
function pyValue(spec: Setting, value: unknown): string {
  switch (spec.type) {
    case 'choice':
      return pyString(String(value));
    case 'bool':
      return value === true ? 'True' : 'False';
    case 'int':
    case 'float':
      return value === null ? 'None' : pyNumber(Number(value));
    default:
      return assertNever(spec, 'setting');
  }
}

/** `keras_name=value` for one setting; the setting must name a Keras argument. */
export function settingArg(spec: Setting, value: unknown): string {
  invariant(spec.keras !== undefined, `the setting ${spec.label} is no Keras argument`);
  return `${spec.keras}=${pyValue(spec, value)}`;
}

/** `keras_name=value` for one training setting, e.g. `trainingArg(t, 'batchSize')` is `batch_size=32`. */
export const trainingArg = (training: TrainingConfig, key: keyof typeof TRAINING_SETTINGS): string => settingArg(TRAINING_SETTINGS[key], training[key]);

/** `name=value` for each Keras argument that is always written or is not at its default, in declaration order. */
export function changedArgs(specs: SettingSpecs, values: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(specs).flatMap(([key, spec]) =>
    spec.keras !== undefined && (spec.alwaysEmit === true || values[key] !== spec.default) ? [settingArg(spec, values[key])] : [],
  );
}
