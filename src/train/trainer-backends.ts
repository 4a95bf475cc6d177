/**
 * Which backend the trainer trains each model on: the host's best backend, chosen once at start,
 * then per model a check that it has every kernel training needs and, on a GPU, a timed race
 * against wasm. The tfjs calls that need a real GPU or wasm come in as {@link BackendOps}, so the
 * decisions run in Node tests with stand-ins.
 */
import { sampleRows } from '../data/features';
import type * as tfjs from '@tensorflow/tfjs';
import type { SplitDataset } from '../data/types';
import type { Graph } from '../graph/types';
import type { Tf } from '../layers/layer-spec';
import { activateBackend, chooseBackendOrder } from './backend';
import type { ActivatedBackend, BackendFacts, BackendName } from './backend';
import { lossFor, optimizerFor } from './compile-config';
import type { TrainingConfig } from '../settings/training';
import { pickFaster, timeTrainingSteps } from './gpu-race';
import { trainingKernelsMissing } from './kernel-check';
import type { BackendChoice, TrainResponse } from './protocol';
import { freshModel } from './trainer-models';
import type { WasmPaths } from './wasm-paths';

/** The tfjs backend calls the trainer makes; {@link defaultBackendOps} are the real ones. */
export interface BackendOps {
  /** Starts the first backend of `order` that works (see `activateBackend`). */
  activate(order: readonly BackendName[], reasons?: Partial<Record<BackendName, string>>): Promise<ActivatedBackend>;
  /** Makes a backend that already started once the active one. */
  use(name: string): Promise<void>;
  /** Median milliseconds per training step of a compiled model on the active backend. */
  timeSteps(model: tfjs.LayersModel, x: tfjs.Tensor, y: tfjs.Tensor): Promise<number>;
  /** The kernels `backend` lacks to train `model`; throws when a step fails otherwise. */
  kernelsMissing(model: tfjs.LayersModel, backend: string): Promise<string[]>;
}

/** The real backend calls, with the wasm binaries at `wasmPaths`. */
export function defaultBackendOps(tf: Tf, wasmPaths?: WasmPaths): BackendOps {
  // The threaded wasm build breaks in a minified bundle (tfjs #4253); the plain SIMD build is as fast on
  // small machines, so threads stay off until the worker is built unminified.
  const options = { threads: false, ...(wasmPaths === undefined ? {} : { wasmPaths }) };
  return {
    activate: (order, reasons) => activateBackend(tf, order, { ...options, ...(reasons === undefined ? {} : { reasons }) }),
    use: async (name) => {
      await tf.setBackend(name);
    },
    timeSteps: (model, x, y) => timeTrainingSteps(tf, model, x, y),
    kernelsMissing: (model, backend) => trainingKernelsMissing(tf, model, backend),
  };
}

/** Posts a `backend` message to the page. */
type PostBackend = (message: Extract<TrainResponse, { type: 'backend' }>) => void;

/** The trainer's backends: started once, then made ready for each model before it trains. */
export interface TrainerBackends {
  /** Starts the best backend the host's facts allow for the user's choice, and says which and why. */
  start(facts: BackendFacts, choice: BackendChoice): Promise<void>;
  /** Makes the backend this model trains on active, checking and racing it the first time. */
  prepareFor(graph: Graph, key: string, config: TrainingConfig, data: SplitDataset): Promise<void>;
}

/** Backends with nothing started yet: plain JavaScript until `start`. */
export function createTrainerBackends(tf: Tf, ops: BackendOps, post: PostBackend): TrainerBackends {
  let preferred = 'cpu';
  /** Only the automatic choice races a GPU against wasm: a backend the user picks is the one they get. */
  let race = true;
  /** The backend each model (by graph key) trains on, once its kernels were checked. */
  const backendFor = new Map<string, string>();

  /**
   * With a hardware GPU, times a few training steps of this very model on the GPU backend and on
   * wasm (after a warm-up step each) and keeps the faster: small models are often faster on wasm.
   */
  async function raceGpuAgainstWasm(graph: Graph, config: TrainingConfig, data: SplitDataset): Promise<string> {
    const gpu = preferred;
    const n = Math.min(config.batchSize, data.train.count);
    const time = async (): Promise<number> => {
      const model = freshModel(tf, graph);
      const x = tf.tensor(sampleRows(data.train, 0, n), [n, ...data.train.featureShape]);
      const y = tf.tensor(data.train.y.subarray(0, n * sizeOf(data.train.targetShape)), [n, ...data.train.targetShape]);
      const optimizer = optimizerFor(tf, config);
      try {
        model.compile({ optimizer, loss: lossFor(tf, config) });
        return await ops.timeSteps(model, x, y);
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        optimizer.dispose();
      }
    };
    try {
      const onGpu = await time();
      await ops.activate(['wasm']);
      const onWasm = await time();
      const pick = pickFaster({ backend: gpu, msPerStep: onGpu }, { backend: 'wasm', msPerStep: onWasm });
      await ops.use(pick.backend);
      post({ type: 'backend', backend: pick.backend, reason: pick.reason, tried: [] });
      return pick.backend;
    } catch {
      // A failed race leaves the first choice: it did start, and timing is only an optimisation.
      await ops.use(gpu);
      return gpu;
    }
  }

  return {
    async start(facts, choice) {
      const { order, reasons } = chooseBackendOrder(facts, choice);
      const active = await ops.activate(order, reasons);
      preferred = active.backend;
      race = choice === 'auto';
      backendFor.clear();
      post({ type: 'backend', backend: active.backend, reason: active.reason, tried: active.tried });
    },

    async prepareFor(graph, key, config, data) {
      const known = backendFor.get(key) ?? (preferred === 'cpu' ? 'cpu' : undefined);
      if (tf.getBackend() !== (known ?? preferred)) await ops.use(known ?? preferred);
      if (known) return;
      const fastest = race && (preferred === 'webgpu' || preferred === 'webgl') ? await raceGpuAgainstWasm(graph, config, data) : preferred;
      const probe = freshModel(tf, graph);
      try {
        const missing = await ops.kernelsMissing(probe, fastest);
        backendFor.set(key, missing.length === 0 ? fastest : 'cpu');
        if (missing.length === 0) return;
        await ops.use('cpu');
        post({
          type: 'backend',
          backend: 'cpu',
          reason: `${fastest} lacks ${missing.join(', ')} for this model, so it trains on plain JavaScript (slower)`,
          tried: [{ name: fastest, error: `missing kernels: ${missing.join(', ')}` }],
        });
      } finally {
        probe.dispose();
      }
    },
  };
}

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
