import { describe, expect, it } from 'vitest';
import { scalarProblem } from '../lib/value-spec';
import { DEFAULT_FINE_TUNE, FINE_TUNE_SETTINGS, fineTuneSchema } from './fine-tune';
import { settingChange } from './setting';

describe('fine-tune settings', () => {
  it('are off by default, at the guide’s 1e-5 for Adam', () => {
    expect(DEFAULT_FINE_TUNE).toEqual({ enabled: false, unfreeze: 2, learningRate: 1e-5, epochs: 5 });
    expect(fineTuneSchema.parse({})).toEqual(DEFAULT_FINE_TUNE);
    expect(fineTuneSchema.parse({ enabled: true, unfreeze: 4 })).toEqual({ ...DEFAULT_FINE_TUNE, enabled: true, unfreeze: 4 });
  });

  it.each(Object.entries(FINE_TUNE_SETTINGS))('%s: the form and the file accept the same values', (key, spec) => {
    const values = spec.type === 'bool' ? [true, false, 'yes'] : [-1, 0, 1e-9, 0.5, 1, 3, Number.NaN, '1'];
    for (const value of values) {
      expect(scalarProblem(spec, value) === null, `${key} = ${String(value)}`).toBe(fineTuneSchema.safeParse({ [key]: value }).success);
    }
  });

  it.each([
    ['unfreeze', 0, 'layers to unfreeze must be a whole number at least 1'],
    ['learningRate', 0, 'phase 2 learning rate must be a number greater than 0'],
    ['epochs', 1.5, 'phase 2 epochs must be a whole number at least 1'],
  ] as const)('refuse %s = %j in words', (key, value, reason) => {
    expect(settingChange(FINE_TUNE_SETTINGS, key, value)).toEqual({ ok: false, reason });
  });

  it('refuse unknown fields in a file', () => {
    expect(fineTuneSchema.safeParse({ enabled: true, layers: 3 }).success).toBe(false);
  });
});
