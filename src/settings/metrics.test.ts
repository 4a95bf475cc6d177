import { describe, expect, it } from 'vitest';
import { LOSSES, trainingConfigSchema, withTrainingChange, DEFAULT_TRAINING_CONFIG } from './training';
import { defaultMetrics, METRIC_INFO, METRICS, metricsForLoss, offeredMetrics } from './metrics';

describe('the metrics offered for a loss', () => {
  it.each([
    ['binary_crossentropy', ['accuracy', 'precision', 'recall', 'auc']],
    ['categorical_crossentropy', ['accuracy', 'auc', 'top_k_categorical_accuracy']],
    ['sparse_categorical_crossentropy', ['accuracy', 'sparse_top_k_categorical_accuracy']],
    ['mean_squared_error', ['mae', 'mse']],
    ['mean_absolute_error', ['mae', 'mse']],
    ['huber', ['mae', 'mse']],
  ] as const)('for %s are %j', (loss, offered) => {
    expect(offeredMetrics(loss)).toEqual(offered);
    expect(offered).toEqual(expect.arrayContaining(defaultMetrics(loss)));
  });

  it('cover every metric, each offered for some loss and said in words', () => {
    expect(new Set(LOSSES.flatMap(offeredMetrics))).toEqual(new Set(METRICS));
    for (const m of METRICS) expect(METRIC_INFO[m].help.length).toBeGreaterThan(20);
  });
});

describe('metricsForLoss', () => {
  it.each([
    ['keeps those that suit, in picker order, without repeats', ['auc', 'accuracy', 'auc'], 'binary_crossentropy', ['accuracy', 'auc']],
    ['drops those that do not suit', ['accuracy', 'precision', 'auc'], 'categorical_crossentropy', ['accuracy', 'auc']],
    ['moves top-k to class ids with a sparse loss', ['top_k_categorical_accuracy'], 'sparse_categorical_crossentropy', ['sparse_top_k_categorical_accuracy']],
    ['and back to one-hot rows', ['sparse_top_k_categorical_accuracy'], 'categorical_crossentropy', ['top_k_categorical_accuracy']],
    ['gives a regression MAE where nothing suits', ['accuracy'], 'mean_squared_error', ['mae']],
    ['gives classes accuracy where nothing suits', ['mae', 'mse'], 'binary_crossentropy', ['accuracy']],
    ['leaves an empty choice empty', [], 'huber', []],
  ] as const)('%s', (_what, metrics, loss, expected) => {
    expect(metricsForLoss(metrics, loss)).toEqual(expected);
  });
});

describe('the training config holds the chosen metrics', () => {
  it('defaults to accuracy, or MAE for a regression loss, with k = 5', () => {
    expect(DEFAULT_TRAINING_CONFIG).toMatchObject({ metrics: ['accuracy'], topK: 5 });
    expect(trainingConfigSchema.parse({ loss: 'huber' }).metrics).toEqual(['mae']);
  });

  it('reads a list as it suits the loss, and refuses a metric it does not know or a k below 1', () => {
    expect(trainingConfigSchema.parse({ loss: 'binary_crossentropy', metrics: ['auc', 'top_k_categorical_accuracy'] }).metrics).toEqual(['auc']);
    expect(trainingConfigSchema.safeParse({ metrics: ['f1'] }).success).toBe(false);
    expect(trainingConfigSchema.safeParse({ topK: 0 }).success).toBe(false);
  });

  it('follows a change of loss, and keeps a list given with it', () => {
    const binary = { ...DEFAULT_TRAINING_CONFIG, loss: 'binary_crossentropy' as const, metrics: ['accuracy' as const, 'auc' as const] };
    expect(withTrainingChange(binary, { loss: 'categorical_crossentropy' }).metrics).toEqual(['accuracy', 'auc']);
    expect(withTrainingChange(binary, { loss: 'mean_squared_error' }).metrics).toEqual(['mae']);
    expect(withTrainingChange(binary, { loss: 'mean_squared_error', metrics: ['mse'] }).metrics).toEqual(['mse']);
    expect(withTrainingChange(binary, { epochs: 3 }).metrics).toBe(binary.metrics);
  });
});
