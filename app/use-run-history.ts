import { restoreRuns, startRunHistory } from './store/run-history';
import { useRestoreThenKeep } from './use-restore-then-keep';

/** Reads the kept runs into the Train tab's history, then keeps every run recorded, renamed or deleted. */
export function useRunHistory(): void {
  useRestoreThenKeep(restoreRuns, startRunHistory);
}
