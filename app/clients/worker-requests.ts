/**
 * The part of a Worker a request client uses, so tests can hand it a fake one. `Req` and `Res` are
 * the worker's message unions, discriminated by `type`; a `Res` names the request it answers by `id`.
 */
export interface RequestWorker<Req, Res> {
  postMessage(message: Req, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: Res }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: Res }) => void): void;
  removeEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

/** Sends a message to the worker that a request went to (not one started after it crashed). */
export type Reply<Req> = (message: Req, transfer: Transferable[]) => void;

/** How one request is sent and when it is answered. */
export interface AskOptions<Req, Res, T> {
  /** Buffers that move to the worker with the request. */
  readonly transfer?: Transferable[];
  /** What a crash tells the user to do, instead of the client's `again`. */
  readonly again?: string;
  /**
   * Sees each message for the request, in order: returns the answer when it is the last one,
   * `undefined` while more are to come (progress), and throws to reject the request.
   */
  answer(message: Res, reply: Reply<Req>): T | undefined;
}

/** How a client names its worker and what the worker understands. */
export interface WorkerRequestsOptions<Req, Res> {
  /** Starts a worker; called on the first request and on the first after a crash. */
  readonly createWorker: () => RequestWorker<Req, Res>;
  /** The worker as the user knows it, at the start of a crash message: 'The image reader'. */
  readonly reader: string;
  /** What a crash message tells the user to do: 'try again'. */
  readonly again: string;
  /** The message asking the worker to stop request `id`; without it a cancel only stops the page's part. */
  readonly cancelMessage?: (id: number) => Req;
  /** What a cancelled load rejects with. */
  readonly cancelled?: () => Error;
}

/** One worker, started on first use and replaced after a crash, and the requests sent to it. */
export interface WorkerRequests<Req, Res> {
  /** A fresh request id. */
  nextId(): number;
  /**
   * Sends `request` and settles on the message `answer` takes as the last. A crash rejects every
   * request waiting on that worker with "`reader` stopped unexpectedly (why); `again`".
   */
  ask<T extends object>(request: Req & { readonly id: number }, options: AskOptions<Req, Res, T>): Promise<T>;
  /** Sends a message that waits for nothing, to the worker if there is one. */
  post(message: Req): void;
  /**
   * Runs a load, one at a time: cancels the load in flight, then runs `run` with the new load's
   * id and the signal that stops it. Once cancelled, the load rejects with `cancelled()` whatever
   * else went wrong.
   */
  load<T>(run: (id: number, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Stops the load in flight, if any: its page part by the signal, its worker part by `cancelMessage`. */
  cancel(): void;
}

/** A client with no worker yet. */
export function createWorkerRequests<Req, Res extends { readonly id: number }>(options: WorkerRequestsOptions<Req, Res>): WorkerRequests<Req, Res> {
  const { createWorker, reader, cancelMessage } = options;
  let worker: RequestWorker<Req, Res> | undefined;
  let nextId = 1;
  // The load in flight: its id and what stops it (its reading on the page, then the worker's work).
  let current: { readonly id: number; readonly controller: AbortController } | undefined;

  const cancel = () => {
    if (current === undefined) return;
    current.controller.abort();
    if (cancelMessage) worker?.postMessage(cancelMessage(current.id), []);
  };

  function ask<T extends object>(request: Req & { readonly id: number }, how: AskOptions<Req, Res, T>): Promise<T> {
    worker ??= createWorker();
    const w = worker;
    const reply: Reply<Req> = (message, transfer) => w.postMessage(message, transfer);
    return new Promise<T>((resolve, reject) => {
      const onMessage = (event: { readonly data: Res }) => {
        const msg = event.data;
        if (msg.id !== request.id) return;
        try {
          const value = how.answer(msg, reply);
          if (value === undefined) return;
          cleanup();
          resolve(value);
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      const onError = (event: { readonly message: string }) => {
        cleanup();
        if (worker === w) worker = undefined;
        reject(new Error(`${reader} stopped unexpectedly (${event.message || 'worker error'}); ${how.again ?? options.again}`));
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage(request, how.transfer ?? []);
    });
  }

  return {
    nextId: () => nextId++,
    ask,
    post(message) {
      worker?.postMessage(message, []);
    },
    async load(run) {
      cancel();
      const id = nextId++;
      const controller = new AbortController();
      current = { id, controller };
      try {
        return await run(id, controller.signal);
      } catch (error) {
        throw controller.signal.aborted && options.cancelled ? options.cancelled() : error;
      } finally {
        if (current?.id === id) current = undefined;
      }
    },
    cancel,
  };
}
