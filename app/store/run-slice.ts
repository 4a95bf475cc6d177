import type { StateCreator } from 'zustand';
import type { ClassificationReport, RegressionReport } from '../../src/train/evaluate';
import type { Logs } from '../../src/train/protocol';
import { appendBatchLosses } from './batch-series';
import { runOriginOf } from './history-slice';
import { EMPTY_INSIGHT } from './insight-slice';
import type { ModelWeights } from './model-weights';
import type { Store } from './store';
import { EMPTY_BATCH_SERIES } from './training-slice';
import type { ActiveBackend, RunState } from './training-slice';

const isLive = (run: RunState | null): run is RunState => run?.status === 'running' || run?.status === 'starting';

/**
 * How runs, the backend and the model's weights change: the one writer of the training slice's
 * run state, so the training client, its run messages and the use-cases say what happened and the
 * store decides what that does to the state. (The state itself stays in `training-slice.ts`.)
 */
export interface RunSlice {
  /** A new run begins: the last run's charts, report and views go; the project as it stands is what the run's record will say it trained. */
  beginRun(run: RunState): void;
  /** The worker started run `runId`; it reports the run's real size. */
  runStarted(runId: number, size: Pick<RunState, 'epochs' | 'batchesPerEpoch' | 'samples'>): void;
  /** Fine-tuning's phase 2 of run `runId` began at 0-based `epoch`, unfreezing the layers named. */
  phaseStarted(runId: number, epoch: number, unfrozen: readonly string[]): void;
  /** Progress the client queued, in one update: the run's position, batch losses and epoch logs. */
  recordProgress(run: RunState, losses: readonly number[], epochs: readonly Logs[]): void;
  /** Run `runId` ends without its `done` (failed, or stopped by force), and is kept in the history; nothing when it is no longer live. */
  endRun(runId: number, status: 'failed' | 'stopped', message: string): void;
  /** The run's `done`: how it ended, and its validation report; the run is kept in the history. */
  finishRun(run: RunState, report: ClassificationReport | RegressionReport | null): void;
  setPreparing(preparing: boolean): void;
  setBackend(backend: ActiveBackend | null): void;
  /** The model's weights: from a run, an imported model, an opened project or the autosave. */
  setModelWeights(weights: ModelWeights | null): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  beginRun: (run) => set({ run, history: [], batchLoss: EMPTY_BATCH_SERIES, report: null, insight: EMPTY_INSIGHT, runOrigin: runOriginOf(get(), run.runId) }),
  runStarted: (runId, size) => {
    const { run } = get();
    if (run?.runId === runId) set({ run: { ...run, status: 'running', ...size } });
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
    set({ run, report });
    get().keepRun();
  },
  setPreparing: (preparing) => set({ preparing }),
  setBackend: (backend) => set({ backend }),
  setModelWeights: (modelWeights) => set({ modelWeights }),
});
