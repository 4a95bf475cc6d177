import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { startWasm, valuesOn } from '../../train/wasm-kernels/test-support';
import { netloomLayer } from './index';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('CategoryEncoding on the wasm backend', () => {
  // tfjs-backend-wasm 4.22's OneHot writes int32 bits into the float32 tensor it is asked for, so
  // a one-hot made that way reads as all zeros there and a bag-of-words model learns nothing.
  it.each(['one_hot', 'multi_hot', 'count'])('%s gives the same numbers as on cpu', async (outputMode) => {
    await startWasm();
    const ids = [0, 2, 2, 3, 1, 0];
    const encode = () => [netloomLayer(tf, 'CategoryEncoding', { numTokens: 4, outputMode }).apply(tf.tensor2d(ids, [2, 3])) as tf.Tensor];
    const [wasm] = await valuesOn('wasm', encode);
    const [cpu] = await valuesOn('cpu', encode);
    expect(Array.from(wasm ?? [])).toEqual(Array.from(cpu ?? []));
    expect(Math.max(...(wasm ?? []))).toBeGreaterThanOrEqual(1);
  });
});
