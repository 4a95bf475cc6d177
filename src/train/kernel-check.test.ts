import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { digitsCnn, lstmTextClassifier, residualBlock } from '../analysis/templates';
import { toTfjsModel } from '../compile/to-tfjs';
import { ACTIVATIONS } from '../layers/keras-values';
import { PARITY_CASES } from '../layers/parity-cases';
import type { ParityCase } from '../layers/parity-cases';
import type { WrappedLayer } from '../graph/types';
import { checkTrainingKernels, trainingKernelsMissing } from './kernel-check';
import { registerWasmGradients, WASM_GRADIENT_KERNELS } from './wasm-kernels/index';
import { startWasm } from './wasm-kernels/test-support';

function buildModel(row: ParityCase): tf.LayersModel {
  const b = new GraphBuilder();
  b.add(row.kind, row.params, ...row.inputs.map((shape) => b.input(shape)));
  return toTfjsModel(tf, b.graph);
}

const label = (row: ParityCase) => `${row.kind} ${JSON.stringify(row.params)}`;

/** What stock wasm lacks for a row: its kind's entry, or for a wrapper the wrapped layer's. */
function stockMissing(row: ParityCase): string[] {
  const inner = row.params.layer;
  const kind = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as WrappedLayer).kind : row.kind;
  return STOCK_MISSING[row.kind] ?? STOCK_MISSING[kind] ?? [];
}

/**
 * What stock tfjs-backend-wasm 4.22 lacks to train each layer kind as the first layer (the input
 * gradient of a depthwise conv is only needed deeper in a model; see the stacked case).
 */
const STOCK_MISSING: Partial<Record<string, string[]>> = {
  Conv1D: ['Conv2DBackpropFilter'],
  Conv2D: ['Conv2DBackpropFilter'],
  Conv2DTranspose: ['Conv2DBackpropFilter'],
  ConvLSTM2D: ['Conv2DBackpropFilter'],
  DepthwiseConv2D: ['DepthwiseConv2dNativeBackpropFilter'],
  SeparableConv2D: ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter'],
  Embedding: ['UnsortedSegmentSum'],
  TokenAndPositionEmbedding: ['UnsortedSegmentSum'],
};

/**
 * Rows tfjs 4.22 itself cannot train, on any backend (cpu included): gradients through dilated
 * convolutions are unimplemented, Conv3DTranspose's kernel (Conv3DBackpropInputV2) has no gradient
 * at all, and tfjs-layers reads the absent gamma/beta in training mode.
 */
const TFJS_CANNOT_TRAIN: readonly [RegExp, RegExp][] = [
  [/^Conv1D .*"dilation_rate":\[2\]/, /dilation rates greater than 1 are not yet supported/],
  [/^Conv2D .*"dilation_rate":\[2,2\]/, /dilation rates greater than 1 are not yet supported/],
  [/^Conv3D .*"dilation_rate":\[2,2,2\]/, /dilation rates greater than 1 are not yet supported/],
  [/^DepthwiseConv2D .*"dilation_rate":\[2,[23]\]/, /dilation rates greater than 1 are not yet supported/],
  [/^ConvLSTM2D .*"dilation_rate":\[2,2\]/, /dilation rates greater than 1 are not yet supported/],
  [/^Conv3DTranspose /, /gradient function not found for Conv3DBackpropInputV2/],
  [/^BatchNormalization .*"center":false/, /Cannot read properties of undefined \(reading 'read'\)/],
  [/^LayerNormalization .*"scale":false/, /Cannot read properties of undefined/], // message differs per backend
];
const tfjsLimit = (row: ParityCase) => TFJS_CANNOT_TRAIN.find(([rowPattern]) => rowPattern.test(label(row)))?.[1];

const expectError = (error: string | null, row: ParityCase) => {
  const limit = tfjsLimit(row);
  if (limit === undefined) expect(error).toBeNull();
  else expect(error).toMatch(limit);
};

beforeAll(startWasm);
afterAll(async () => {
  registerWasmGradients(tf);
  await tf.setBackend('cpu');
});

describe('training kernels on stock wasm (without our gradient kernels)', () => {
  beforeAll(() => {
    for (const name of WASM_GRADIENT_KERNELS) tf.unregisterKernel(name, 'wasm');
  });

  it.each(PARITY_CASES.map((row) => [label(row), row] as const))('%s', async (_label, row) => {
    const model = buildModel(row);
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const result = await checkTrainingKernels(tf, model, 'wasm');
    // A step that fails for tfjs's own reasons may stop before reaching the missing kernels.
    if (tfjsLimit(row) === undefined) expect([...result.missing].sort()).toEqual(stockMissing(row));
    expectError(result.error, row);
    // The check leaves weights (and BatchNorm statistics) as they were.
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    expect(tf.getBackend()).toBe('wasm');
    model.dispose();
  });
  it('DepthwiseConv2D after a Conv2D also needs DepthwiseConv2dNativeBackpropInput', async () => {
    const b = new GraphBuilder();
    const conv = b.add('Conv2D', { filters: 4, kernel_size: [3, 3] }, b.input([12, 12, 3]));
    b.add('DepthwiseConv2D', { kernel_size: [3, 3], depth_multiplier: 2 }, conv);
    const model = toTfjsModel(tf, b.graph);
    const result = await checkTrainingKernels(tf, model, 'wasm');
    expect(result.error).toBeNull();
    expect([...result.missing].sort()).toEqual(['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput']);
    model.dispose();
  });
});

describe('training kernels on wasm with registerWasmGradients', () => {
  beforeAll(() => {
    expect(registerWasmGradients(tf)).toEqual([...WASM_GRADIENT_KERNELS]);
    expect(registerWasmGradients(tf)).toEqual([]);
  });

  it.each(PARITY_CASES.map((row) => [label(row), row] as const))('%s', async (_label, row) => {
    const model = buildModel(row);
    const result = await checkTrainingKernels(tf, model, 'wasm');
    expect(result.missing).toEqual([]);
    expectError(result.error, row);
    // Layers may keep state between calls (RNN dropout masks), so count leaks from the second run.
    const tensorsBefore = tf.memory().numTensors;
    await checkTrainingKernels(tf, model, 'wasm');
    if (tfjsLimit(row) === undefined) expect(tf.memory().numTensors).toBe(tensorsBefore);
    model.dispose();
  });

  it.each(ACTIVATIONS.map((a) => [a]))('Dense with activation %s trains', async (activation) => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 3, activation }, b.input([5]));
    const model = toTfjsModel(tf, b.graph);
    expect(await checkTrainingKernels(tf, model, 'wasm')).toEqual({ missing: [], error: null });
    model.dispose();
  });

  it.each([
    ['small CNN', digitsCnn(10)],
    ['LSTM text classifier', lstmTextClassifier(5000, 100, 2)],
    ['residual block', residualBlock(10)],
  ] as const)('template %s needs nothing more', async (_name, graph) => {
    const model = toTfjsModel(tf, graph);
    expect(await trainingKernelsMissing(tf, model, 'wasm')).toEqual([]);
    model.dispose();
  });

  it.each(PARITY_CASES.filter((row) => tfjsLimit(row) !== undefined).map((row) => [label(row), row] as const))(
    'fails on cpu too, a tfjs limit: %s',
    async (_label, row) => {
      const model = buildModel(row);
      const result = await checkTrainingKernels(tf, model, 'cpu');
      expect(result.missing).toEqual([]);
      expectError(result.error, row);
      expect(tf.getBackend()).toBe('wasm');
      model.dispose();
    },
  );
});
