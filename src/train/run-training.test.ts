import { featuresFloat32 } from '../data/features';
import { mulberry32 } from '../lib/random';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, SplitDataset } from '../data/types';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { seedExample } from '../analysis/templates';
import { GraphError } from '../compile/to-tfjs';
import { makeToy } from '../data/toy';
import { callbacksSchema } from '../settings/callbacks';
import type { Callbacks } from '../settings/callbacks';
import { trainingConfigSchema } from '../settings/training';
import type { TrainingConfig } from '../settings/training';
import { splitDataset } from '../data/split';
import { loadIris } from './iris-test-support';
import { runTraining } from './run-training';
import type { TrainingRequest } from './run-training';

let iris: SplitDataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  iris = await loadIris();
});

const config = (fields: Record<string, unknown> = {}): TrainingConfig => trainingConfigSchema.parse(fields);
/** Callbacks as a project file would hold them: what is left out takes its default. */
const callbacks = (fields: Record<string, unknown>): Callbacks => callbacksSchema.parse(fields);

/** A run on Iris with the Keras seed model; `fields` override the config. */
const request = (fields: Record<string, unknown> = {}, extra: Partial<TrainingRequest> = {}): TrainingRequest => ({
  graph: seedExample(4, 3),
  config: config(fields),
  data: iris,
  ...extra,
});

/** Regression (the XOR toy's second one-hot column as a number): a linear output under MSE can blow up. */
function regression(fields: Record<string, unknown>): TrainingRequest {
  const b = new GraphBuilder();
  b.chain(b.input([2]), ['Dense', { units: 16, activation: 'relu' }], ['Dense', { units: 1, activation: 'linear' }]);
  const toy = makeToy('xor', { n: 200, noise: 0.05, seed: 1 });
  const train: Dataset = { ...toy, task: 'regression', y: toy.y.filter((_, i) => i % 2 === 1), targetShape: [1] };
  const none: Dataset = { ...train, count: 0, x: new Float32Array(0), y: new Float32Array(0) };
  return { graph: b.graph, config: config({ loss: 'mean_squared_error', metrics: [], ...fields }), data: { train, validation: none } };
}

/** Iris with integer class ids (sparse targets) instead of one-hot rows. */
function sparse(d: Dataset): Dataset {
  const y = new Float32Array(d.count);
  for (let i = 0; i < d.count; i++) y[i] = [0, 1, 2].reduce((best, k) => ((d.y[i * 3 + k] as number) > (d.y[i * 3 + best] as number) ? k : best), 0);
  return { ...d, y, targetShape: [1] };
}

describe('runTraining', () => {
  it('trains the Keras seed example on Iris to >= 90% val_accuracy within 200 epochs', async () => {
    // Stop at the first epoch that reaches it: early stopping would wait out its patience.
    let reached = false;
    const result = await runTraining(tf, request({ learningRate: 0.01, batchSize: 32, epochs: 200 }), {
      onEpoch: (_epoch, logs) => void (reached ||= (logs.val_accuracy ?? 0) >= 0.9),
      shouldStop: () => reached,
    });
    expect(result.status).toBe('stopped');
    expect(Math.max(...(result.history.val_accuracy ?? []))).toBeGreaterThanOrEqual(0.9);
    expect(result.epochsRun).toBeLessThan(200);
    result.model.dispose();
  });

  it('stops within a batch when asked, keeping what it learned', async () => {
    let batches = 0;
    const result = await runTraining(tf, request({ epochs: 20, batchSize: 16 }), {
      onBatch: () => void batches++,
      shouldStop: () => batches >= 10,
    });
    expect(result.status).toBe('stopped');
    expect(batches).toBe(10);
    // 120 training samples in batches of 16 is 8 a epoch: the stop lands in the second epoch.
    expect(result.epochsRun).toBe(1);
    expect(result.history.epoch).toEqual([0]);
    result.model.dispose();
  });

  it('reports divergence with the epoch, batch and learning rate', async () => {
    const result = await runTraining(tf, regression({ optimizer: 'sgd', learningRate: 1e4, epochs: 5 }));
    expect(result.status).toBe('diverged');
    expect(result.message).toBe(
      'The loss became Infinity at epoch 1, batch 3: the learning rate (10000) is probably too high, or the data is not normalised. Try a learning rate 10x smaller.',
    );
    expect(result.epochsRun).toBe(0);
    result.model.dispose();
  });

  it('says when a run ended without learning (a learning rate of 1e6 saturates the outputs)', async () => {
    const result = await runTraining(tf, request({ learningRate: 1e6, epochs: 4, batchSize: 32 }));
    expect(result.status).toBe('completed');
    expect(result.message).toMatch(
      /^The model did not learn: the training loss (stayed at|went from) .* over 4 epochs\. The learning rate \(1000000\) may be far too high/,
    );
    const learnt = await runTraining(tf, request({ learningRate: 0.01, epochs: 4, batchSize: 16 }));
    expect(learnt.message).toBeUndefined();
    [result.model, learnt.model].forEach((m) => m.dispose());
  });

  it('early stopping restores the best epoch weights', async () => {
    // Patience 2 on a noisy run: it must stop early, then hold the weights of its best epoch.
    const stopped = await runTraining(
      tf,
      request(
        { learningRate: 0.05, epochs: 60 },
        {
          callbacks: callbacks({ earlyStopping: { enabled: true, monitor: 'val_loss', patience: 2, restoreBestWeights: true } }),
        },
      ),
    );
    expect(stopped.status).toBe('early-stopped');
    const losses = stopped.history.val_loss ?? [];
    const best = Math.min(...losses);
    expect(losses[losses.length - 1]).toBeGreaterThan(best);
    const [x, y] = [tf.tensor(iris.validation.x, [iris.validation.count, 4]), tf.tensor(iris.validation.y, [iris.validation.count, 3])];
    const evaluated = stopped.model.evaluate(x, y) as tf.Scalar[];
    expect(Math.abs(((evaluated[0] as tf.Scalar).dataSync()[0] as number) - best)).toBeLessThan(1e-5);
    tf.dispose([x, y, ...evaluated]);
    stopped.model.dispose();
  });

  /** The 0-based epoch at which Keras 3's EarlyStopping.on_epoch_end stops on `values`, or -1 (its code, step by step). */
  const kerasStopEpoch = (values: readonly number[], patience: number, op: 'max' | 'min', minDelta = 0) => {
    let best = op === 'max' ? -Infinity : Infinity;
    let wait = 0;
    for (const [epoch, current] of values.entries()) {
      wait += 1;
      if (op === 'max' ? current - minDelta > best : current + minDelta < best) {
        best = current;
        wait = 0;
      } else if (wait >= patience && epoch > 0) return epoch;
    }
    return -1;
  };

  it.each([
    ['val_auc', 'auto', 'max'],
    ['val_auc', 'min', 'min'],
  ] as const)('early stopping on %s (mode %s) stops at the epoch Keras’s rule gives for its history', async (monitor, mode, op) => {
    const result = await runTraining(
      tf,
      request(
        { learningRate: 0.05, epochs: 40, metrics: ['accuracy', 'auc'] },
        { callbacks: callbacks({ earlyStopping: { enabled: true, monitor, mode, patience: 3, restoreBestWeights: false } }) },
      ),
    );
    const values = result.history[monitor] ?? [];
    const expected = kerasStopEpoch(values, 3, op);
    // The other direction would have stopped elsewhere (Iris's val_auc: 0.97, 1, 0.998, ...): the mode decided it.
    expect(kerasStopEpoch(values, 3, op === 'max' ? 'min' : 'max')).not.toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(result.status).toBe('early-stopped');
    expect(result.history.epoch.at(-1)).toBe(expected);
    expect(values).toHaveLength(expected + 1);
    result.model.dispose();
  });

  it('refuses, before any tensor exists, a callback watching a metric the run does not compile', async () => {
    const before = tf.memory().numTensors;
    const run = runTraining(tf, request({ epochs: 1 }, { callbacks: callbacks({ earlyStopping: { enabled: true, monitor: 'val_auc' } }) }));
    await expect(run).rejects.toThrow(GraphError);
    await expect(run).rejects.toThrow(/Early stopping monitors val_auc, but AUC is not among the compiled metrics/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reduce-LR-on-plateau lowers the learning rate after patience epochs without improvement', async () => {
    const rates: number[] = [];
    // A huge min_delta makes every epoch "no improvement" after the first, so the schedule is exact.
    const result = await runTraining(
      tf,
      request(
        { learningRate: 0.01, epochs: 7 },
        {
          callbacks: callbacks({ reduceLrOnPlateau: { enabled: true, monitor: 'val_loss', factor: 0.5, patience: 2, minLr: 0.002, minDelta: 100 } }),
        },
      ),
      { onEpoch: (_e, _logs, lr) => void rates.push(lr) },
    );
    expect(result.status).toBe('completed');
    expect(rates).toEqual([0.01, 0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025]);
    result.model.dispose();
  });

  it('leaves no tensor behind once the model is disposed, whatever the ending (failures included)', async () => {
    const before = tf.memory().numTensors;
    for (const [fields, extra] of [
      [{ epochs: 2 }, {}],
      [{ epochs: 30, learningRate: 0.05 }, { callbacks: callbacks({ earlyStopping: { enabled: true, monitor: 'val_loss', patience: 1 } }) }],
      [
        { optimizer: 'sgd', momentum: 0.9, epochs: 2 },
        { callbacks: callbacks({ reduceLrOnPlateau: { enabled: true, monitor: 'loss', factor: 0.5, patience: 0, minLr: 0, minDelta: 100 } }) },
      ],
    ] as const) {
      const result = await runTraining(tf, request(fields, extra));
      result.model.dispose();
    }
    const diverged = await runTraining(tf, regression({ optimizer: 'sgd', learningRate: 1e4, epochs: 3 }));
    expect(diverged.status).toBe('diverged');
    diverged.model.dispose();
    // Data the model cannot take: tfjs throws inside fit, which comes back as a failed run.
    const wide = (d: Dataset): Dataset => ({ ...d, x: new Float32Array(d.count * 5), featureShape: [5] });
    const failed = await runTraining(tf, { ...request({ epochs: 1 }), data: { train: wide(iris.train), validation: wide(iris.validation) } });
    expect(failed.status).toBe('failed');
    expect(failed.message).toBe("Training failed: each sample of the data has shape [5], but the model's input takes [4]");
    failed.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a model with nothing to train before any tensor exists, saying why', async () => {
    const before = tf.memory().numTensors;
    const seed = seedExample(4, 3);
    const frozen = setTrainable(
      seed,
      seed.nodes.filter((n) => n.kind === 'Dense').map((n) => n.id),
      false,
    );
    const run = runTraining(tf, { ...request({ epochs: 1 }), graph: frozen });
    await expect(run).rejects.toThrow(GraphError);
    await expect(run).rejects.toThrow(/Every layer with weights is frozen \(dense_1, dense_2\)/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['huber', { loss: 'huber', metrics: ['mae'] }],
    ['sparse categorical', { loss: 'sparse_categorical_crossentropy' }],
  ] as const)('compiles and trains one epoch with %s loss', async (_name, fields) => {
    const d = fields.loss === 'huber' ? iris : { train: sparse(iris.train), validation: sparse(iris.validation) };
    const result = await runTraining(tf, { ...request({ ...fields, epochs: 1 }), data: d });
    expect(result.status).toBe('completed');
    expect(Number.isFinite(result.history.loss?.[0])).toBe(true);
    if (fields.loss === 'huber') expect(result.history.mae).toHaveLength(1);
    else expect(result.history.val_accuracy?.[0]).toBeGreaterThanOrEqual(0);
    result.model.dispose();
  });

  it('names history keys as Keras does and repeats exactly for the same seed', async () => {
    const a = await runTraining(tf, request({ epochs: 2 }));
    const b = await runTraining(tf, request({ epochs: 2 }));
    expect(Object.keys(a.history).sort()).toEqual(['accuracy', 'epoch', 'loss', 'val_accuracy', 'val_loss']);
    expect(b.history).toEqual(a.history);
    const c = await runTraining(tf, request({ epochs: 2, seed: 7 }));
    expect(c.history.loss).not.toEqual(a.history.loss);
    for (const r of [a, b, c]) r.model.dispose();
  });

  it('repeats exactly with Dropout, whose masks come from the seed', async () => {
    const b = new GraphBuilder();
    b.chain(
      b.input([4]),
      ['Dropout', { rate: 0.2 }],
      ['Dense', { units: 16, activation: 'relu' }],
      ['Dropout', { rate: 0.5 }],
      ['Dense', { units: 3, activation: 'softmax' }],
    );
    const platform = Math.random;
    const noisy = (seed: number) => runTraining(tf, { ...request({ epochs: 2, seed }), graph: b.graph });
    const [first, again, other] = [await noisy(3), await noisy(3), await noisy(4)];
    expect(again.history).toEqual(first.history);
    expect(other.history.loss).not.toEqual(first.history.loss);
    // Outside a run, Math.random is the platform's again.
    expect(Math.random).toBe(platform);
    for (const r of [first, again, other]) r.model.dispose();
  });

  it('continues from an existing model and skips validation when there is none', async () => {
    const first = await runTraining(tf, request({ epochs: 3, learningRate: 0.01 }));
    const before = tf.memory().numTensors;
    const data = { train: iris.train, validation: { ...iris.validation, x: new Float32Array(0), y: new Float32Array(0), count: 0 } };
    const next = await runTraining(tf, { ...request({ epochs: 1, learningRate: 0.01 }), data, model: first.model });
    expect(next.model).toBe(first.model);
    expect(next.history.val_loss).toBeUndefined();
    expect(next.history.loss?.[0]).toBeLessThan(first.history.loss?.[0] ?? 0);
    // The old optimizer was released when the new one replaced it.
    expect(tf.memory().numTensors).toBe(before);
    next.model.dispose();
  });

  it('trains a store of uint8 pixels exactly as its float32 twin, a batch built at a time', async () => {
    const rng = mulberry32(5);
    const count = 90;
    const pixels = Uint8Array.from({ length: count * 16 }, () => Math.floor(rng() * 256));
    const y = new Float32Array(count * 2);
    for (let i = 0; i < count; i++) {
      const bright = pixels.subarray(i * 16, (i + 1) * 16).reduce((a, b) => a + b, 0) > 16 * 127.5;
      y[i * 2 + (bright ? 1 : 0)] = 1;
    }
    const b = new GraphBuilder();
    b.chain(b.input([4, 4, 1]), ['Flatten', {}], ['Dense', { units: 8, activation: 'relu' }], ['Dense', { units: 2, activation: 'softmax' }]);
    const asData = (x: Dataset['x']): SplitDataset => {
      const all: Dataset = { x, y, count, featureShape: [4, 4, 1], targetShape: [2], task: 'classification', classNames: ['dark', 'bright'] };
      return splitDataset(all, { validation: 0.2, stratified: true, seed: 3 });
    };
    const run = async (x: Dataset['x']) => {
      const data = asData(x);
      const result = await runTraining(tf, { graph: b.graph, config: config({ epochs: 3, batchSize: 16, shuffle: true }), data });
      const weights = result.model.getWeights().map((w) => Array.from(w.dataSync()));
      result.model.dispose();
      return { data, history: result.history, weights };
    };
    const compact = await run(pixels);
    const floats = await run(featuresFloat32(pixels));
    expect(compact.data.train.x).toBeInstanceOf(Uint8Array);
    expect(compact.history).toEqual(floats.history);
    expect(compact.weights).toEqual(floats.weights);
  });
});
