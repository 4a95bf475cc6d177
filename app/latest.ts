/**
 * A sequence of tasks where the newest wins: each `begin()` makes every earlier task stale, so a
 * task that ends after a newer one began drops its result. `settled()` waits for the newest task,
 * even one begun while it waits.
 */
export interface Latest {
  /** Starts a task; the check stays true until a later `begin()` or `invalidate()`. */
  begin(): () => boolean;
  /** Makes every task so far stale, without starting one (their results belong to data now gone). */
  invalidate(): void;
  /** Records the promise of the newest task, for `settled()`; returns it. */
  track<T>(done: Promise<T>): Promise<T>;
  /** Resolves once the newest tracked task has ended, and no newer one was tracked meanwhile. */
  settled(): Promise<void>;
}

/** A sequence with no task yet. */
export function createLatest(): Latest {
  let ticket = 0;
  let newest: Promise<unknown> = Promise.resolve();
  return {
    begin() {
      const mine = ++ticket;
      return () => mine === ticket;
    },
    invalidate() {
      ticket++;
    },
    track(done) {
      // Its failure is its caller's to handle; settled() only waits for it to end.
      newest = done.catch(() => undefined);
      return done;
    },
    async settled() {
      let seen: Promise<unknown> | undefined;
      while (seen !== newest) {
        seen = newest;
        await seen;
      }
    },
  };
}
