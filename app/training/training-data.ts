import { prepareFromDataset, prepareFromTable } from '../../src/data/prepare';
import type { SplitDataset } from '../../src/data/types';
import { UserFileError } from '../../src/lib/errors';
import { useStore } from '../store/store';

let cache: { key: readonly unknown[]; split: SplitDataset } | undefined;

/**
 * The training and validation samples for the data in memory, prepared as the data panel's plan
 * says (tables) or with the training settings' validation split and seed (ready datasets). The
 * same split object comes back while nothing it depends on changed, so the worker keeps its copy.
 */
export function currentSplit(): SplitDataset {
  const { loaded, data, training } = useStore.getState();
  if (!loaded) throw new UserFileError('choose data first, in the Data tab');
  const key = [loaded, data, training.validationSplit, training.seed];
  if (cache && cache.key.length === key.length && cache.key.every((k, i) => k === key[i])) return cache.split;
  let split: SplitDataset;
  if (loaded.kind === 'table') {
    if ((data.kind !== 'csv' && data.kind !== 'sample') || !data.plan || !data.fitted) {
      throw new UserFileError('the data plan has a problem; fix it in the Data tab first');
    }
    split = prepareFromTable(loaded.table, data.plan, data.fitted, loaded.validation);
  } else {
    split = prepareFromDataset(loaded.dataset, training.validationSplit, training.seed);
  }
  cache = { key, split };
  return split;
}

/** The split of the last run, for evaluating its outputs. */
export function lastSplit(): SplitDataset | undefined {
  return cache?.split;
}
