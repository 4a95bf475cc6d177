import { assertNever } from '../../src/lib/assert-never';
import type { RunRecord, WeightsNote } from '../../src/runs/run-record';
import { threadsText } from '../../src/train/wasm-threads';

/** Colours of the compared runs' curves, in turn. */
export const RUN_COLORS = [
  'var(--cat-core)',
  'var(--cat-convolution)',
  'var(--cat-regularization)',
  'var(--cat-recurrent)',
  'var(--cat-attention)',
  'var(--cat-merge)',
  'var(--cat-pooling)',
  'var(--cat-normalization)',
];

/** The metric a run list shows: validation accuracy when logged, else validation loss, else loss. */
export function headlineMetric(run: RunRecord): { readonly name: string; readonly value: number } | null {
  for (const name of ['val_accuracy', 'val_loss', 'loss']) {
    const value = run.final.logs[name];
    if (value !== undefined) return { name, value };
  }
  return null;
}

/** A metric value as tables show it: 4 significant digits. */
export const shownMetric = (value: number | undefined): string =>
  value === undefined ? '' : Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);

/** Where a run trained: `wasm, 2 threads`, `webgl`; an em dash when not recorded. */
export function shownBackend(run: Pick<RunRecord, 'backend' | 'threads'>): string {
  if (run.backend === null) return '—';
  return run.threads === undefined ? run.backend : `${run.backend}, ${threadsText(run.threads)}`;
}

/** How long a run took, and per epoch: `42.1 s (4.21 s an epoch)`. */
export function shownDuration(run: Pick<RunRecord, 'durationMs' | 'epochs'>): string {
  const s = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toPrecision(3)} s`);
  const n = run.epochs.length;
  return n > 0 ? `${s(run.durationMs)} (${s(run.durationMs / n)} an epoch)` : s(run.durationMs);
}

/** Whether a run kept its weights, in words. */
export function weightsLabel(note: WeightsNote): string {
  switch (note.state) {
    case 'kept':
      return 'kept';
    case 'over-cap':
      return `too large (${Math.round(note.bytes / 1024 / 1024)} MB)`;
    case 'none':
      return 'none';
    default:
      return assertNever(note, 'weights note');
  }
}

/** The chart's key for each run: its name, made unique when two runs share one. */
export function seriesKeys(runs: readonly RunRecord[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((r) => {
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return n === 1 ? r.name : `${r.name} (${n})`;
  });
}

/**
 * One row per epoch (1-based, counted from the weights' first run: a continued run's curve starts
 * where the run it went on from ended) with each run's `metric` under its series key, for one
 * overlaid chart.
 */
export function overlayRows(runs: readonly RunRecord[], metric: string): Record<string, number>[] {
  const keys = seriesKeys(runs);
  const first = (r: RunRecord) => r.initialEpoch ?? 0;
  const start = Math.min(...runs.map(first));
  const end = Math.max(0, ...runs.map((r) => first(r) + r.epochs.length));
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => {
    const epoch = start + i;
    const row: Record<string, number> = { epoch: epoch + 1 };
    runs.forEach((r, k) => {
      const value = r.epochs[epoch - first(r)]?.[metric];
      if (value !== undefined) row[keys[k] ?? r.name] = value;
    });
    return row;
  });
}

/** A run's start, short: "2 Jan, 03:04". */
export const shownTime = (ms: number): string => new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
