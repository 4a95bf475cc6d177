/** A fake training worker and a client on it, for the training client's tests. Tests only. */
import type { TrainRequest, TrainResponse } from '../../src/train/protocol';
import { createTrainingClient } from './training-client';
import type { TrainingClientOptions, TrainingWorker } from './training-client';

/** A worker that records what it is sent and answers only when a test tells it to. */
export class FakeWorker implements TrainingWorker {
  readonly sent: TrainRequest[] = [];
  terminated = false;
  private readonly onMessage: ((event: { readonly data: TrainResponse }) => void)[] = [];
  private readonly onError: ((event: { readonly message: string }) => void)[] = [];

  postMessage(message: TrainRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: 'message', listener: (event: { readonly data: TrainResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
  addEventListener(
    type: 'message' | 'error',
    listener: ((event: { readonly data: TrainResponse }) => void) | ((event: { readonly message: string }) => void),
  ): void {
    if (type === 'message') this.onMessage.push(listener as (event: { readonly data: TrainResponse }) => void);
    else this.onError.push(listener as (event: { readonly message: string }) => void);
  }
  reply(data: TrainResponse): void {
    for (const listener of this.onMessage) listener({ data });
  }
  crash(message: string): void {
    for (const listener of this.onError) listener({ message });
  }
  /** The types of the requests sent, in order. */
  get types(): string[] {
    return this.sent.map((m) => m.type);
  }
  /** The last request of a type. */
  lastOf<T extends TrainRequest['type']>(type: T): Extract<TrainRequest, { type: T }> {
    const found = this.sent.filter((m): m is Extract<TrainRequest, { type: T }> => m.type === type).at(-1);
    if (!found) throw new Error(`no ${type} was sent`);
    return found;
  }
}

/** A client whose workers are fake ones, each kept (in order) for the test to answer. */
export function setupClient(options: Partial<TrainingClientOptions> = {}) {
  const workers: FakeWorker[] = [];
  const locks = new Map<string, () => void>();
  const client = createTrainingClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    whenLockFree: (name) => new Promise<void>((resolve) => locks.set(name, resolve)),
    ...options,
  });
  const worker = (i: number): FakeWorker => {
    const w = workers[i];
    if (!w) throw new Error(`worker ${i} was never started`);
    return w;
  };
  return { client, workers, worker, locks };
}
