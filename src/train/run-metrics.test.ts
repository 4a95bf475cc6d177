import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { seedExample } from '../analysis/templates';
import { featuresFloat32 } from '../data/features';
import type { Dataset, SplitDataset } from '../data/types';
import type { Metric } from '../settings/metrics';
import { trainingConfigSchema } from '../settings/training';
import { runMetrics } from './metric-fns';
import { loadIris } from './iris-test-support';
import { runTraining } from './run-training';

let iris: SplitDataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  iris = await loadIris();
});

/** Iris as setosa or not: one 0/1 column for one sigmoid output. */
function setosa(d: Dataset): Dataset {
  return { ...d, y: Float32Array.from({ length: d.count }, (_, i) => d.y[i * 3] as number), targetShape: [1] };
}

/** The counted metrics of `model`'s outputs on all of `d` at once, as one Keras `evaluate` would count them. */
async function metricsOn(model: tf.LayersModel, d: Dataset, metrics: readonly Metric[]): Promise<Record<string, number>> {
  const run = runMetrics(tf, metrics, 5, ['out']);
  run.beginEpoch();
  tf.tidy(() => {
    const pred = model.predict(tf.tensor(featuresFloat32(d.x), [d.count, ...d.featureShape])) as tf.Tensor;
    const y = tf.tensor(d.y, [d.count, ...d.targetShape]);
    for (const fn of run.compile as ((a: tf.Tensor, b: tf.Tensor) => tf.Tensor)[]) fn(y, pred);
  });
  const logs = await run.epochLogs(false);
  run.dispose();
  return logs;
}

describe('a run reports the picked metrics per epoch, train and validation, as Keras counts them', () => {
  it('binary: precision, recall and AUC of the validation set are those of the final model on all of it', async () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Dense', { units: 8, activation: 'relu' }], ['Dense', { units: 1, activation: 'sigmoid' }]);
    const data = { train: setosa(iris.train), validation: setosa(iris.validation) };
    const metrics: Metric[] = ['accuracy', 'precision', 'recall', 'auc'];
    const config = trainingConfigSchema.parse({ loss: 'binary_crossentropy', metrics, epochs: 3, learningRate: 0.01, batchSize: 16 });
    const result = await runTraining(tf, { graph: b.graph, config, data });
    expect(result.status).toBe('completed');
    for (const key of ['accuracy', 'precision', 'recall', 'auc']) {
      expect(result.history[key], key).toHaveLength(3);
      expect(result.history[`val_${key}`], `val_${key}`).toHaveLength(3);
    }
    const reference = await metricsOn(result.model, data.validation, ['precision', 'recall', 'auc']);
    for (const key of ['precision', 'recall', 'auc']) expect(result.history[`val_${key}`]?.at(-1), key).toBeCloseTo(reference[key] as number, 5);
    result.model.dispose();
  });

  it('counts the training batches of the epoch (weights that do not move: the same as the whole training set at once)', async () => {
    // A step this small leaves the weights as they were, so the epoch's counts equal one pass over the training set.
    const config = trainingConfigSchema.parse({ optimizer: 'sgd', learningRate: 1e-12, metrics: ['auc'], epochs: 1, batchSize: 16 });
    const result = await runTraining(tf, { graph: seedExample(4, 3), config, data: iris });
    const reference = await metricsOn(result.model, iris.train, ['auc']);
    expect(result.history.auc?.[0]).toBeCloseTo(reference.auc as number, 5);
    result.model.dispose();
  });

  it('categorical: top-k accuracy with the chosen k, 1 when k covers every class', async () => {
    const config = (topK: number) => trainingConfigSchema.parse({ metrics: ['accuracy', 'top_k_categorical_accuracy'], topK, epochs: 2, learningRate: 0.01 });
    const three = await runTraining(tf, { graph: seedExample(4, 3), config: config(3), data: iris });
    expect(three.history.top_k_categorical_accuracy).toEqual([1, 1]);
    expect(three.history.val_top_k_categorical_accuracy).toEqual([1, 1]);
    const one = await runTraining(tf, { graph: seedExample(4, 3), config: config(1), data: iris });
    // Top-1 is accuracy (ties aside, which a trained softmax does not have).
    expect(one.history.top_k_categorical_accuracy?.[1]).toBeCloseTo(one.history.accuracy?.[1] as number, 6);
    [three.model, one.model].forEach((m) => m.dispose());
  });

  it('leaves no tensor behind with counted metrics', async () => {
    const before = tf.memory().numTensors;
    const config = trainingConfigSchema.parse({ metrics: ['auc'], epochs: 2 });
    const result = await runTraining(tf, { graph: seedExample(4, 3), config, data: iris });
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
