import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../lib/random';
import { runMetrics, topKAccuracy } from './metric-fns';
import type { MetricFn, RunMetrics } from './metric-fns';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The metric function `compile` got for `name` (a single-output run). */
function fnOf(run: RunMetrics, name: string): MetricFn {
  const list = run.compile as (string | MetricFn)[];
  const fn = list.find((m): m is MetricFn => typeof m === 'function' && m.name === name);
  if (!fn) throw new Error(`no metric function ${name}`);
  return fn;
}

/** Feeds batches of (labels, scores) to the counted metric `name` as tfjs's train step would. */
function feed(run: RunMetrics, name: string, batches: readonly [number[], number[]][], width = 1): number[] {
  return batches.map(([y, p]) =>
    tf.tidy(() => fnOf(run, name)(tf.tensor2d(y, [y.length / width, width]), tf.tensor2d(p, [p.length / width, width])).dataSync()[0] ?? NaN),
  );
}

/** The exact ROC AUC (Mann–Whitney: a positive outscores a negative, ties half), the reference for scores on a coarse grid. */
function exactAuc(y: readonly number[], p: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  y.forEach((yi, i) => {
    if (yi !== 1) return;
    y.forEach((yj, j) => {
      if (yj !== 0) return;
      pairs += 1;
      const a = p[i] as number;
      const b = p[j] as number;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('precision and recall count over the epoch, as keras.metrics.Precision()/Recall() do', () => {
  // Batch 1: TP 1 (0.9), FP 1 (0.8), FN 1 (0.2), TN 1 (0.1). Batch 2: TP 2 (0.7, 0.6), FP 1 (0.9), FN 1 (0.5 is not above 0.5).
  const batches: [number[], number[]][] = [
    [
      [1, 0, 1, 0],
      [0.9, 0.8, 0.2, 0.1],
    ],
    [
      [1, 1, 0, 1],
      [0.7, 0.6, 0.9, 0.5],
    ],
  ];

  it('gives TP / (TP + FP) and TP / (TP + FN) of all batches, not the mean of each batch', async () => {
    const run = runMetrics(tf, ['precision', 'recall'], 5, ['out']);
    run.beginEpoch();
    // Each batch logs the value so far: TP 3, FP 2, FN 2 after both.
    for (const name of ['precision', 'recall']) {
      const [first, second] = feed(run, name, batches);
      expect(first).toBeCloseTo(0.5, 6);
      expect(second).toBeCloseTo(0.6, 6);
    }
    // The mean of the batches' own values (1/2 and 2/3) would be 0.583.
    const logs = await run.epochLogs(false);
    expect(logs.precision).toBeCloseTo(3 / 5, 6);
    expect(logs.recall).toBeCloseTo(3 / 5, 6);
    run.dispose();
  });

  it('keeps training and validation counts apart, and starts again each epoch', async () => {
    const run = runMetrics(tf, ['precision'], 5, ['out']);
    run.beginEpoch();
    feed(run, 'precision', [batches[0] as [number[], number[]]]);
    run.beginValidation();
    feed(run, 'precision', [
      [
        [1, 1],
        [0.9, 0.9],
      ],
    ]);
    expect(await run.epochLogs(true)).toEqual({ precision: 0.5, val_precision: 1 });
    run.beginEpoch();
    feed(run, 'precision', [
      [
        [0, 1],
        [0.9, 0.9],
      ],
    ]);
    expect(await run.epochLogs(false)).toEqual({ precision: 0.5 });
    run.dispose();
  });

  it('says 0, not NaN, when nothing was predicted positive (Keras divides with divide_no_nan)', async () => {
    const run = runMetrics(tf, ['precision'], 5, ['out']);
    run.beginEpoch();
    feed(run, 'precision', [
      [
        [1, 0],
        [0.1, 0.2],
      ],
    ]);
    expect((await run.epochLogs(false)).precision).toBe(0);
    run.dispose();
  });
});

describe('AUC is the ROC area from 200 thresholds, as keras.metrics.AUC() computes it', () => {
  it('equals the exact AUC when the scores sit on a grid coarser than the thresholds', async () => {
    const random = mulberry32(7);
    const y = Array.from({ length: 300 }, () => (random() < 0.4 ? 1 : 0));
    // Positives score higher on average; scores on a 1/20 grid, so ties happen and each value has a bucket to itself.
    const p = y.map((yi) => Math.min(1, Math.max(0, Math.round((random() * 0.7 + yi * 0.3) * 20) / 20)));
    const run = runMetrics(tf, ['auc'], 5, ['out']);
    run.beginEpoch();
    // Three batches of 100: the counts add up over the epoch.
    feed(
      run,
      'auc',
      [0, 100, 200].map((s) => [y.slice(s, s + 100), p.slice(s, s + 100)]),
    );
    const { auc } = await run.epochLogs(false);
    expect(auc).toBeCloseTo(exactAuc(y, p), 5);
    expect(auc).toBeGreaterThan(0.6);
    run.dispose();
  });

  // Checked once against scikit-learn 1.2.1's roc_auc_score on 2,000 such scores: 0.762688 here, 0.762766 there.
  it('comes within a thousandth of the exact AUC for continuous scores (200 thresholds approximate the curve)', async () => {
    const random = mulberry32(3);
    const y = Array.from({ length: 1000 }, () => (random() < 0.3 ? 1 : 0));
    const p = y.map((yi) => Math.min(1, random() * 0.8 + yi * 0.25));
    const run = runMetrics(tf, ['auc'], 5, ['out']);
    run.beginEpoch();
    feed(run, 'auc', [[y, p]]);
    expect(Math.abs(((await run.epochLogs(false)).auc ?? 0) - exactAuc(y, p))).toBeLessThan(1e-3);
    run.dispose();
  });

  it('gives 1 for a perfect ranking, 0.5 for a constant score and 0 for a reversed one', async () => {
    const cases: [number[], number, number[]][] = [
      [[0.1, 0.2, 0.8, 0.9], 1, [0, 0, 1, 1]],
      [[0.5, 0.5, 0.5, 0.5], 0.5, [0, 0, 1, 1]],
      [[0.9, 0.8, 0.2, 0.1], 0, [0, 0, 1, 1]],
    ];
    for (const [p, expected, y] of cases) {
      const run = runMetrics(tf, ['auc'], 5, ['out']);
      run.beginEpoch();
      feed(run, 'auc', [[y, p]]);
      expect((await run.epochLogs(false)).auc).toBeCloseTo(expected, 6);
      run.dispose();
    }
  });

  it('counts every class output of one-hot rows as a yes/no question (micro-averaged), as Keras does with multi_label=False', async () => {
    // Two samples of three classes, flattened: labels [1,0,0, 0,1,0], scores [0.6,0.3,0.1, 0.2,0.5,0.3].
    const y = [1, 0, 0, 0, 1, 0];
    const p = [0.6, 0.3, 0.1, 0.2, 0.5, 0.3];
    const run = runMetrics(tf, ['auc'], 5, ['out']);
    run.beginEpoch();
    feed(run, 'auc', [[y, p]], 3);
    // Positives 0.6 and 0.5 against negatives 0.3, 0.1, 0.2, 0.3: every pair won.
    expect((await run.epochLogs(false)).auc).toBeCloseTo(1, 6);
    run.dispose();
  });
});

describe('top-k accuracy', () => {
  const scores = [
    [0.5, 0.3, 0.2], // true 1: one class higher -> in the top 2, not the top 1
    [0.1, 0.2, 0.7], // true 0: two higher -> out of the top 2
    [0.4, 0.4, 0.2], // true 1: tied with class 0 at the top -> in the top 1 (ties count, as in_top_k)
  ];
  const truth = [1, 0, 1];
  const oneHot = truth.flatMap((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));

  it.each([
    [1, [0, 0, 1]],
    [2, [1, 0, 1]],
    [3, [1, 1, 1]],
  ])('with k = %i marks each sample in or out of the top k, from one-hot rows or class ids', (k, expected) => {
    const perSample = (sparse: boolean) =>
      tf.tidy(() =>
        Array.from(
          topKAccuracy(tf, k, sparse)(sparse ? tf.tensor2d(truth, [3, 1]) : tf.tensor2d(oneHot, [3, 3]), tf.tensor2d(scores.flat(), [3, 3])).dataSync(),
        ),
      );
    expect(perSample(false)).toEqual(expected);
    expect(perSample(true)).toEqual(expected);
  });
});

describe('runMetrics', () => {
  it('hands compile the plain names, top-k and counted metrics as named functions, one list per output for several outputs', () => {
    const one = runMetrics(tf, ['accuracy', 'top_k_categorical_accuracy', 'auc'], 3, ['out']);
    expect((one.compile as (string | MetricFn)[]).map((m) => (typeof m === 'string' ? m : `fn:${m.name}`))).toEqual([
      'accuracy',
      'fn:top_k_categorical_accuracy',
      'fn:auc',
    ]);
    one.dispose();
    const two = runMetrics(tf, ['mae'], 5, ['a', 'b']);
    expect(two.compile).toEqual({ a: ['mae'], b: ['mae'] });
    two.dispose();
  });

  it('names the counted metrics of several outputs after their output, as tfjs and Keras name their logs', async () => {
    const run = runMetrics(tf, ['recall'], 5, ['a', 'b']);
    run.beginEpoch();
    expect(Object.keys(await run.epochLogs(true))).toEqual(['a_recall', 'val_a_recall', 'b_recall', 'val_b_recall']);
    run.dispose();
  });

  it('leaves no tensor behind once disposed', async () => {
    const before = tf.memory().numTensors;
    const run = runMetrics(tf, ['precision', 'recall', 'auc'], 5, ['out']);
    run.beginEpoch();
    feed(run, 'auc', [
      [
        [1, 0],
        [0.7, 0.2],
      ],
    ]);
    feed(run, 'precision', [
      [
        [1, 0],
        [0.7, 0.2],
      ],
    ]);
    run.beginValidation();
    feed(run, 'recall', [
      [
        [1, 0],
        [0.7, 0.2],
      ],
    ]);
    await run.epochLogs(true);
    run.beginEpoch();
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
