/// <reference lib="webworker" />
// One measurement per worker: the probe of what this browser offers, or one model trained through
// the app's own trainer service (src/train/train.worker.ts runs the same) on the backend asked for.
import * as tf from '@tensorflow/tfjs';
import { chooseBackendOrder } from '../../src/train/backend';
import { probeBackendFacts } from '../../src/train/backend-probe';
import { DEFAULT_CALLBACKS } from '../../src/settings/callbacks';
import type { TrainResponse } from '../../src/train/protocol';
import { createTrainerService } from '../../src/train/trainer-service';
import { BROWSER_WASM_PATHS } from '../../src/train/wasm-paths.browser';
import { benchFitSetup } from '../fit-setup';
import { benchGraph } from './models';
import type { GpuBenchRequest, GpuBenchResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: GpuBenchResponse) => scope.postMessage(message);

async function probe(): Promise<void> {
  const facts = await probeBackendFacts();
  const { order, reasons } = chooseBackendOrder(facts, 'auto');
  post({ type: 'probe', facts, order, reasons });
}

async function fit(req: Extract<GpuBenchRequest, { task: 'fit' }>): Promise<void> {
  const { train, validation, config } = benchFitSetup(req);
  // The warm-up epochs carry shader compilation on a GPU backend: only the epochs after them are timed.
  let timedFrom = 0;
  let timedTo = 0;
  let reason = '';
  let done: Extract<TrainResponse, { type: 'done' }> | undefined;
  let failure = '';
  const onMessage = (message: TrainResponse) => {
    if (message.type === 'backend') reason = [message.reason, ...message.tried.map((t) => `${t.name} failed: ${t.error}`)].join('; ');
    if (message.type === 'error') failure = message.message;
    if (message.type === 'epoch' && message.epoch === req.warmupEpochs - 1) timedFrom = performance.now();
    if (message.type === 'epoch' && message.epoch === req.warmupEpochs + req.timedEpochs - 1) timedTo = performance.now();
    if (message.type === 'done') done = message;
  };
  const service = createTrainerService(tf, onMessage, { probeFacts: probeBackendFacts, wasmPaths: BROWSER_WASM_PATHS });
  await service.handle({ type: 'init', backend: req.backend });
  if (failure !== '') throw new Error(failure);
  await service.handle({ type: 'dataset', datasetId: 'bench', train, validation });
  await service.handle({ type: 'train', runId: 1, datasetId: 'bench', graph: benchGraph(req.model), config, callbacks: DEFAULT_CALLBACKS, from: 'fresh' });
  if (done?.status !== 'completed') throw new Error(`the run ended ${done?.status ?? 'without done'}: ${done?.message ?? ''}`);
  const ms = timedTo - timedFrom;
  post({ type: 'fit', backend: tf.getBackend(), reason, samplesPerSecond: (req.samples * req.timedEpochs * 1000) / ms, seconds: ms / 1000 });
}

scope.onmessage = (event: MessageEvent<GpuBenchRequest>) => {
  const req = event.data;
  (req.task === 'probe' ? probe() : fit(req)).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
