import { prepareFromDataset } from '../../src/data/prepare';
import type { SplitDataset } from '../../src/data/types';
import { UserFileError } from '../../src/lib/errors';
import { prepareInWorker } from '../data/csv-client';
import { planSettled } from '../data/load-data';
import { useStore } from '../store/store';
import { setLastSplit } from './last-split';
import { startTraining } from './training-client';

let cache: { key: readonly unknown[]; split: Promise<SplitDataset> } | undefined;

/**
 * The training and validation samples for the data in memory, prepared as the data panel's plan
 * says (tables, in the table worker) or with the training settings' validation split and seed
 * (ready datasets). The same split comes back while nothing it depends on changed, so the
 * training worker keeps its copy.
 */
export async function prepareSplit(): Promise<SplitDataset> {
  await planSettled();
  const { loaded, data, training } = useStore.getState();
  if (!loaded) throw new UserFileError('choose data first, in the Data tab');
  const key = [loaded, data, training.validationSplit, training.seed];
  if (!cache || cache.key.length !== key.length || !cache.key.every((k, i) => k === key[i])) {
    cache = { key, split: splitFor(loaded, data, training) };
    // A failed preparation is not kept: the next Train asks again.
    const failed = cache;
    failed.split.catch(() => {
      if (cache === failed) cache = undefined;
    });
  }
  const split = await cache.split;
  setLastSplit(split);
  return split;
}

type State = ReturnType<typeof useStore.getState>;

function splitFor(loaded: NonNullable<State['loaded']>, data: State['data'], training: State['training']): Promise<SplitDataset> {
  if (loaded.kind !== 'table') return Promise.resolve(prepareFromDataset(loaded.dataset, training.validationSplit, training.seed));
  if ((data.kind !== 'csv' && data.kind !== 'sample') || !data.plan || !data.fitted) {
    return Promise.reject(new UserFileError('the data plan has a problem; fix it in the Data tab first'));
  }
  return prepareInWorker(loaded.tableId, data.plan, data.fitted, loaded.validation?.tableId);
}

/**
 * Train's click: prepares the samples, then starts a run on them. A second click while the first
 * still prepares does nothing, even from a remounted button: the worker runs one run at a time.
 */
export async function trainOnCurrentData(): Promise<void> {
  if (useStore.getState().preparing) return;
  useStore.setState({ preparing: true });
  try {
    startTraining(await prepareSplit());
  } catch (error) {
    useStore.getState().showNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
  } finally {
    useStore.setState({ preparing: false });
  }
}
