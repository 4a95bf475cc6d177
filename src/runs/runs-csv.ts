import Papa from 'papaparse';
import type { RunRecord } from './run-record';

/** `loss`, the other training metrics, `val_loss`, the other validation metrics: the order Keras prints them in. */
const rank = (name: string) => (name === 'loss' ? 0 : name === 'val_loss' ? 2 : name.startsWith('val_') ? 3 : 1);

/**
 * Every metric the runs logged, training metrics before validation ones (`loss, accuracy,
 * val_loss, val_accuracy`), otherwise in the order first seen: tfjs logs them in no fixed order.
 */
export function metricNames(records: readonly Pick<RunRecord, 'epochs'>[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const logs of r.epochs) for (const key of Object.keys(logs)) names.add(key);
  return [...names].sort((a, b) => rank(a) - rank(b));
}

/**
 * The runs' history as CSV: one row per run per epoch (1-based), columns `run` (the id), `name`,
 * `epoch`, then every metric any run logged; a metric a run did not log is an empty cell. Names
 * are quoted as CSV needs, and one that starts like a spreadsheet formula is defused with a `'`.
 */
export function runsToCsv(records: readonly RunRecord[]): string {
  const metrics = metricNames(records);
  const rows = records.flatMap((r) => r.epochs.map((logs, i) => [r.id, r.name, (r.initialEpoch ?? 0) + i + 1, ...metrics.map((m) => logs[m] ?? null)]));
  const text = Papa.unparse({ fields: ['run', 'name', 'epoch', ...metrics], data: rows }, { escapeFormulae: true, newline: '\n' });
  // With no rows papaparse already ends the header with a new line.
  return text.endsWith('\n') ? text : `${text}\n`;
}
