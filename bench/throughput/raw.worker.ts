/// <reference lib="webworker" />
// Plain tfjs, the way a tfjs user writes it: model.fit with no callbacks (figure 1), and the
// backend tfjs picks by itself (figure 2). tfjs's own wasm kernels only (useWasm registers the
// gradient kernels tfjs lacks, never Netloom's faster replacements): this is the baseline.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BROWSER_WASM_PATHS } from '../../src/train/wasm-paths.browser';
import type { BenchRequest, BenchResponse } from './protocol';
import { randomDataset, rawCnn, rawMlp, rawTransformer, timeBoxedMlp, trainingFlopsPerSample, useWasm } from './shared';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: BenchResponse) => scope.postMessage(message);

async function fit(req: Extract<BenchRequest, { task: 'fit' }>): Promise<void> {
  await useWasm(tf);
  const data = randomDataset(req.model, req.samples, req.seed);
  const model = req.model === 'mlp' ? rawMlp(tf) : req.model === 'cnn' ? rawCnn(tf) : rawTransformer(tf);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const x = tf.tensor(data.x, [data.count, ...data.featureShape]);
  const y = tf.tensor(data.y, [data.count, 10]);
  await model.fit(x, y, { batchSize: req.batchSize, epochs: req.warmupEpochs, shuffle: true, verbose: 0 });
  const t0 = performance.now();
  await model.fit(x, y, { batchSize: req.batchSize, epochs: req.timedEpochs, shuffle: true, verbose: 0 });
  const ms = performance.now() - t0;
  const samples = req.samples * req.timedEpochs;
  const flopsPerSample = trainingFlopsPerSample(model);
  post({ type: 'result', backend: tf.getBackend(), samplesPerSecond: (samples * 1000) / ms, samples, seconds: ms / 1000, flopsPerSample });
}

async function defaultBackend(req: Extract<BenchRequest, { task: 'backend' }>): Promise<void> {
  // webgl and cpu come with @tensorflow/tfjs; webgpu and wasm are registered by their imports.
  setWasmPaths(BROWSER_WASM_PATHS);
  await tf.ready();
  const timed = await timeBoxedMlp(tf, req.batchSize, req.timeBoxMs, req.maxBatches);
  post({ type: 'result', backend: tf.getBackend(), ...timed, reason: "tfjs's own choice (highest-priority backend that starts)" });
}

scope.onmessage = (event: MessageEvent<BenchRequest>) => {
  const req = event.data;
  (req.task === 'fit' ? fit(req) : defaultBackend(req)).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
