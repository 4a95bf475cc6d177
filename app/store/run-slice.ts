import type { StateCreator } from 'zustand';
import type { ClassificationReport, RegressionReport } from '../../src/train/evaluate';
import type { Logs } from '../../src/train/protocol';
import { appendBatchLosses } from './batch-series';
import { ownWeights, runOriginOf } from './history-slice';
import { EMPTY_INSIGHT } from './insight-slice';
import type { ModelWeights } from './model-weights';
import type { Store } from './store';
import { EMPTY_BATCH_SERIES } from './training-slice';
import type { ActiveBackend, RunState } from './training-slice';

const isLive = (run: RunState | null): run is RunState => run?.status === 'running' || run?.status === 'starting';

/** Empty charts whose first epoch is `start` (0-based). */
const freshCharts = (start: number) => ({ history: [], historyStart: start, batchLoss: EMPTY_BATCH_SERIES });

/**
 * How runs, the backend and the model's weights change: the one writer of the training slice's
 * run state, so the training client, its run messages and the use-cases say what happened and the
 * store decides what that does to the state. (The state itself stays in `training-slice.ts`.)
 */
export interface RunSlice {
  /**
   * A new run begins: the last run's report and views go, and its charts too unless this run
   * continues from the weights they ended with (its `initialEpoch` is where they ended); the
   * project as it stands is what the run's record will say it trained.
   */
  beginRun(run: RunState): void;
  /**
   * The worker started run `runId`; it reports the run's real size and the epoch it counts from
   * (0 when it could not go on from the weights asked for: the charts then start again).
   */
  runStarted(runId: number, size: Pick<RunState, 'epochs' | 'batchesPerEpoch' | 'samples' | 'initialEpoch'>): void;
  /** Fine-tuning's phase 2 of run `runId` began at 0-based `epoch`, unfreezing the layers named. */
  phaseStarted(runId: number, epoch: number, unfrozen: readonly string[]): void;
  /** Progress the client queued, in one update: the run's position, batch losses and epoch logs. */
  recordProgress(run: RunState, losses: readonly number[], epochs: readonly Logs[]): void;
  /** Run `runId` ends without its `done` (failed, or stopped by force), and is kept in the history; nothing when it is no longer live. */
  endRun(runId: number, status: 'failed' | 'stopped', message: string): void;
  /** The run's `done`: how it ended, and its validation report; the run is kept in the history. */
  finishRun(run: RunState, report: ClassificationReport | RegressionReport | null): void;
  setPreparing(preparing: boolean): void;
  /**
   * The backend the worker trains on (null while it chooses). `tried` are the backends that could
   * not start before it: the chosen one among them is kept as `backendFailed`, which later
   * messages (a per-model race) leave as it is, until another choice or a new worker.
   */
  setBackend(backend: ActiveBackend | null, tried?: readonly { readonly name: string; readonly error: string }[]): void;
  /** The model's weights: from a run, an imported model, an opened project or the autosave. */
  setModelWeights(weights: ModelWeights | null): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  beginRun: (run) => {
    const s = get();
    const goesOn =
      run.initialEpoch > 0 && s.historyWeights !== null && s.historyWeights === s.modelWeights && s.historyStart + s.history.length === run.initialEpoch;
    set({
      run,
      report: null,
      insight: EMPTY_INSIGHT,
      runOrigin: runOriginOf(s, run.runId),
      // The charts now hold a run in progress: they end with its weights only once it is done.
      historyWeights: null,
      ...(goesOn ? {} : freshCharts(run.initialEpoch)),
    });
  },
  runStarted: (runId, size) => {
    const { run } = get();
    if (run?.runId !== runId) return;
    const restart = size.initialEpoch !== run.initialEpoch;
    set({ run: { ...run, status: 'running', ...size, ...(restart ? { epoch: size.initialEpoch } : {}) }, ...(restart ? freshCharts(size.initialEpoch) : {}) });
  },
  phaseStarted: (runId, epoch, unfrozen) => {
    const { run } = get();
    if (run?.runId === runId && isLive(run)) set({ run: { ...run, fineTuneFrom: epoch, unfrozen } });
  },
  recordProgress: (run, losses, epochs) =>
    set((s) => ({
      run,
      batchLoss: losses.length > 0 ? appendBatchLosses(s.batchLoss, losses) : s.batchLoss,
      history: epochs.length > 0 ? [...s.history, ...epochs] : s.history,
    })),
  endRun: (runId, status, message) => {
    const { run } = get();
    if (run?.runId === runId && isLive(run)) {
      set({ run: { ...run, status, message } });
      get().keepRun();
    }
  },
  finishRun: (run, report) => {
    set({ run, report, historyWeights: ownWeights(get()) });
    get().keepRun();
  },
  setPreparing: (preparing) => set({ preparing }),
  setBackend: (backend, tried = []) =>
    set((s) => {
      const failed = tried.find((t) => t.name === s.backendChoice);
      return { backend, ...(backend === null ? { backendFailed: null } : failed ? { backendFailed: failed } : {}) };
    }),
  setModelWeights: (modelWeights) => set({ modelWeights }),
});
