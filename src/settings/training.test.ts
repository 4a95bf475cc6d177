import { describe, expect, it } from 'vitest';
import { scalarProblem } from '../lib/value-spec';
import { defaultSettings, settingApplies, settingChange } from './setting';
import { DEFAULT_LEARNING_RATE, DEFAULT_TRAINING_CONFIG, OPTIMIZERS, TRAINING_SETTINGS, trainingConfigSchema } from './training';

/** Values to try on every number setting: each side of every bound, and junk. */
const PROBES = [-1, 0, 1e-7, 0.2, 0.5, 0.99, 1, 1.5, 2, 32, 1e6, Number.NaN, Number.POSITIVE_INFINITY, '3', null, true];

describe('training settings', () => {
  it('default to Keras’s compile and fit defaults, as before they were declared', () => {
    expect(DEFAULT_TRAINING_CONFIG).toEqual({
      loss: 'categorical_crossentropy',
      optimizer: 'adam',
      learningRate: 0.001,
      momentum: 0,
      batchSize: 32,
      epochs: 10,
      shuffle: true,
      seed: 42,
      metrics: ['accuracy'],
      topK: 5,
    });
    expect(DEFAULT_TRAINING_CONFIG).toEqual({ ...defaultSettings(TRAINING_SETTINGS), metrics: ['accuracy'], topK: 5 });
    for (const [key, spec] of Object.entries(TRAINING_SETTINGS)) expect(DEFAULT_TRAINING_CONFIG[key as keyof typeof TRAINING_SETTINGS], key).toBe(spec.default);
  });

  it.each([...OPTIMIZERS])('default the learning rate of %s to Keras’s, in the schema and on switching', (optimizer) => {
    expect(trainingConfigSchema.parse({ optimizer }).learningRate).toBe(DEFAULT_LEARNING_RATE[optimizer]);
    expect(trainingConfigSchema.parse({ optimizer, learningRate: 0.3 }).learningRate).toBe(0.3);
    expect(settingChange(TRAINING_SETTINGS, 'optimizer', optimizer)).toEqual({
      ok: true,
      change: { optimizer, learningRate: DEFAULT_LEARNING_RATE[optimizer] },
    });
  });

  // The form checks with scalarProblem, a file with the zod schema: both come from one declaration
  // and must agree on every value.
  it.each(Object.entries(TRAINING_SETTINGS))('%s: the form and the file accept the same values', (key, spec) => {
    const values = spec.type === 'choice' ? [...spec.options, 'other', 1] : spec.type === 'bool' ? [true, false, 0, 'yes'] : PROBES;
    for (const value of values) {
      const file = trainingConfigSchema.safeParse({ [key]: value }).success;
      expect(scalarProblem(spec, value) === null, `${key} = ${String(value)}`).toBe(file);
    }
  });

  it.each([
    ['epochs', 0, 'epochs must be a whole number at least 1'],
    ['batchSize', 2.5, 'batch size must be a whole number at least 1'],
    ['learningRate', 0, 'learning rate must be a number greater than 0'],
    ['momentum', 1, 'momentum must be a number between 0 and 1 (exclusive)'],
    ['seed', -1, 'seed must be a whole number at least 0'],
    [
      'loss',
      'hinge',
      'loss must be one of categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy, mean_squared_error, mean_absolute_error, huber',
    ],
  ] as const)('refuse %s = %j in words', (key, value, reason) => {
    expect(settingChange(TRAINING_SETTINGS, key, value)).toEqual({ ok: false, reason });
  });

  it('have no validation split: the data holds the one validation setting', () => {
    expect(Object.keys(TRAINING_SETTINGS)).not.toContain('validationSplit');
    // A config that still states one is refused, so nothing reads a second copy (project files migrate it away).
    expect(trainingConfigSchema.safeParse({ validationSplit: 0.1 }).success).toBe(false);
  });

  it('show momentum only with SGD', () => {
    expect(settingApplies(TRAINING_SETTINGS.momentum, { optimizer: 'sgd' })).toBe(true);
    expect(settingApplies(TRAINING_SETTINGS.momentum, { optimizer: 'adam' })).toBe(false);
    expect(settingApplies(TRAINING_SETTINGS.epochs, { optimizer: 'adam' })).toBe(true);
  });

  it('refer only to choice settings they declare, with a default for every option', () => {
    for (const spec of Object.values(TRAINING_SETTINGS)) {
      const on = spec.onlyWhen?.setting ?? spec.defaultFrom?.setting;
      if (on === undefined) continue;
      const target = (TRAINING_SETTINGS as Record<string, (typeof TRAINING_SETTINGS)[keyof typeof TRAINING_SETTINGS]>)[on];
      expect(target?.type).toBe('choice');
      if (spec.defaultFrom && target?.type === 'choice') {
        expect(Object.keys(spec.defaultFrom.values).sort()).toEqual([...target.options].sort());
        expect(spec.default).toBe(spec.defaultFrom.values[target.default]);
      }
    }
  });

  it('name the Keras argument each becomes', () => {
    expect(Object.values(TRAINING_SETTINGS).map((s) => s.keras)).toEqual([
      'loss',
      'optimizer',
      'learning_rate',
      'momentum',
      'batch_size',
      'epochs',
      'shuffle',
      'seed',
    ]);
  });
});
