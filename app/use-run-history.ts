import { useEffect } from 'react';
import { restoreRuns, startRunHistory } from './store/run-history';

/** Reads the kept runs into the Train tab's history, then keeps every run recorded, renamed or deleted. */
export function useRunHistory(): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void restoreRuns().then((stored) => {
      if (!cancelled) stop = startRunHistory(stored);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}
