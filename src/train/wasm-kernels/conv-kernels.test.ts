import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seeded, sizeOf, startWasm, valuesOn } from './test-support';

type Pad = 'same' | 'valid';
type Shape4 = [number, number, number, number];

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Gradients of a weighted sum of conv2d's output, for input and filter, on one backend. */
function conv2dGrads(xShape: Shape4, fShape: Shape4, strides: number, pad: Pad): () => tf.Tensor[] {
  return () => {
    const x = tf.tensor4d(seeded(sizeOf(xShape), 1), xShape);
    const f = tf.tensor4d(seeded(sizeOf(fShape), 2), fShape);
    const loss = (a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, strides, pad);
      return tf.sum(tf.mul(y, tf.tensor(seeded(y.size, 3), y.shape)));
    };
    return [tf.conv2d(x, f, strides, pad), ...tf.grads(loss)([x, f])];
  };
}

function depthwiseGrads(xShape: Shape4, fShape: Shape4, strides: number, pad: Pad): () => tf.Tensor[] {
  return () => {
    const x = tf.tensor4d(seeded(sizeOf(xShape), 4), xShape);
    const f = tf.tensor4d(seeded(sizeOf(fShape), 5), fShape);
    const loss = (a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, strides, pad);
      return tf.sum(tf.mul(y, tf.tensor(seeded(y.size, 6), y.shape)));
    };
    return [tf.depthwiseConv2d(x, f, strides, pad), ...tf.grads(loss)([x, f])];
  };
}

async function expectSameOnWasm(f: () => tf.Tensor[]): Promise<void> {
  const before = tf.memory().numTensors;
  const cpu = await valuesOn('cpu', f);
  const wasm = await valuesOn('wasm', f);
  expect(wasm.length).toBe(cpu.length);
  // [forward, dx, dfilter]: each within 1e-5 of the cpu backend's result.
  cpu.forEach((expected, i) => expect(relativeError(wasm[i] ?? [], expected), `output ${i}`).toBeLessThan(1e-5));
  expect(tf.memory().numTensors).toBe(before);
}

describe('Conv2DBackpropFilter on wasm matches cpu', () => {
  it.each<[string, Shape4, Shape4, number, Pad]>([
    ['(N,28,28,1) -> 32 filters 3x3, valid', [2, 28, 28, 1], [3, 3, 1, 32], 1, 'valid'],
    ['5x3 kernel, same, stride 2 (32x32x3 -> 16)', [2, 32, 32, 3], [5, 3, 3, 16], 2, 'same'],
    ['5x3 kernel, valid', [2, 11, 9, 4], [5, 3, 4, 6], 1, 'valid'],
    ['same, stride 2, odd size', [3, 9, 7, 2], [3, 3, 2, 5], 2, 'same'],
    ['valid, stride 3 with a ragged edge', [2, 14, 13, 3], [3, 3, 3, 4], 3, 'valid'],
    ['same, stride 3', [2, 10, 11, 2], [2, 4, 2, 3], 3, 'same'],
    ['valid, stride 2, 1x1 kernel', [2, 8, 8, 5], [1, 1, 5, 7], 2, 'valid'],
  ])('%s', async (_name, xShape, fShape, strides, pad) => {
    await expectSameOnWasm(conv2dGrads(xShape, fShape, strides, pad));
  });
});

describe('DepthwiseConv2dNativeBackpropFilter/Input on wasm match cpu', () => {
  it.each<[string, Shape4, Shape4, number, Pad]>([
    ['16x16x8, 3x3, multiplier 2, valid', [2, 16, 16, 8], [3, 3, 8, 2], 1, 'valid'],
    ['17x17x3, 5x5, stride 2, same', [2, 17, 17, 3], [5, 5, 3, 1], 2, 'same'],
    ['9x9x4, 3x3, stride 2, same, multiplier 3', [3, 9, 9, 4], [3, 3, 4, 3], 2, 'same'],
    ['10x8x2, 3x2, stride 3, valid', [2, 10, 8, 2], [3, 2, 2, 2], 3, 'valid'],
  ])('%s', async (_name, xShape, fShape, strides, pad) => {
    await expectSameOnWasm(depthwiseGrads(xShape, fShape, strides, pad));
  });
});
