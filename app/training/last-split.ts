import type { SplitDataset } from '../../src/data/types';

let last: SplitDataset | undefined;

/** Records the split a run is about to train on. */
export function setLastSplit(split: SplitDataset): void {
  last = split;
}

/** The split of the last run, for evaluating its outputs. */
export function lastSplit(): SplitDataset | undefined {
  return last;
}
