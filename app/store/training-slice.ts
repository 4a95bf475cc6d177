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
  /** Epochs this run trains (fine-tuning's phase 2 included). */
  readonly epochs: number;
  readonly batchesPerEpoch: number;
  readonly samples: number;
  /**
   * The 0-based number of the run's first epoch, as Keras's `initial_epoch`: 0 for fresh weights,
   * the epochs the weights already had when the run continues from them.
   */
  readonly initialEpoch: number;
  /** The epoch the run is in (0-based, counted from the weights' first run), or, once it ended, the epochs they have had. */
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
  /** The chosen backend, when it could not start, and why (the worker then trains on `backend`). */
  readonly backendFailed: { readonly name: string; readonly error: string } | null;
  readonly continueFrom: 'fresh' | 'current';
  readonly run: RunState | null;
  /** True while Train waits for the data's samples, before the run starts. */
  readonly preparing: boolean;
  /**
   * Epoch logs on the charts, in order: the current run's, after those of the runs it continues
   * (a continued run goes on along the same curves).
   */
  readonly history: readonly Logs[];
  /** The 0-based epoch number of `history[0]`. */
  readonly historyStart: number;
  /** The weights the charted history ended with (the last run's own), or null; a run that continues from them keeps the charts. */
  readonly historyWeights: ModelWeights | null;
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
  backendFailed: null,
  continueFrom: 'fresh',
  run: null,
  preparing: false,
  history: [],
  historyStart: 0,
  historyWeights: null,
  batchLoss: EMPTY_BATCH_SERIES,
  report: null,
  modelWeights: null,
  setBackendChoice: (backendChoice) => set({ backendChoice, backend: null, backendFailed: null }),
  setContinueFrom: (continueFrom) => set({ continueFrom }),
});
