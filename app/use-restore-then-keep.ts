import { useEffect } from 'react';

/**
 * Reads something kept in the browser's storage once, on mount, then keeps it with what the read
 * found (`keep` returns its stop function, called on unmount). Both must be stable functions.
 */
export function useRestoreThenKeep<T>(restore: () => Promise<T>, keep: (found: T) => () => void): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void restore().then((found) => {
      if (!cancelled) stop = keep(found);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [restore, keep]);
}
