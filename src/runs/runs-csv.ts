import Papa from 'papaparse';
import type { RunRecord } from './run-record';

/** Every metric the runs logged, in the order first seen: `loss` first, as Keras logs it. */
export function metricNames(records: readonly Pick<RunRecord, 'epochs'>[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const logs of r.epochs) for (const key of Object.keys(logs)) names.add(key);
  return [...names];
}

/**
 * The runs' history as CSV: one row per run per epoch (1-based), columns `run` (the id), `name`,
 * `epoch`, then every metric any run logged; a metric a run did not log is an empty cell. Names
 * are quoted as CSV needs, and one that starts like a spreadsheet formula is defused with a `'`.
 */
export function runsToCsv(records: readonly RunRecord[]): string {
  const metrics = metricNames(records);
  const rows = records.flatMap((r) => r.epochs.map((logs, i) => [r.id, r.name, i + 1, ...metrics.map((m) => logs[m] ?? null)]));
  const text = Papa.unparse({ fields: ['run', 'name', 'epoch', ...metrics], data: rows }, { escapeFormulae: true, newline: '\n' });
  // With no rows papaparse already ends the header with a new line.
  return text.endsWith('\n') ? text : `${text}\n`;
}
