/// <reference lib="webworker" />
// The app's own pipeline: the trainer service src/train/train.worker.ts runs, with its throttled
// progress messages (figure 1), and the app's backend choice (figure 2).
import * as tf from '@tensorflow/tfjs';
import { GraphBuilder } from '../../src/analysis/builder';
import { digitsCnn, transformerTextClassifier } from '../../src/analysis/templates';
import type { Graph } from '../../src/graph/types';
import { activateBackend, chooseBackendOrder } from '../../src/train/backend';
import { probeBackendFacts } from '../../src/train/backend-probe';
import { DEFAULT_CALLBACKS } from '../../src/settings/callbacks';
import type { TrainResponse } from '../../src/train/protocol';
import { createTrainerService } from '../../src/train/trainer-service';
import { BROWSER_WASM_PATHS } from '../../src/train/wasm-paths.browser';
import { wasmOwnKernelsBound } from '../../src/train/wasm-kernels/own-kernels';
import { benchFitSetup } from '../fit-setup';
import type { BenchModel, BenchRequest, BenchResponse } from './protocol';
import { TEXT_LENGTH, TEXT_VOCABULARY, timeBoxedMlp } from './shared';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: BenchResponse) => scope.postMessage(message);

function graphFor(model: BenchModel): Graph {
  if (model === 'cnn') return digitsCnn();
  if (model === 'transformer') return transformerTextClassifier(TEXT_VOCABULARY, TEXT_LENGTH, 10);
  const b = new GraphBuilder();
  b.chain(b.input([784]), ['Dense', { units: 128, activation: 'relu' }], ['Dense', { units: 10, activation: 'softmax' }]);
  return b.graph;
}

async function fit(req: Extract<BenchRequest, { task: 'fit' }>): Promise<void> {
  // Like the raw run: no metrics, no validation; Adam 1e-3, categorical cross-entropy, shuffled.
  const { train, validation, config } = benchFitSetup(req);
  let timedFrom = 0;
  let timedTo = 0;
  let done: Extract<TrainResponse, { type: 'done' }> | undefined;
  let threads: number | undefined;
  let snapshots = 0;
  let insightMs = 0;
  const onMessage = (message: TrainResponse) => {
    if (message.type === 'batch')
      post({
        type: 'batch',
        epoch: message.epoch,
        batch: message.batch,
        loss: message.losses.at(-1) ?? Number.NaN,
        samplesPerSecond: message.samplesPerSecond,
      });
    if (message.type === 'epoch' && message.epoch === req.warmupEpochs - 1) timedFrom = performance.now();
    if (message.type === 'epoch' && message.epoch === req.warmupEpochs + req.timedEpochs - 1) timedTo = performance.now();
    // Only the timed epochs' samples: the warm-up's (with the probe's first, uncharged one) are not timed.
    if (message.type === 'insight' && message.snapshot.epoch >= req.warmupEpochs) {
      snapshots += 1;
      insightMs += message.snapshot.ms;
    }
    if (message.type === 'done') done = message;
    if (message.type === 'backend') threads = message.threads;
  };
  // The app worker's own service, on wasm as the app configures it (threads as the request says, else as the host's cores say).
  const service = createTrainerService(tf, onMessage, { probeFacts: probeBackendFacts, wasmPaths: BROWSER_WASM_PATHS });
  await service.handle({ type: 'init', backend: 'wasm', ...(req.wasmThreads === undefined ? {} : { wasmThreads: req.wasmThreads }) });
  await service.handle({ type: 'dataset', datasetId: 'bench', train, validation });
  await service.handle({
    type: 'train',
    runId: 1,
    datasetId: 'bench',
    graph: graphFor(req.model),
    config,
    callbacks: DEFAULT_CALLBACKS,
    from: 'fresh',
    ...(req.insight === true ? { insight: { sample: 0 } } : {}),
  });
  if (done?.status !== 'completed') throw new Error(`the run ended ${done?.status ?? 'without done'}: ${done?.message ?? ''}`);
  const ms = timedTo - timedFrom;
  const samples = req.samples * req.timedEpochs;
  post({
    type: 'result',
    backend: tf.getBackend(),
    samplesPerSecond: (samples * 1000) / ms,
    samples,
    seconds: ms / 1000,
    snapshots,
    insightMs,
    ...(threads === undefined ? {} : { threads }),
    ownKernels: wasmOwnKernelsBound(tf),
  });
}

async function appBackend(req: Extract<BenchRequest, { task: 'backend' }>): Promise<void> {
  const facts = await probeBackendFacts();
  const { order, reasons } = chooseBackendOrder(facts, 'auto');
  const active = await activateBackend(tf, order, { wasmPaths: BROWSER_WASM_PATHS, reasons });
  const timed = await timeBoxedMlp(tf, req.batchSize, req.timeBoxMs, req.maxBatches);
  post({ type: 'result', backend: active.backend, ...timed, reason: active.reason });
}

scope.onmessage = (event: MessageEvent<BenchRequest>) => {
  const req = event.data;
  (req.task === 'fit' ? fit(req) : appBackend(req)).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
