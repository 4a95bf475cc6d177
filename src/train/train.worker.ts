/// <reference lib="webworker" />
// The training worker: a thin shell that picks the backend, caches datasets and runs the pure
// training loop, posting throttled progress. All the logic it calls is tested in Node.
import * as tf from '@tensorflow/tfjs';
import type { SplitDataset } from '../data/types';
import { assertNever } from '../lib/assert-never';
import { modelKey } from '../graph/model-key';
import type { Graph } from '../graph/types';
import type { WeightValues } from '../compile/tfjs-weights';
import { activateBackend, chooseBackendOrder } from './backend';
import { probeBackendFacts } from './backend-probe';
import type { DatasetWire, TrainRequest, TrainResponse } from './protocol';
import { exportModelJson, saveArtifacts } from '../compile/tfjs-export';
import { applyWeights } from '../compile/tfjs-import';
import type { NetloomMetadata } from '../compile/tfjs-metadata';
import { toTfjsModel } from '../compile/to-tfjs';
import { trainingKernelsMissing } from './kernel-check';
import { lossFor, optimizerFor } from './compile-config';
import type { TrainingConfig } from '../settings/training';
import { pickFaster, timeTrainingSteps } from './gpu-race';
import { runTraining, seededBuild } from './run-training';
import { BROWSER_WASM_PATHS } from './wasm-paths.browser';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: TrainResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

let ready: Promise<void> = Promise.resolve();
/** Settles once weights sent by the page are the current model: predict, export and train wait for it. */
let weightsLoaded: Promise<void> = Promise.resolve();
let preferred = 'cpu';
/** The backend each model (by graph key) trains on, once its kernels were checked. */
const backendFor = new Map<string, string>();
const datasets = new Map<string, SplitDataset>();
let trained: { model: tf.LayersModel; graphKey: string } | undefined;
let stopRequested: number | null = null;
/** The id of the run in progress: one at a time, as each swaps Math.random for its seeded stream. */
let runningId: number | null = null;
const BATCH_MESSAGE_MS = 100;

const unwire = (d: DatasetWire): SplitDataset['train'] => ({ ...d });

/**
 * A freshly initialised model of the graph, built with its own seeded Math.random: a run in
 * progress draws its Dropout masks from Math.random, and a build for an export or an import in
 * the meantime must not take numbers from that stream. Runs build theirs in runTraining.
 */
const freshModel = (graph: Graph): tf.LayersModel => seededBuild(0, () => toTfjsModel(tf, graph));
const graphKey = modelKey;

/** A model's weights by name, their buffers ready to transfer to the page. */
function weightValues(model: tf.LayersModel): WeightValues[] {
  return model.weights.map((v) => ({
    name: v.originalName,
    shape: v.shape.map((d) => d ?? 0),
    dtype: v.dtype === 'int32' ? 'int32' : 'float32',
    values: Float32Array.from(v.read().dataSync()),
  }));
}

async function init(choice: Extract<TrainRequest, { type: 'init' }>['backend']): Promise<void> {
  const facts = await probeBackendFacts();
  const { order, reasons } = chooseBackendOrder(facts, choice);
  // The threaded wasm build breaks in a minified bundle (tfjs #4253); the plain SIMD build is as fast on
  // small machines, so threads stay off until the worker is built unminified.
  const active = await activateBackend(tf, order, { wasmPaths: BROWSER_WASM_PATHS, threads: false, reasons });
  preferred = active.backend;
  backendFor.clear();
  post({ type: 'backend', backend: active.backend, reason: active.reason, tried: active.tried });
}

/**
 * Makes sure the backend has every kernel this model needs to train, checked once per model with
 * one forward and backward step; if one is missing, this model trains on cpu, and the page says why.
 */
async function ensureKernels(graph: Graph, key: string, config: TrainingConfig, data: SplitDataset): Promise<void> {
  const known = backendFor.get(key) ?? (preferred === 'cpu' ? 'cpu' : undefined);
  if (tf.getBackend() !== (known ?? preferred)) await tf.setBackend(known ?? preferred);
  if (known) return;
  const fastest = preferred === 'webgpu' || preferred === 'webgl' ? await raceGpuAgainstWasm(graph, config, data) : preferred;
  const probe = freshModel(graph);
  try {
    const missing = await trainingKernelsMissing(tf, probe, fastest);
    backendFor.set(key, missing.length === 0 ? fastest : 'cpu');
    if (missing.length === 0) return;
    await tf.setBackend('cpu');
    post({
      type: 'backend',
      backend: 'cpu',
      reason: `${fastest} lacks ${missing.join(', ')} for this model, so it trains on plain JavaScript (slower)`,
      tried: [{ name: fastest, error: `missing kernels: ${missing.join(', ')}` }],
    });
  } finally {
    probe.dispose();
  }
}

/**
 * With a hardware GPU, times a few training steps of this very model on the GPU backend and on
 * wasm (after a warm-up step each) and keeps the faster: small models are often faster on wasm.
 */
async function raceGpuAgainstWasm(graph: Graph, config: TrainingConfig, data: SplitDataset): Promise<string> {
  const gpu = preferred;
  const n = Math.min(config.batchSize, data.train.count);
  const time = async (): Promise<number> => {
    const model = freshModel(graph);
    const x = tf.tensor(data.train.x.subarray(0, n * sizeOf(data.train.featureShape)), [n, ...data.train.featureShape]);
    const y = tf.tensor(data.train.y.subarray(0, n * sizeOf(data.train.targetShape)), [n, ...data.train.targetShape]);
    const optimizer = optimizerFor(tf, config);
    try {
      model.compile({ optimizer, loss: lossFor(tf, config) });
      return await timeTrainingSteps(tf, model, x, y);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
      optimizer.dispose();
    }
  };
  try {
    const onGpu = await time();
    await activateBackend(tf, ['wasm'], { wasmPaths: BROWSER_WASM_PATHS, threads: false });
    const onWasm = await time();
    const pick = pickFaster({ backend: gpu, msPerStep: onGpu }, { backend: 'wasm', msPerStep: onWasm });
    await tf.setBackend(pick.backend);
    post({ type: 'backend', backend: pick.backend, reason: pick.reason, tried: [] });
    return pick.backend;
  } catch {
    // A failed race leaves the first choice: it did start, and timing is only an optimisation.
    await tf.setBackend(gpu);
    return gpu;
  }
}

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

async function train(req: Extract<TrainRequest, { type: 'train' }>): Promise<void> {
  await ready;
  await weightsLoaded;
  const data = datasets.get(req.datasetId);
  if (!data) throw new Error('the training data did not reach the worker; train again');
  const key = graphKey(req.graph);
  await ensureKernels(req.graph, key, req.config, data);
  const continueFrom = req.from === 'current' && trained?.graphKey === key ? trained.model : undefined;
  if (!continueFrom && trained) {
    trained.model.dispose();
    trained = undefined;
  }
  stopRequested = null;
  post({ type: 'started', runId: req.runId, epochs: req.config.epochs, batchesPerEpoch: Math.ceil(data.train.count / req.config.batchSize), samples: data.train.count });
  // Batch losses go out in bunches: a message per batch would flood the page on a fast run.
  let lastBatchPost = 0;
  let losses: number[] = [];
  let last = { epoch: 0, batch: 0, samplesPerSecond: 0 };
  const postLosses = () => {
    if (losses.length === 0) return;
    post({ type: 'batch', runId: req.runId, ...last, losses });
    losses = [];
    lastBatchPost = performance.now();
  };
  const result = await runTraining(
    tf,
    { graph: req.graph, config: req.config, data, callbacks: req.callbacks, ...(continueFrom ? { model: continueFrom } : {}) },
    {
      onBatch: (epoch, batch, _n, logs, samplesPerSecond) => {
        losses.push(logs.loss ?? Number.NaN);
        last = { epoch, batch, samplesPerSecond };
        if (performance.now() - lastBatchPost >= BATCH_MESSAGE_MS) postLosses();
      },
      onEpoch: (epoch, logs, learningRate) => {
        postLosses();
        post({ type: 'epoch', runId: req.runId, epoch, logs, learningRate });
      },
      shouldStop: () => stopRequested === req.runId,
    },
  );
  postLosses();
  trained = { model: result.model, graphKey: key };
  const outputs = data.validation.count > 0 && result.status !== 'diverged' ? predictOn(data.validation.x, data.validation.count) : undefined;
  // The weights go to the page too, which keeps them with the project (autosave, Save as).
  const weights = result.status === 'diverged' || result.status === 'failed' ? undefined : weightValues(result.model);
  post(
    {
      type: 'done',
      runId: req.runId,
      status: result.status,
      epochsRun: result.epochsRun,
      ...(result.message ? { message: result.message } : {}),
      ...(outputs ? { validationOutputs: outputs } : {}),
      ...(weights ? { weights } : {}),
    },
    [...(outputs ? [outputs.buffer] : []), ...(weights ?? []).map((w) => w.values.buffer)],
  );
}

function predictOn(x: Float32Array, count: number): Float32Array {
  const model = trained?.model;
  if (!model) throw new Error('train the model first');
  const shape = [count, ...(model.inputs[0]?.shape.slice(1) as number[])];
  return tf.tidy(() => {
    const out = model.predict(tf.tensor(x, shape)) as tf.Tensor;
    return out.dataSync() as Float32Array;
  }).slice();
}

/** The trained model's files when it was built from this graph, else a freshly initialised one's. */
async function exportModel(requestId: number, graph: Graph, metadata: NetloomMetadata): Promise<void> {
  try {
    await ready;
    await weightsLoaded;
    const trainedHere = trained?.graphKey === graphKey(graph) ? trained.model : undefined;
    const model = trainedHere ?? freshModel(graph);
    try {
      const files = exportModelJson(await saveArtifacts(tf, model), { graph, metadata });
      post({ type: 'exported', requestId, modelJson: files.modelJson, weights: files.weights, trained: trainedHere !== undefined }, [files.weights.buffer]);
    } finally {
      if (!trainedHere) model.dispose();
    }
  } catch (e) {
    post({ type: 'exported', requestId, trained: false, error: errorText(e) });
  }
}

/** Holds `name` until this worker ends: the lock is released only with the worker's context. */
function holdLock(name: string): void {
  if (typeof navigator === 'undefined' || navigator.locks === undefined) return;
  void navigator.locks.request(name, () => {
    post({ type: 'holding-lock' });
    return new Promise<never>(() => {});
  });
}

scope.onmessage = (event: MessageEvent<TrainRequest>) => {
  const req = event.data;
  switch (req.type) {
    case 'init':
      if (req.lock !== undefined) holdLock(req.lock);
      ready = init(req.backend).catch((e: unknown) => post({ type: 'error', message: `No backend could start: ${errorText(e)}` }));
      return;
    case 'dataset':
      datasets.clear();
      datasets.set(req.datasetId, { train: unwire(req.train), validation: unwire(req.validation) });
      return;
    case 'train':
      if (runningId !== null) {
        post({ type: 'done', runId: req.runId, status: 'failed', epochsRun: 0, message: 'Training failed: another run is still going; stop it first' });
        return;
      }
      runningId = req.runId;
      train(req)
        .catch((e: unknown) => {
          post({ type: 'done', runId: req.runId, status: 'failed', epochsRun: 0, message: `Training failed: ${errorText(e)}` });
        })
        .finally(() => {
          runningId = null;
        });
      return;
    case 'stop':
      stopRequested = req.runId;
      return;
    case 'predict':
      void weightsLoaded.then(() => {
        try {
          const output = predictOn(req.x, req.count);
          post({ type: 'prediction', requestId: req.requestId, output }, [output.buffer]);
        } catch (e) {
          post({ type: 'prediction', requestId: req.requestId, output: new Float32Array(0), error: errorText(e) });
        }
      });
      return;
    case 'export':
      void exportModel(req.requestId, req.graph, req.metadata);
      return;
    case 'load-weights':
      weightsLoaded = ready
        .then(() => {
          const model = freshModel(req.graph);
          applyWeights(tf, model, req.weights);
          trained?.model.dispose();
          trained = { model, graphKey: graphKey(req.graph) };
        })
        .catch((e: unknown) => post({ type: 'error', message: `The imported weights could not be used: ${errorText(e)}` }));
      return;
    default:
      assertNever(req, 'training request');
  }
};
