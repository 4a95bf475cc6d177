import { signatureOfPlan } from '../../src/data/signature';
import type { DataPlan, FittedPreprocessing } from '../../src/data/types';
import type { DataConfig } from '../../src/data/config';
import { dataLoads, tables } from '../services';
import { useStore } from '../store/store';

const store = () => useStore.getState();

/** A failure's message, for the data panel. */
export { messageOf } from '../../src/lib/errors';
import { messageOf } from '../../src/lib/errors';

/**
 * True (with a message) while a run trains: it trains on the samples it started with, so other
 * data now would be silently ignored until the next run.
 */
export function refuseDuringRun(): boolean {
  const status = store().run?.status;
  if (status !== 'running' && status !== 'starting') return false;
  store().showNotice({ kind: 'error', text: 'Stop the training run before changing the data: a run trains on the data it started with.' });
  return true;
}

/** Where a table came from: an uploaded CSV or a built-in sample. */
export type TableSource = { kind: 'csv'; fileName: string } | { kind: 'sample'; sampleId: string };

/** Where the table of the data settings came from, when they describe a table. */
const sourceOf = (data: DataConfig): TableSource | undefined =>
  data.kind === 'csv' ? { kind: 'csv', fileName: data.fileName } : data.kind === 'sample' ? { kind: 'sample', sampleId: data.sampleId } : undefined;

const configFor = (source: TableSource, plan: DataPlan, fitted?: FittedPreprocessing): DataConfig =>
  source.kind === 'csv'
    ? { kind: 'csv', fileName: source.fileName, plan, ...(fitted ? { fitted } : {}) }
    : { kind: 'sample', sampleId: source.sampleId, plan, ...(fitted ? { fitted } : {}) };

/**
 * Applies a plan to the table in memory: records it at once (so quick edits build on each other),
 * has the table worker check and fit it, then records the fitted preprocessing and what the model
 * must take. Only the latest plan's fit lands. A plan with a problem is kept, so the user can fix
 * it, but gives no signature. The source is the current data settings' unless a new table's.
 */
export function applyPlan(plan: DataPlan, source = sourceOf(store().data)): Promise<void> {
  if (refuseDuringRun()) return Promise.resolve();
  const { loaded } = store();
  if (loaded?.kind !== 'table' || source === undefined) return Promise.resolve();
  const current = dataLoads.fits.begin();
  store().setDataConfig(configFor(source, plan));
  return dataLoads.fits.track(
    tables.fit(loaded.tableId, plan).then(
      (result) => {
        if (!current()) return;
        store().setDataConfig(configFor(source, plan, result.ok ? result.fitted : undefined));
        store().setDataSignature(result.ok ? signatureOfPlan(plan, result.fitted) : null);
        store().setTextReport(result.ok ? result.text : null);
        store().setDataStatus(result.ok ? { kind: 'idle' } : { kind: 'error', message: result.problem });
      },
      (error: unknown) => {
        if (current()) store().setDataStatus({ kind: 'error', message: messageOf(error) });
      },
    ),
  );
}

/** Resolves once the latest plan is fitted (or refused), even if it changes meanwhile. */
export const planSettled = (): Promise<void> => dataLoads.fits.settled();
