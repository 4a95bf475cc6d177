import { carriedSplit, DEFAULT_SPLIT, fractionOf } from '../../src/data/validation';
import type { FractionSplit } from '../../src/data/validation';
import type { DataSignature } from '../../src/data/wiring';
import type { DroppedItem } from '../../src/data/images/sources';
import { formatCount } from '../../src/lib/format-count';
import { ImageLoadCancelled } from '../clients/image-client';
import { dataLoads, tables } from '../services';
import type { LoadedData } from '../store/data-slice';
import { useStore } from '../store/store';
import { messageOf, refuseDuringRun } from './data-plan';

// What every load of data shares (tables, images, IDX files, sound clips): the panel's loading
// state, replacing what is in memory, the split new data starts with, and progress.

const store = () => useStore.getState();

/**
 * Runs a load with the panel's loading state; a failure shows its reason and keeps the old data.
 * `load` gets a check that is false once a later load started: its result must then be dropped.
 */
export async function loading(label: string, load: (current: () => boolean) => Promise<void>): Promise<void> {
  if (refuseDuringRun()) return;
  const current = dataLoads.loads.begin();
  store().setDataStatus({ kind: 'loading', label, progress: null });
  try {
    await load(current);
  } catch (error) {
    if (!current()) return;
    // A cancelled load leaves the data as it was; the notice says so.
    if (error instanceof ImageLoadCancelled) store().setDataStatus({ kind: 'info', message: 'Loading was cancelled; the data shown before is kept.' });
    else store().setDataStatus({ kind: 'error', message: messageOf(error) });
  }
}

/**
 * Puts other data in memory: the table worker forgets the tables shown until now, and a fit of
 * them still in flight no longer lands.
 */
export function replaceLoaded(next: LoadedData | null, signature: DataSignature | null): void {
  const { loaded } = store();
  if (loaded?.kind === 'table') {
    tables.release(loaded.tableId);
    if (loaded.validation) tables.release(loaded.validation.tableId);
  }
  dataLoads.fits.invalidate();
  store().setLoaded(next, signature);
}

/** The split of ready data: its own when the same source is read again (a reopened project), else the carried one. */
export function readySplit(same: boolean): FractionSplit {
  const { data } = store();
  return same ? fractionOf(data) : carriedSplit(data, DEFAULT_SPLIT);
}

/** Shows `what (done of total)…` with a bar and Cancel, while the load is still the latest. */
export function progress(current: () => boolean, what: string): (done: number, total: number) => void {
  return (done, total) => {
    if (!current()) return;
    store().setDataStatus({
      kind: 'loading',
      label: `${what} (${formatCount(done)} of ${formatCount(total)})…`,
      progress: done / total,
      images: { done, total },
    });
  };
}

/** The folder (or file) name the first of `files` lies in, naming the data in the panel. */
export function firstFolder(files: readonly File[] | readonly DroppedItem[], fallback = 'images'): string {
  const first = files[0];
  if (!first) return fallback;
  const path = 'folder' in first ? first.folder : 'relativePath' in first ? first.relativePath : first.webkitRelativePath || first.name;
  return path.split('/')[0] || path;
}
