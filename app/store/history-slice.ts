import type { StateCreator } from 'zustand';
import { buildRunRecord, headlineOf, nextRunName, type RunStart } from '../../src/runs/build-run';
import type { RunRecord } from '../../src/runs/run-record';
import { graphKeyOf, type ModelWeights } from './model-weights';
import type { Store } from './store';

/** What a run began from: the project's snapshot, and the weights the store held then. */
export interface RunOrigin extends RunStart {
  readonly runId: number;
  /** The store's weights when the run began: new trained weights at its end are the run's own. */
  readonly weightsBefore: ModelWeights | null;
}

/** The run history: every finished run, kept across reloads (`run-history.ts` stores it). */
export interface HistorySlice {
  /** Kept runs, oldest first. */
  readonly runs: readonly RunRecord[];
  /** The run in progress's snapshot, taken when it began; null once it is recorded. */
  readonly runOrigin: RunOrigin | null;
  /** The latest recorded run's trained weights (the store's `modelWeights` object), for storage to keep with it. */
  readonly runWeights: { readonly id: string; readonly weights: ModelWeights } | null;
  /** Records the run that just ended, from its origin and the store's history, report, backend and weights; once. */
  keepRun(): void;
  /** Adds runs (the stored ones, or a project's) by id: one already kept stays as it is. */
  addRuns(runs: readonly RunRecord[]): void;
  deleteRun(id: string): void;
  /** Renames a run; returns why not (an empty name), or null. */
  renameRun(id: string, name: string): string | null;
}

const newRunId = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** The bytes of float32 weights. */
const weightBytes = (weights: ModelWeights) => weights.weights.reduce((n, w) => n + w.values.length * 4, 0);

/** The project as run `runId` begins: what the record says was trained. */
export function runOriginOf(s: Store, runId: number): RunOrigin {
  return {
    runId,
    startedAt: Date.now(),
    modelKey: graphKeyOf(s.graph),
    graph: s.graph,
    data: s.data,
    training: s.training,
    callbacks: s.callbacks,
    fineTune: s.fineTune,
    weightsBefore: s.modelWeights,
  };
}

/**
 * The weights the run in progress (or just ended) made: only weights that arrived during the run,
 * for its model, are its own (a failed run leaves the last ones). Null without a run origin.
 */
export function ownWeights(s: Store): ModelWeights | null {
  const origin = s.runOrigin;
  if (!origin || origin.runId !== s.run?.runId) return null;
  const w = s.modelWeights;
  return w !== origin.weightsBefore && w?.source === 'trained' && w.key === origin.modelKey ? w : null;
}

export const createHistorySlice: StateCreator<Store, [], [], HistorySlice> = (set, get) => ({
  runs: [],
  runOrigin: null,
  runWeights: null,
  keepRun() {
    const s = get();
    const { run, runOrigin: origin } = s;
    if (!run || !origin || origin.runId !== run.runId || run.status === 'running' || run.status === 'starting') return;
    const own = ownWeights(s);
    const record = buildRunRecord(origin, {
      id: newRunId(),
      name: nextRunName(s.runs),
      durationMs: performance.now() - run.startedAt,
      status: run.status,
      ...(run.message === undefined ? {} : { message: run.message }),
      backend: s.backend?.name ?? null,
      ...(s.backend?.threads === undefined ? {} : { threads: s.backend.threads }),
      // The charts may begin with the runs this one continued: its own epochs are the last ones.
      epochs: s.history.slice(Math.max(0, run.initialEpoch - s.historyStart)),
      initialEpoch: run.initialEpoch,
      ...(s.report ? { report: headlineOf(s.report) } : {}),
      ...(own ? { weightBytes: weightBytes(own) } : {}),
    });
    set({
      runs: [...s.runs, record],
      runOrigin: null,
      ...(own && record.weights.state === 'kept' ? { runWeights: { id: record.id, weights: own } } : {}),
    });
  },
  addRuns(runs) {
    const have = new Set(get().runs.map((r) => r.id));
    const fresh = runs.filter((r) => !have.has(r.id));
    // Runs begun in the same millisecond keep their numbering's order ("Run 2" before "Run 10").
    const order = (a: RunRecord, b: RunRecord) => a.startedAt - b.startedAt || a.name.localeCompare(b.name, undefined, { numeric: true });
    if (fresh.length > 0) set((s) => ({ runs: [...s.runs, ...fresh].sort(order) }));
  },
  deleteRun: (id) => set((s) => ({ runs: s.runs.filter((r) => r.id !== id), runWeights: s.runWeights?.id === id ? null : s.runWeights })),
  renameRun(id, name) {
    const trimmed = name.trim();
    if (trimmed === '') return 'A run needs a name';
    if (trimmed.length > 200) return 'A run name is at most 200 characters';
    set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, name: trimmed } : r)) }));
    return null;
  },
});
