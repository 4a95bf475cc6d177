/** The messages every worker load may end or report with, whatever else its protocol holds. */
export type LoadReport =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'cancelled'; readonly id: number };

/** How a runner reports: at most every `progressMs` (200 by default) by `now` (`performance.now`). */
export interface LoadRunnerOptions {
  readonly progressMs?: number;
  readonly now?: () => number;
  /** The words of a failure, for the `error` message. */
  readonly messageOf: (error: unknown) => string;
}

/** The loads a worker service has in flight, each cancellable by id. */
export interface LoadRunner<M> {
  /**
   * Runs one load of `id`: `work` gets the abort signal and a throttled progress report, and
   * returns the message that ends the load with the buffers to transfer. A failure ends it with
   * `error`, a cancel with `cancelled`; exactly one ending is posted.
   */
  run(
    id: number,
    post: (message: M | LoadReport, transfer?: ArrayBuffer[]) => void,
    work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<[M, ArrayBuffer[]]>,
  ): Promise<void>;
  /** Stops the load of `id`, if it is running. */
  cancel(id: number): void;
  /** How many loads are in flight, for tests. */
  readonly running: number;
}

/** A runner with nothing in flight, shared by the image and audio workers' services. */
export function createLoadRunner<M>(opts: LoadRunnerOptions): LoadRunner<M> {
  const inFlight = new Map<number, AbortController>();
  const progressMs = opts.progressMs ?? 200;
  const now = opts.now ?? (() => performance.now());
  return {
    get running() {
      return inFlight.size;
    },
    cancel: (id) => inFlight.get(id)?.abort(),
    async run(id, post, work) {
      const controller = new AbortController();
      inFlight.set(id, controller);
      let lastReport = -Infinity;
      const onProgress = (done: number, total: number) => {
        const t = now();
        if (t - lastReport < progressMs && done < total) return;
        lastReport = t;
        post({ type: 'progress', id, done, total });
      };
      try {
        const [message, transfer] = await work(controller.signal, onProgress);
        post(message, transfer);
      } catch (error) {
        if (controller.signal.aborted) post({ type: 'cancelled', id });
        else post({ type: 'error', id, message: opts.messageOf(error) });
      } finally {
        inFlight.delete(id);
      }
    },
  };
}
