import { describe, expect, it } from 'vitest';
import { scalarProblem } from '../lib/value-spec';
import { CALLBACKS, DEFAULT_CALLBACKS, callbacksSchema } from './callbacks';
import { MONITORS } from './monitors';
import { settingChange } from './setting';
import type { SettingSpecs } from './setting';

describe('callback settings', () => {
  it('are off by default, with the defaults the Train tab always offered', () => {
    expect(DEFAULT_CALLBACKS).toEqual({
      earlyStopping: { enabled: false, monitor: 'val_loss', minDelta: 0, patience: 5, mode: 'auto', restoreBestWeights: true },
      reduceLrOnPlateau: { enabled: false, monitor: 'val_loss', factor: 0.5, patience: 3, mode: 'auto', minDelta: 1e-4, minLr: 1e-6 },
    });
    expect(callbacksSchema.parse({})).toEqual(DEFAULT_CALLBACKS);
  });

  it('keep Keras 3’s argument names and order', () => {
    const args = (key: keyof typeof CALLBACKS) => Object.values(CALLBACKS[key].settings).flatMap((s) => (s.keras === undefined ? [] : [s.keras]));
    expect(args('earlyStopping')).toEqual(['monitor', 'min_delta', 'patience', 'mode', 'restore_best_weights']);
    expect(args('reduceLrOnPlateau')).toEqual(['monitor', 'factor', 'patience', 'mode', 'min_delta', 'min_lr']);
  });

  it.each(Object.entries(CALLBACKS).flatMap(([key, callback]) => Object.entries(callback.settings).map(([name, spec]) => [key, name, spec] as const)))(
    '%s.%s: the form and the file accept the same values',
    (key, name, spec) => {
      const values =
        spec.type === 'choice' ? [...spec.options, 'other'] : spec.type === 'bool' ? [true, false, 'yes'] : [-1, 0, 1e-9, 0.5, 1, 3, 1.5, Number.NaN, '1'];
      for (const value of values) {
        const file = callbacksSchema.safeParse({ [key]: { [name]: value } }).success;
        expect(scalarProblem(spec, value) === null, `${key}.${name} = ${String(value)}`).toBe(file);
      }
    },
  );

  it.each([
    ['earlyStopping', 'patience', -1, 'patience must be a whole number at least 0'],
    ['reduceLrOnPlateau', 'factor', 1, 'factor must be a number greater than 0 and less than 1'],
    ['reduceLrOnPlateau', 'minLr', -1e-6, 'min LR must be a number at least 0'],
    ['earlyStopping', 'monitor', 'val_f1', `monitor must be one of ${MONITORS.join(', ')}`],
    ['reduceLrOnPlateau', 'mode', 'up', 'mode must be one of auto, min, max'],
  ] as const)('refuse %s.%s = %j in words', (key, name, value, reason) => {
    // Widened to any callback's settings: each row names a setting of its own callback.
    const specs: SettingSpecs = CALLBACKS[key].settings;
    expect(settingChange(specs, name, value)).toEqual({ ok: false, reason });
  });
});
