/// <reference lib="webworker" />
// The app's own pipeline, as src/train/train.worker.ts runs it: runTraining with progress posted
// per batch, throttled to one message per 100 ms (figure 1), and the app's backend choice (figure 2).
import * as tf from '@tensorflow/tfjs';
import { GraphBuilder } from '../../src/graph/builder';
import { digitsCnn } from '../../src/graph/templates';
import type { Graph } from '../../src/graph/types';
import { activateBackend, chooseBackendOrder } from '../../src/train/backend';
import { probeBackendFacts } from '../../src/train/backend-probe';
import { trainingConfigSchema } from '../../src/settings/training';
import { runTraining } from '../../src/train/run-training';
import { BROWSER_WASM_PATHS } from '../../src/train/wasm-paths.browser';
import type { BenchModel, BenchRequest, BenchResponse } from './protocol';
import { randomDataset, timeBoxedMlp, useWasm } from './shared';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: BenchResponse) => scope.postMessage(message);
const BATCH_MESSAGE_MS = 100;

function graphFor(model: BenchModel): Graph {
  if (model === 'cnn') return digitsCnn();
  const b = new GraphBuilder();
  b.chain(b.input([784]), ['Dense', { units: 128, activation: 'relu' }], ['Dense', { units: 10, activation: 'softmax' }]);
  return b.graph;
}

async function fit(req: Extract<BenchRequest, { task: 'fit' }>): Promise<void> {
  await useWasm(tf);
  const train = randomDataset(req.model, req.samples, req.seed);
  const validation = { ...train, x: new Float32Array(0), y: new Float32Array(0), count: 0 };
  // Like the raw run: no metrics, no validation; Adam 1e-3, categorical cross-entropy, shuffled.
  const config = trainingConfigSchema.parse({
    epochs: req.warmupEpochs + req.timedEpochs,
    batchSize: req.batchSize,
    optimizer: 'adam',
    learningRate: 1e-3,
    loss: 'categorical_crossentropy',
    metrics: [],
    validationSplit: 0,
    shuffle: true,
  });
  let lastBatchPost = 0;
  let timedFrom = 0;
  let timedTo = 0;
  const result = await runTraining(
    tf,
    { graph: graphFor(req.model), config, data: { train, validation } },
    {
      onBatch: (epoch, batch, _n, logs, samplesPerSecond) => {
        const now = performance.now();
        if (now - lastBatchPost < BATCH_MESSAGE_MS) return;
        lastBatchPost = now;
        post({ type: 'batch', epoch, batch, loss: logs.loss ?? Number.NaN, samplesPerSecond });
      },
      onEpoch: (epoch) => {
        if (epoch === req.warmupEpochs - 1) timedFrom = performance.now();
        if (epoch === req.warmupEpochs + req.timedEpochs - 1) timedTo = performance.now();
      },
      shouldStop: () => false,
    },
  );
  result.model.dispose();
  if (result.status !== 'completed') throw new Error(`runTraining ended ${result.status}: ${result.message ?? ''}`);
  const ms = timedTo - timedFrom;
  const samples = req.samples * req.timedEpochs;
  post({ type: 'result', backend: tf.getBackend(), samplesPerSecond: (samples * 1000) / ms, samples, seconds: ms / 1000 });
}

async function appBackend(req: Extract<BenchRequest, { task: 'backend' }>): Promise<void> {
  const facts = await probeBackendFacts();
  const { order, reasons } = chooseBackendOrder(facts, 'auto');
  const active = await activateBackend(tf, order, { wasmPaths: BROWSER_WASM_PATHS, threads: false, reasons });
  const timed = await timeBoxedMlp(tf, req.batchSize, req.timeBoxMs, req.maxBatches);
  post({ type: 'result', backend: active.backend, ...timed, reason: active.reason });
}

scope.onmessage = (event: MessageEvent<BenchRequest>) => {
  const req = event.data;
  (req.task === 'fit' ? fit(req) : appBackend(req)).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
