import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seeded, sizeOf, startWasm, valuesOn } from './test-support';

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function expectSame(f: () => tf.Tensor[]): Promise<void> {
  const cpu = await valuesOn('cpu', f);
  const wasm = await valuesOn('wasm', f);
  cpu.forEach((expected, i) => expect(relativeError(wasm[i] ?? [], expected), `output ${i}`).toBeLessThan(1e-5));
}

describe('UnsortedSegmentSum on wasm matches cpu', () => {
  it.each<[string, number[], number[], number]>([
    ['rows with repeats', [6, 3], [0, 2, 0, 1, 2, 2], 4],
    ['ids out of range are dropped', [5, 2, 2], [1, -1, 3, 7, 1], 4],
    ['1-D data', [4], [3, 3, 0, 1], 5],
  ])('%s', async (_name, shape, ids, numSegments) => {
    const f = () => [tf.unsortedSegmentSum(tf.tensor(seeded(sizeOf(shape), 7), shape), tf.tensor1d(ids, 'int32'), numSegments)];
    await expectSame(f);
  });

  it('sums int32 data exactly and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const [out] = await valuesOn('wasm', () => [tf.unsortedSegmentSum(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32'), tf.tensor1d([1, 0, 1], 'int32'), 2)]);
    expect(Array.from(out ?? [])).toEqual([3, 4, 6, 8]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the gather (Embedding) gradient', async () => {
    await expectSame(() => {
      const table = tf.tensor2d(seeded(10 * 4, 8), [10, 4]);
      const ids = tf.tensor2d([1, 3, 3, 9, 0, 1], [2, 3], 'int32');
      const weights = tf.tensor(seeded(2 * 3 * 4, 9), [2, 3, 4]);
      return [tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), weights)))(table)];
    });
  });
});

/** A few SGD steps of a small model: losses per step, then the final weights. */
function sgdRun(build: () => tf.LayersModel, x: () => tf.Tensor, steps = 3): () => tf.Tensor[] {
  return () => {
    const model = build();
    // Small weights keep the loss finite: the check is agreement, not learning.
    model.setWeights(model.getWeights().map((w, i) => tf.mul(tf.tensor(seeded(w.size, 20 + i), w.shape), 0.1)));
    const optimizer = tf.train.sgd(0.05);
    const input = x();
    const target = tf.tensor1d(seeded(sizeOf((model.predict(input) as tf.Tensor).shape), 11));
    const losses: tf.Tensor[] = [];
    for (let step = 0; step < steps; step++) {
      const loss = optimizer.minimize(() => tf.losses.meanSquaredError(target, tf.reshape(model.predict(input) as tf.Tensor, [-1])), true);
      if (loss) losses.push(loss);
    }
    const weights = model.getWeights().map((w) => w.clone());
    model.dispose();
    optimizer.dispose();
    return [tf.stack(losses), ...weights];
  };
}

describe('SGD steps on wasm match cpu', () => {
  it('Conv2D (28x28x1 -> 32 3x3) + strided same Conv2D + DepthwiseConv2D', async () => {
    const build = () =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
          tf.layers.conv2d({ filters: 4, kernelSize: [5, 3], strides: 2, padding: 'same' }),
          tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 3 }),
        ],
      });
    await expectSame(sgdRun(build, () => tf.tensor4d(seeded(2 * 28 * 28, 12), [2, 28, 28, 1])));
  });

  it('Embedding + SeparableConv-free dense head', async () => {
    const build = () =>
      tf.sequential({ layers: [tf.layers.embedding({ inputDim: 12, outputDim: 4, inputLength: 5 }), tf.layers.flatten(), tf.layers.dense({ units: 2 })] });
    await expectSame(sgdRun(build, () => tf.tensor2d([1, 3, 3, 11, 0, 2, 2, 2, 7, 1], [2, 5])));
  });
});
