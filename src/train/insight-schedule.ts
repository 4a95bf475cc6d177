/**
 * When the views are sampled: at most every {@link INSIGHT_INTERVAL_MS} and at each epoch's last
 * batch, but only while sampling has cost at most {@link INSIGHT_BUDGET} of the run's time so
 * far, so training keeps at least 0.9 of its throughput with the views on.
 */

/** The least time between two samples within an epoch, in milliseconds. */
export const INSIGHT_INTERVAL_MS = 300;
/** The share of the run's elapsed time that sampling may take. */
export const INSIGHT_BUDGET = 0.05;

/** Decides, batch by batch, whether the next step is sampled. */
export interface InsightSchedule {
  /**
   * Whether the coming step is sampled; `epochEnd` when it is the last batch of its epoch. The
   * first call says yes (the run's first step); a yes counts as that step's sample time.
   */
  due(epochEnd: boolean): boolean;
  /** Sampling took `ms` more milliseconds. */
  spent(ms: number): void;
  /** Milliseconds spent sampling in all. */
  readonly total: number;
}

/** A schedule that starts its clock now; `clock` returns milliseconds (performance.now in the worker). */
export function insightSchedule(clock: () => number, intervalMs = INSIGHT_INTERVAL_MS, budget = INSIGHT_BUDGET): InsightSchedule {
  const start = clock();
  let last: number | undefined;
  let total = 0;
  return {
    due(epochEnd) {
      const now = clock();
      if (last !== undefined) {
        if (total > budget * (now - start)) return false;
        if (!epochEnd && now - last < intervalMs) return false;
      }
      last = now;
      return true;
    },
    spent(ms) {
      total += ms;
    },
    get total() {
      return total;
    },
  };
}
