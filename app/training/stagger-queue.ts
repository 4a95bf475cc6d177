/** Redraws waiting their turn, one per task. */
export interface StaggerQueue {
  /** Queues `draw` for `key`, replacing one of the same key not yet drawn. */
  schedule(key: object, draw: () => void): void;
  /** Forgets `key`'s redraw, if it has not run yet. */
  cancel(key: object): void;
}

/**
 * A queue that runs one redraw per task (`setTimeout(0)`), so the page can paint and take input
 * between them. A newer value replaces a redraw not yet run; a failed redraw does not stop the rest.
 */
export function createStaggerQueue(defer: (run: () => void) => void = (run) => void setTimeout(run, 0)): StaggerQueue {
  const pending = new Map<object, () => void>();
  let scheduled = false;

  function drawNext(): void {
    const next = pending.entries().next();
    try {
      if (!next.done) {
        const [key, draw] = next.value;
        pending.delete(key);
        draw();
      }
    } finally {
      // Even after a failed draw the others still get theirs.
      scheduled = pending.size > 0;
      if (scheduled) defer(drawNext);
    }
  }

  return {
    schedule(key, draw) {
      pending.set(key, draw);
      if (!scheduled) {
        scheduled = true;
        defer(drawNext);
      }
    },
    cancel(key) {
      pending.delete(key);
    },
  };
}
