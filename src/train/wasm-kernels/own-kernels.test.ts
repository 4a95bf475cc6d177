import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETLOOM_KERNELS_SHARED_WASM_BASE64, NETLOOM_KERNELS_WASM_BASE64 } from './netloom-kernels-wasm';
import { registerWasmOwnKernels, WASM_OWN_KERNELS, wasmOwnKernelsBound } from './own-kernels';
import { compileOwnModules, ownInstance } from './own-module';
import { relativeError, seeded, sizeOf, startWasm, valuesOn } from './test-support';

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function expectSameOnWasm(f: () => tf.Tensor[], tolerance = 1e-5): Promise<void> {
  const before = tf.memory().numTensors;
  const cpu = await valuesOn('cpu', f);
  const wasm = await valuesOn('wasm', f);
  expect(wasm.length).toBe(cpu.length);
  cpu.forEach((expected, i) => expect(relativeError(wasm[i] ?? [], expected), `output ${i}`).toBeLessThan(tolerance));
  expect(tf.memory().numTensors).toBe(before);
}

describe('registration', () => {
  it('loads the committed binaries (scripts/build-wasm-kernels.mjs --check rebuilds them from source)', () => {
    const committed = (file: string) => readFileSync(new URL(`../../../assembly/${file}`, import.meta.url)).toString('base64');
    expect(NETLOOM_KERNELS_WASM_BASE64).toBe(committed('netloom-kernels.wasm'));
    expect(NETLOOM_KERNELS_SHARED_WASM_BASE64).toBe(committed('netloom-kernels-shared.wasm'));
  });

  it('replaces the slow kernels once, and a second call leaves them alone', async () => {
    // startWasm registered them already through activateBackend.
    expect(await registerWasmOwnKernels(tf)).toEqual([]);
    for (const name of WASM_OWN_KERNELS) expect(tf.getKernel(name, 'wasm')?.kernelName).toBe(name);
  });

  it('says whether they bound to the active backend: on wasm yes, elsewhere no', async () => {
    expect(wasmOwnKernelsBound(tf)).toBe(true);
    await tf.setBackend('cpu');
    expect(wasmOwnKernelsBound(tf)).toBe(false);
    await tf.setBackend('wasm');
  });
});

/**
 * op(A) op(B) through the module on a bare memory, handed over as tfjs's builds do: the threaded
 * one's shared memory as Emscripten's `wasmMemory` (its instance imports it, so `asm` has none),
 * the others' as the instance's exported `asm.memory`.
 */
async function matmulOnMemory(shared: boolean, m: number, n: number, k: number): Promise<{ got: Float32Array; want: Float32Array }> {
  const modules = await compileOwnModules();
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared });
  const kernels = modules && ownInstance(modules)({ wasm: shared ? { asm: {}, wasmMemory: memory } : { asm: { memory } } });
  if (!kernels) throw new Error('the kernels did not instantiate');
  const [a, b] = [seeded(k * m, 1), seeded(n * k, 2)]; // A stored k x m (transposed), B stored n x k (transposed)
  const f32 = new Float32Array(memory.buffer);
  f32.set(a, 0);
  f32.set(b, a.length);
  const c = a.length + b.length;
  kernels.matmul(0, a.length * 4, c * 4, (c + m * n) * 4, 1, 0, 0, m, n, k, true, true);
  const want = new Float32Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) for (let kk = 0; kk < k; kk++) want[i * n + j] = (want[i * n + j] ?? 0) + (a[kk * m + i] ?? 0) * (b[j * k + kk] ?? 0);
  return { got: f32.slice(c, c + m * n), want };
}

describe('the module on a bare memory', () => {
  it.each([false, true])('shared %s: both builds compute the same transposed matmul', async (shared) => {
    const { got, want } = await matmulOnMemory(shared, 13, 11, 9);
    expect(relativeError(got, want)).toBeLessThan(1e-5);
  });
});

describe('BatchMatMul on wasm matches cpu', () => {
  it.each<[string, number[], number[], boolean, boolean]>([
    ['Dense weight gradient x^T dy (784x64 by 64x128)', [64, 784], [64, 128], true, false],
    ['Dense input gradient dy W^T (64x10 by 128x10)', [64, 10], [128, 10], false, true],
    ['odd sizes, transposeA', [7, 13], [7, 5], true, false],
    ['odd sizes, transposeB', [3, 9], [11, 9], false, true],
    ['both transposed, odd', [9, 5], [6, 9], true, true],
    ['one row and one column', [1, 1], [1, 17], true, false],
    ['batched rank 3, transposeA', [3, 6, 5], [3, 6, 9], true, false],
    ['batched rank 4, transposeB', [2, 3, 4, 7], [2, 3, 10, 7], false, true],
    ['A broadcast over B batches', [1, 5, 4], [3, 5, 6], true, false],
    ['B broadcast over A batches', [4, 6, 3], [6, 3], false, true],
    ['untransposed (tfjs keeps it)', [5, 7], [7, 3], false, false],
  ])('%s', async (_name, aShape, bShape, transposeA, transposeB) => {
    await expectSameOnWasm(() => {
      const a = tf.tensor(seeded(sizeOf(aShape), 1), aShape);
      const b = tf.tensor(seeded(sizeOf(bShape), 2), bShape);
      return [tf.matMul(a, b, transposeA, transposeB)];
    });
  });

  it('still reports mismatched inner sizes as tfjs does', async () => {
    await tf.setBackend('wasm');
    expect(() => tf.matMul(tf.zeros([2, 3]), tf.zeros([4, 5]), true, false)).toThrow(/inner shapes/);
  });
});

describe('Sum on wasm matches cpu', () => {
  it.each<[string, number[], number | number[] | undefined, boolean]>([
    ['Conv bias gradient (64x26x26x16 over N, H, W)', [64, 26, 26, 16], [0, 1, 2], false],
    ['Dense bias gradient, odd width', [37, 13], 0, false],
    ['keepDims, axes out of order', [3, 5, 7], [1, 0], true],
    ['negative axes', [4, 6, 3], [-3, -2], false],
    ['a single column', [300, 1], 0, false],
    ['all axes (tfjs keeps it)', [5, 6], undefined, false],
    ['last axis (tfjs keeps it)', [5, 6], 1, false],
  ])('%s', async (_name, shape, axis, keepDims) => {
    await expectSameOnWasm(() => [tf.sum(tf.tensor(seeded(sizeOf(shape), 10), shape), axis, keepDims)]);
  });

  it('keeps tfjs kernel for int32', async () => {
    await expectSameOnWasm(() => [tf.sum(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32'), 0).cast('float32')]);
  });
});

type Shape4 = [number, number, number, number];

describe('MaxPoolGrad on wasm matches cpu', () => {
  it('ties (windows of zeros after a relu) go to the first position, as on cpu', async () => {
    await expectSameOnWasm(() => {
      const x = tf.relu(tf.tensor4d(seeded(2 * 8 * 8 * 6, 11), [2, 8, 8, 6]));
      return [tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), tf.tensor(seeded(2 * 4 * 4 * 6, 12), [2, 4, 4, 6]))))(x)];
    });
  });

  it.each<[string, Shape4, number, number, 'same' | 'valid']>([
    ['2x2 stride 2 (digits CNN)', [3, 26, 26, 16], 2, 2, 'valid'],
    ['odd size, ragged edge', [2, 11, 9, 3], 2, 2, 'valid'],
    ['3x3 stride 2 overlapping, same', [2, 9, 10, 5], 3, 2, 'same'],
    ['3x3 stride 1, same', [1, 6, 7, 2], 3, 1, 'same'],
  ])('%s', async (_name, xShape, size, strides, pad) => {
    await expectSameOnWasm(() => {
      const x = tf.tensor4d(seeded(sizeOf(xShape), 3), xShape);
      const loss = (t: tf.Tensor) => {
        const y = tf.maxPool(t as tf.Tensor4D, size, strides, pad);
        return tf.sum(tf.mul(y, tf.tensor(seeded(y.size, 4), y.shape)));
      };
      return [tf.grad(loss)(x)];
    });
  });
});

type ConvCase = [string, Shape4, Shape4, number, 'same' | 'valid'];

/** conv2d's gradient of a weighted sum of its output, for the input (`x`) or the filter. */
function convGrad(of: 'x' | 'filter', [, xShape, fShape, strides, pad]: ConvCase): () => tf.Tensor[] {
  return () => {
    const x = tf.tensor4d(seeded(sizeOf(xShape), 5), xShape);
    const f = tf.tensor4d(seeded(sizeOf(fShape), 6), fShape);
    const loss = (t: tf.Tensor) => {
      const y = of === 'x' ? tf.conv2d(t as tf.Tensor4D, f, strides, pad) : tf.conv2d(x, t as tf.Tensor4D, strides, pad);
      return tf.sum(tf.mul(y, tf.tensor(seeded(y.size, 7), y.shape)));
    };
    return [tf.grad(loss)(of === 'x' ? x : f)];
  };
}

describe('Conv2DBackpropInput and Conv2DBackpropFilter on wasm match cpu', () => {
  it.each<ConvCase>([
    ['digits CNN second conv (13x13x16 -> 32), valid', [4, 13, 13, 16], [3, 3, 16, 32], 1, 'valid'],
    ['5x3 kernel, same', [2, 9, 8, 3], [5, 3, 3, 4], 1, 'same'],
    ['4x2 kernel (uneven same padding)', [2, 7, 6, 2], [4, 2, 2, 3], 1, 'same'],
    ['stride 2 (tfjs keeps it)', [2, 9, 9, 2], [3, 3, 2, 3], 2, 'same'],
  ])('Conv2DBackpropInput: %s', async (...testCase) => {
    await expectSameOnWasm(convGrad('x', testCase));
  });

  it.each<ConvCase>([
    ['more positions than one chunk (48x26x26 x 16 filters)', [48, 28, 28, 1], [3, 3, 1, 16], 1, 'valid'],
    ['channels in fours, same, stride 2', [2, 9, 9, 8], [3, 3, 8, 5], 2, 'same'],
    ['channels in fours, 1x1 kernel', [3, 5, 4, 12], [1, 1, 12, 9], 1, 'valid'],
  ])('Conv2DBackpropFilter: %s', async (...testCase) => {
    await expectSameOnWasm(convGrad('filter', testCase));
  });

  it('conv2dTranspose (the same kernel forward) matches cpu', async () => {
    await expectSameOnWasm(() => {
      const x = tf.tensor4d(seeded(2 * 5 * 6 * 4, 8), [2, 5, 6, 4]);
      const f = tf.tensor4d(seeded(3 * 3 * 3 * 4, 9), [3, 3, 3, 4]);
      return [tf.conv2dTranspose(x, f, [2, 7, 8, 3], 1, 'valid'), tf.conv2dTranspose(x, f, [2, 5, 6, 3], 1, 'same')];
    });
  });
});
