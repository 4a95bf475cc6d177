import type { StateCreator } from 'zustand';
import type { ClassificationReport, RegressionReport } from '../../src/train/evaluate';
import type { BackendChoice, Logs } from '../../src/train/protocol';
import type { RunStatus } from '../../src/train/run-training';
import type { ModelWeights } from './model-weights';
import type { Store } from './store';

/** The run in progress or the last one. */
export interface RunState {
  readonly runId: number;
  readonly status: 'starting' | 'running' | RunStatus;
  readonly message?: string;
  readonly epochs: number;
  readonly batchesPerEpoch: number;
  readonly samples: number;
  readonly epoch: number;
  readonly batch: number;
  readonly samplesPerSecond: number;
  readonly startedAt: number;
  /** The `modelKey` of the graph this run trains. */
  readonly modelKey: string;
  readonly learningRate?: number;
  /** Estimated seconds to the end of the run, from the pace so far. */
  readonly secondsLeft?: number;
  /** With the fine-tune preset: the 0-based epoch phase 2 began at, once it has. */
  readonly fineTuneFrom?: number;
  /** The layer names phase 2 unfroze. */
  readonly unfrozen?: readonly string[];
}

/** One point of the per-batch loss curve. */
// A type, not an interface, so it passes as a chart row (a record of numbers).
export type BatchPoint = {
  readonly step: number;
  readonly loss: number;
  readonly smoothed: number;
};

/** The per-batch loss curve: points whose steps are `stride` apart, and the latest step last. */
export interface BatchSeries {
  readonly stride: number;
  readonly points: readonly BatchPoint[];
}

export const EMPTY_BATCH_SERIES: BatchSeries = { stride: 1, points: [] };

/** The backend the worker trains on, why, and on wasm its threads (1: the single-threaded build). */
export interface ActiveBackend {
  readonly name: string;
  readonly reason: string;
  readonly threads?: number;
}

/** Training state: backend, settings outside the project, the run, its history and report. */
export interface TrainingSlice {
  readonly backendChoice: BackendChoice;
  readonly backend: ActiveBackend | null;
  readonly continueFrom: 'fresh' | 'current';
  readonly run: RunState | null;
  /** True while Train waits for the data's samples, before the run starts. */
  readonly preparing: boolean;
  /** Epoch logs of the current run, in order. */
  readonly history: readonly Logs[];
  readonly batchLoss: BatchSeries;
  readonly report: ClassificationReport | RegressionReport | null;
  /**
   * The weights of the model: from the last run, an imported model or an opened project. They are
   * kept with the model they fit (`weightsFor` tells whether that is the current graph), saved
   * with the project and restored on reload.
   */
  readonly modelWeights: ModelWeights | null;
  setBackendChoice(choice: BackendChoice): void;
  setContinueFrom(from: 'fresh' | 'current'): void;
}

export const createTrainingSlice: StateCreator<Store, [], [], TrainingSlice> = (set) => ({
  backendChoice: 'auto',
  backend: null,
  continueFrom: 'fresh',
  run: null,
  preparing: false,
  history: [],
  batchLoss: EMPTY_BATCH_SERIES,
  report: null,
  modelWeights: null,
  setBackendChoice: (backendChoice) => set({ backendChoice, backend: null }),
  setContinueFrom: (continueFrom) => set({ continueFrom }),
});
