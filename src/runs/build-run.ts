import { RUN_WEIGHTS_CAP_BYTES, type RecordedStatus, type ReportHeadline, type RunRecord, type WeightsNote } from './run-record';

/** What a run trains, as the project stood when it began (wall-clock `startedAt`, ms since 1970). */
export type RunStart = Pick<RunRecord, 'startedAt' | 'modelKey' | 'graph' | 'data' | 'training' | 'callbacks' | 'fineTune'>;

/** How a run ended. `weightBytes` is the size of its trained weights (float32), absent when it has none. */
export interface RunEnd {
  readonly id: string;
  readonly name: string;
  readonly durationMs: number;
  readonly status: RecordedStatus;
  readonly message?: string;
  readonly backend: string | null;
  /** On wasm, the threads it trained with. */
  readonly threads?: number;
  readonly epochs: readonly Readonly<Record<string, number>>[];
  /** The 0-based number of its first epoch: more than 0 when it continued from earlier weights. */
  readonly initialEpoch?: number;
  readonly report?: ReportHeadline;
  readonly weightBytes?: number;
}

/** Whether weights of `bytes` bytes are kept under `cap`, as the record says it. */
export function weightsNote(bytes: number | undefined, cap = RUN_WEIGHTS_CAP_BYTES): WeightsNote {
  if (bytes === undefined) return { state: 'none' };
  return bytes <= cap ? { state: 'kept', bytes } : { state: 'over-cap', bytes, cap };
}

/** The run's record: its start's snapshot, and its end; the final metrics are the last epoch's logs. */
export function buildRunRecord(start: RunStart, end: RunEnd, cap = RUN_WEIGHTS_CAP_BYTES): RunRecord {
  return {
    id: end.id,
    name: end.name,
    startedAt: start.startedAt,
    durationMs: Math.max(0, end.durationMs),
    status: end.status,
    ...(end.message === undefined ? {} : { message: end.message }),
    modelKey: start.modelKey,
    graph: start.graph,
    data: start.data,
    training: start.training,
    callbacks: start.callbacks,
    fineTune: start.fineTune,
    backend: end.backend,
    ...(end.threads === undefined ? {} : { threads: end.threads }),
    epochs: end.epochs,
    ...(end.initialEpoch ? { initialEpoch: end.initialEpoch } : {}),
    final: { logs: end.epochs[end.epochs.length - 1] ?? {}, ...(end.report ? { report: end.report } : {}) },
    weights: weightsNote(end.weightBytes, cap),
  };
}

/** "Run N" for the next run: one past the highest "Run N" kept, so names stay unique after deletes. */
export function nextRunName(records: readonly Pick<RunRecord, 'name'>[]): string {
  const taken = records.map((r) => /^Run (\d+)$/.exec(r.name)?.[1]).filter((n) => n !== undefined);
  return `Run ${Math.max(0, ...taken.map(Number)) + 1}`;
}

/** A validation report's headline numbers, from a classification or regression report. */
export function headlineOf(
  report:
    | { readonly kind: 'classification'; readonly accuracy: number }
    | { readonly kind: 'regression'; readonly mae: number; readonly rmse: number; readonly r2: number },
): ReportHeadline {
  return report.kind === 'classification'
    ? { kind: 'classification', accuracy: report.accuracy }
    : { kind: 'regression', mae: report.mae, rmse: report.rmse, r2: report.r2 };
}
