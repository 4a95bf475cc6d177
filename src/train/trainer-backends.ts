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
import { planWasmThreads } from './wasm-threads';
import type { WasmThreadsChoice } from './wasm-threads';

/** The tfjs backend calls the trainer makes; {@link defaultBackendOps} are the real ones. */
export interface BackendOps {
  /** Starts the first backend of `order` that works (see `activateBackend`), wasm with `threads` (1: single-threaded). */
  activate(order: readonly BackendName[], reasons?: Partial<Record<BackendName, string>>, threads?: number): Promise<ActivatedBackend>;
  /** Makes a backend that already started once the active one. */
  use(name: string): Promise<void>;
  /** Median milliseconds per training step of a compiled model on the active backend. */
  timeSteps(model: tfjs.LayersModel, x: tfjs.Tensor, y: tfjs.Tensor): Promise<number>;
  /** The kernels `backend` lacks to train `model`; throws when a step fails otherwise. */
  kernelsMissing(model: tfjs.LayersModel, backend: string): Promise<string[]>;
}

/** The real backend calls, with the wasm binaries at `wasmPaths`. */
export function defaultBackendOps(tf: Tf, wasmPaths?: WasmPaths): BackendOps {
  const options = wasmPaths === undefined ? {} : { wasmPaths };
  return {
    activate: (order, reasons, threads = 1) => activateBackend(tf, order, { ...options, threads, ...(reasons === undefined ? {} : { reasons }) }),
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
  /** Starts the best backend the host's facts allow for the user's choice (wasm with threads as `threads` says), and says which and why. */
  start(facts: BackendFacts, choice: BackendChoice, threads?: WasmThreadsChoice): Promise<void>;
  /** Makes the backend this model trains on active, checking and racing it the first time. */
  prepareFor(graph: Graph, key: string, config: TrainingConfig, data: SplitDataset): Promise<void>;
}

/** Backends with nothing started yet: plain JavaScript until `start`. */
export function createTrainerBackends(tf: Tf, ops: BackendOps, post: PostBackend): TrainerBackends {
  let preferred = 'cpu';
  /** The threads wasm starts with, from the host's facts and the page's choice. */
  let wasmThreads = 1;
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
      const wasm = await ops.activate(['wasm'], undefined, wasmThreads);
      const onWasm = await time();
      const pick = pickFaster({ backend: gpu, msPerStep: onGpu }, { backend: 'wasm', msPerStep: onWasm });
      await ops.use(pick.backend);
      post({ type: 'backend', backend: pick.backend, reason: pick.reason, tried: [], ...(pick.backend === 'wasm' ? threadsOf(wasm) : {}) });
      return pick.backend;
    } catch {
      // A failed race leaves the first choice: it did start, and timing is only an optimisation.
      await ops.use(gpu);
      return gpu;
    }
  }

  return {
    async start(facts, choice, threads = 'auto') {
      const { order, reasons, cannotStart } = chooseBackendOrder(facts, choice);
      const plan = planWasmThreads(facts, threads);
      wasmThreads = plan.threads;
      reasons.wasm = `${reasons.wasm}; ${plan.why}`;
      const active = await ops.activate(order, reasons, wasmThreads);
      preferred = active.backend;
      race = choice === 'auto';
      backendFor.clear();
      const shortOf = active.backend === 'wasm' && (active.threads ?? 1) < wasmThreads ? '; tfjs could not start its threads here, so single-threaded' : '';
      // A choice that cannot start here is said first, with why, though tfjs never saw it.
      const tried = [...(cannotStart ? [cannotStart] : []), ...active.tried];
      post({ type: 'backend', backend: active.backend, reason: active.reason + shortOf, tried, ...threadsOf(active) });
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

/** The `threads` field of a backend message: only wasm has threads. */
const threadsOf = (active: Pick<ActivatedBackend, 'backend' | 'threads'>): { threads?: number } =>
  active.backend === 'wasm' && active.threads !== undefined ? { threads: active.threads } : {};
