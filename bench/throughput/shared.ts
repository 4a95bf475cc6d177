import type * as tfjs from '@tensorflow/tfjs';
import { mulberry32 } from '../../src/lib/random';
import type { Dataset } from '../../src/data/types';
import { BROWSER_WASM_PATHS } from '../../src/train/wasm-paths.browser';
import { registerWasmGradients } from '../../src/train/wasm-kernels/index';
import type { Tf } from '../../src/layers/layer-spec';
import { netloomLayer } from '../../src/layers/tfjs-extra/index';
import type { BenchModel } from './protocol';

/** The Transformer bench model's token ids: sequences of `TEXT_LENGTH` ids below `TEXT_VOCABULARY`. */
export const TEXT_VOCABULARY = 1000;
export const TEXT_LENGTH = 32;

/**
 * Random inputs (in [0, 1), or token ids for the Transformer) and random one-hot labels of 10
 * classes, the same for the same seed in every worker.
 */
export function randomDataset(model: BenchModel, count: number, seed: number): Dataset {
  const featureShape = model === 'mlp' ? [784] : model === 'cnn' ? [28, 28, 1] : [TEXT_LENGTH];
  const rng = mulberry32(seed);
  const x = new Float32Array(count * featureShape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < x.length; i++) x[i] = model === 'transformer' ? Math.floor(rng() * TEXT_VOCABULARY) : rng();
  const y = new Float32Array(count * 10);
  for (let i = 0; i < count; i++) y[i * 10 + Math.floor(rng() * 10)] = 1;
  return { x, y, count, featureShape, targetShape: [10], task: 'classification' };
}

/** The wasm backend as the app's worker configures it: plain SIMD build (no threads), bundled binaries, gradient kernels. */
export async function useWasm(tf: Tf): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasm.setWasmPaths(BROWSER_WASM_PATHS);
  registerWasmGradients(tf);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm did not start');
  if (tf.getBackend() !== 'wasm') throw new Error(`backend is ${tf.getBackend()}, not wasm`);
}

/**
 * Training FLOPs per sample, by the bench's counting rule: each layer's matrix weights (Dense and
 * Conv kernels, attention projections; not embedding lookups, biases or norms) cost 2 FLOPs per
 * weight per output position forward, and forward plus backward is 3x that. Attention's score
 * products, activations and the optimizer are not counted.
 */
export function trainingFlopsPerSample(model: tfjs.LayersModel): number {
  let forward = 0;
  for (const layer of model.layers) {
    if (/embedding/i.test(layer.getClassName())) continue;
    const out = layer.outputShape as (number | null)[];
    const positions = out.slice(1, -1).reduce<number>((a, b) => a * (b ?? 1), 1);
    for (const w of layer.weights) if (w.shape.length >= 2) forward += 2 * w.shape.reduce<number>((a, b) => a * (b ?? 1), 1) * positions;
  }
  return 3 * forward;
}

/** The MLP 784-128(relu)-10(softmax), built the plain tfjs way. */
export function rawMlp(tf: Tf): tfjs.LayersModel {
  return tf.sequential({
    layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
}

/** The digits CNN template (src/analysis/templates.ts digitsCnn), built the plain tfjs way. */
export function rawCnn(tf: Tf): tfjs.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.25 }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

/**
 * The Transformer text template (src/analysis/templates.ts transformerTextClassifier, 10
 * classes), built the plain tfjs way: tfjs's functional API, with Netloom's registered classes for
 * the two layers tfjs lacks.
 */
export function rawTransformer(tf: Tf): tfjs.LayersModel {
  const input = tf.input({ shape: [TEXT_LENGTH] });
  const apply = (layer: tfjs.layers.Layer, ...xs: tfjs.SymbolicTensor[]) => layer.apply(xs.length === 1 && xs[0] ? xs[0] : xs) as tfjs.SymbolicTensor;
  const embedded = apply(
    netloomLayer(tf, 'TokenAndPositionEmbedding', { vocabularySize: TEXT_VOCABULARY, sequenceLength: TEXT_LENGTH, embeddingDim: 32 }),
    input,
  );
  const attended = apply(tf.layers.dropout({ rate: 0.1 }), apply(netloomLayer(tf, 'MultiHeadAttention', { numHeads: 2, keyDim: 16 }), embedded));
  const norm1 = apply(tf.layers.layerNormalization({ epsilon: 1e-6 }), apply(tf.layers.add(), embedded, attended));
  const hidden = apply(tf.layers.dense({ units: 64, activation: 'relu' }), norm1);
  const ff = apply(tf.layers.dropout({ rate: 0.1 }), apply(tf.layers.dense({ units: 32 }), hidden));
  const norm2 = apply(tf.layers.layerNormalization({ epsilon: 1e-6 }), apply(tf.layers.add(), norm1, ff));
  const pooled = apply(tf.layers.dropout({ rate: 0.1 }), apply(tf.layers.globalAveragePooling1d(), norm2));
  return tf.model({ inputs: input, outputs: apply(tf.layers.dense({ units: 10, activation: 'softmax' }), pooled) });
}

/**
 * Times the MLP on whatever backend is active, in a time box as the baseline lab did: a 2-batch
 * warm-up, a 4-batch calibration, then one fit of as many whole batches as fit in `timeBoxMs`.
 */
export async function timeBoxedMlp(
  tf: Tf,
  batchSize: number,
  timeBoxMs: number,
  maxBatches: number,
): Promise<{ samplesPerSecond: number; samples: number; seconds: number }> {
  const model = rawMlp(tf);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const data = randomDataset('mlp', batchSize * maxBatches, 7);
  const x = tf.tensor2d(data.x, [data.count, 784]);
  const y = tf.tensor2d(data.y, [data.count, 10]);
  const fitOn = async (batches: number) => {
    const n = batches * batchSize;
    const [xs, ys] = [x.slice(0, n), y.slice(0, n)];
    const t0 = performance.now();
    await model.fit(xs, ys, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
    const ms = performance.now() - t0;
    tf.dispose([xs, ys]);
    return ms;
  };
  try {
    await fitOn(2);
    const perBatch = (await fitOn(4)) / 4;
    const batches = Math.max(4, Math.min(maxBatches, Math.floor(timeBoxMs / perBatch)));
    const ms = await fitOn(batches);
    return { samplesPerSecond: (batches * batchSize * 1000) / ms, samples: batches * batchSize, seconds: ms / 1000 };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
}
