import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../settings/training';
import { historyKey, learningRateOf, lossFor, optimizerFor, setLearningRate } from './compile-config';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('compile config', () => {
  it.each(
    OPTIMIZERS.flatMap(
      (optimizer) =>
        [
          [optimizer, 0],
          [optimizer, 0.9],
        ] as const,
    ),
  )('builds %s (momentum %s) at the learning rate, changeable between steps, without leaks', (optimizer, momentum) => {
    const before = tf.memory().numTensors;
    const opt = optimizerFor(tf, { optimizer, learningRate: 0.02, momentum });
    expect(learningRateOf(opt)).toBe(0.02);
    setLearningRate(opt, 0.5);
    expect(learningRateOf(opt)).toBe(0.5);
    // One step on f(w) = w^2 from w = 1 moves w; SGD's step must use the new rate (w -> 1 - 0.5 * 2 = 0).
    const init = tf.scalar(1);
    const w = tf.variable(init);
    opt.minimize(() => tf.square(w));
    if (optimizer === 'sgd' && momentum === 0) expect(w.dataSync()[0]).toBeCloseTo(0, 6);
    else expect(w.dataSync()[0]).toBeLessThan(1);
    tf.dispose([init, w]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('uses momentum only when it is set', () => {
    expect(optimizerFor(tf, { optimizer: 'sgd', learningRate: 0.1, momentum: 0 }).getClassName()).toBe('SGD');
    expect(optimizerFor(tf, { optimizer: 'sgd', learningRate: 0.1, momentum: 0.5 }).getClassName()).toBe('Momentum');
  });

  it('maps Keras loss names to tfjs and makes Huber(delta=1) a per-sample mean', () => {
    expect(lossFor(tf, { loss: 'categorical_crossentropy' })).toBe('categoricalCrossentropy');
    expect(lossFor(tf, { loss: 'mean_absolute_error' })).toBe('meanAbsoluteError');
    const huber = lossFor(tf, { loss: 'huber' });
    if (typeof huber === 'string') throw new Error('huber should be a function');
    // Errors 0.5 and 3: 0.5 * 0.5^2 = 0.125 and 3 - 0.5 = 2.5; mean over the last axis = 1.3125.
    const out = huber(tf.tensor2d([[0, 0]]), tf.tensor2d([[0.5, 3]]));
    expect(out.shape).toEqual([1]);
    expect(out.dataSync()[0]).toBeCloseTo(1.3125, 6);
  });

  it('names history keys as Keras', () => {
    expect(['acc', 'val_acc', 'loss', 'val_mae'].map(historyKey)).toEqual(['accuracy', 'val_accuracy', 'loss', 'val_mae']);
  });
});
