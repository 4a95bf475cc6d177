import type { WasmThreadsChoice } from '../../src/train/wasm-threads';

/** Messages between the throughput bench page and its workers. */
export type BenchModel = 'mlp' | 'cnn' | 'transformer';

export type BenchRequest =
  /** Figure 1: one model trained on wasm, the plain tfjs way (raw) or through the app's trainer service (app). */
  | {
      task: 'fit';
      model: BenchModel;
      samples: number;
      batchSize: number;
      warmupEpochs: number;
      timedEpochs: number;
      seed: number;
      /** App pipeline only: train with the views inside the network on (issue 16's overhead figure). */
      insight?: boolean;
      /** App pipeline only: tfjs's threaded wasm build forced on or off (the threads figure); absent, `auto`. */
      wasmThreads?: WasmThreadsChoice;
    }
  /** Figure 2: the MLP on the backend tfjs picks by itself (raw worker) or the app picks (app worker). */
  | { task: 'backend'; batchSize: number; timeBoxMs: number; maxBatches: number };

export interface BenchResult {
  type: 'result';
  backend: string;
  samplesPerSecond: number;
  samples: number;
  seconds: number;
  /** Snapshots of the views posted during the run (app pipeline with `insight` only). */
  snapshots?: number;
  /** Milliseconds the views' snapshots took in all, as they report it. */
  insightMs?: number;
  /** Training FLOPs per sample of the model by the bench's counting rule (raw fit only). */
  flopsPerSample?: number;
  /** Progress messages posted during the run (app pipeline only). */
  progressMessages?: number;
  /** App pipeline on wasm: the threads tfjs ran (1: the single-threaded build). */
  threads?: number;
  /** App pipeline on wasm: whether Netloom's own kernels were bound to the backend's memory. */
  ownKernels?: boolean;
  reason?: string;
}

export type BenchResponse =
  BenchResult | { type: 'batch'; epoch: number; batch: number; loss: number; samplesPerSecond: number } | { type: 'error'; message: string };
