import { describe, expect, it } from 'vitest';
import { assertNever } from '../../src/lib/assert-never';
import { createWorkerRequests } from './worker-requests';
import { FakeWorker } from './fake-worker-test-support';

type Req =
  | { readonly type: 'work'; readonly id: number; readonly n: number }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'note'; readonly text: string };
type Res =
  | { readonly type: 'progress'; readonly id: number; readonly done: number }
  | { readonly type: 'done'; readonly id: number; readonly value: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

class Cancelled extends Error {}

function setup() {
  const workers: FakeWorker<Req, Res>[] = [];
  const requests = createWorkerRequests<Req, Res>({
    createWorker: () => {
      const w = new FakeWorker<Req, Res>();
      workers.push(w);
      return w;
    },
    reader: 'The test reader',
    again: 'try again',
    cancelMessage: (id) => ({ type: 'cancel', id }),
    cancelled: () => new Cancelled('cancelled'),
  });
  return { requests, workers, worker: (i: number) => workers[i] as FakeWorker<Req, Res> };
}

/** Reads `done` as the answer, reports progress, and rejects with an error's message. */
const answerWith = (progress: number[]) => (msg: Res) => {
  switch (msg.type) {
    case 'progress':
      progress.push(msg.done);
      return undefined;
    case 'done':
      return { value: msg.value };
    case 'error':
      throw new Error(msg.message);
    default:
      return assertNever(msg, 'answer');
  }
};

describe('createWorkerRequests', () => {
  it('starts no worker until asked, sends the buffers to transfer, reports progress and settles once', async () => {
    const { requests, workers, worker } = setup();
    expect(workers).toHaveLength(0);
    const buffer = new ArrayBuffer(4);
    const progress: number[] = [];
    const asked = requests.ask({ type: 'work', id: 7, n: 1 }, { transfer: [buffer], answer: answerWith(progress) });
    expect(worker(0).sent).toEqual([{ message: { type: 'work', id: 7, n: 1 }, transfer: [buffer] }]);
    worker(0).reply({ type: 'progress', id: 7, done: 1 });
    worker(0).reply({ type: 'progress', id: 7, done: 2 });
    worker(0).reply({ type: 'done', id: 7, value: 42 });
    worker(0).reply({ type: 'done', id: 7, value: 43 });
    await expect(asked).resolves.toEqual({ value: 42 });
    expect(progress).toEqual([1, 2]);
    expect(worker(0).listening).toBe(0);
  });

  it('gives each request the answer with its own id, on one worker', async () => {
    const { requests, workers, worker } = setup();
    const a = requests.ask({ type: 'work', id: requests.nextId(), n: 1 }, { answer: answerWith([]) });
    const b = requests.ask({ type: 'work', id: requests.nextId(), n: 2 }, { answer: answerWith([]) });
    expect(workers).toHaveLength(1);
    worker(0).reply({ type: 'done', id: 2, value: 20 });
    worker(0).reply({ type: 'error', id: 1, message: 'no such table' });
    await expect(b).resolves.toEqual({ value: 20 });
    await expect(a).rejects.toThrow('no such table');
    expect(worker(0).listening).toBe(0);
  });

  it('lets an answer write back to the worker the request went to', async () => {
    const { requests, worker } = setup();
    const asked = requests.ask(
      { type: 'work', id: 1, n: 1 },
      {
        answer: (msg, reply) => {
          if (msg.type === 'progress') reply({ type: 'note', text: `at ${msg.done}` }, []);
          return msg.type === 'done' ? msg : undefined;
        },
      },
    );
    worker(0).reply({ type: 'progress', id: 1, done: 3 });
    worker(0).reply({ type: 'done', id: 1, value: 1 });
    await asked;
    expect(worker(0).sent[1]?.message).toEqual({ type: 'note', text: 'at 3' });
  });

  it('rejects every request waiting on a crashed worker with the message, and starts a new worker for the next', async () => {
    const { requests, workers, worker } = setup();
    const a = requests.ask({ type: 'work', id: 1, n: 1 }, { answer: answerWith([]) });
    const b = requests.ask({ type: 'work', id: 2, n: 2 }, { again: 'choose the files again', answer: answerWith([]) });
    worker(0).crash('out of memory');
    await expect(a).rejects.toThrow('The test reader stopped unexpectedly (out of memory); try again');
    await expect(b).rejects.toThrow('The test reader stopped unexpectedly (out of memory); choose the files again');
    expect(worker(0).listening).toBe(0);
    requests.post({ type: 'note', text: 'lost' });
    expect(workers).toHaveLength(1);
    const c = requests.ask({ type: 'work', id: 3, n: 3 }, { answer: answerWith([]) });
    expect(workers).toHaveLength(2);
    worker(1).crash('');
    await expect(c).rejects.toThrow('The test reader stopped unexpectedly (worker error); try again');
  });

  it('posts a message that waits for nothing only to a live worker', () => {
    const { requests, workers, worker } = setup();
    requests.post({ type: 'note', text: 'nobody' });
    expect(workers).toHaveLength(0);
    void requests.ask({ type: 'work', id: 1, n: 1 }, { answer: answerWith([]) });
    requests.post({ type: 'note', text: 'hello' });
    expect(worker(0).sent.at(-1)).toEqual({ message: { type: 'note', text: 'hello' }, transfer: [] });
  });

  it('cancel stops the load in flight: the worker is told, and the load rejects as cancelled whatever the worker answers', async () => {
    const { requests, worker } = setup();
    const loading = requests.load((id) => requests.ask({ type: 'work', id, n: 1 }, { answer: answerWith([]) }));
    await expect.poll(() => worker(0)?.sent.length).toBe(1);
    requests.cancel();
    expect(worker(0).sent[1]?.message).toEqual({ type: 'cancel', id: 1 });
    worker(0).reply({ type: 'error', id: 1, message: 'stopped half way' });
    await expect(loading).rejects.toBeInstanceOf(Cancelled);
    requests.cancel();
    expect(worker(0).sent).toHaveLength(2);
  });

  it('a newer load cancels the one in flight, including its part on the page', async () => {
    const { requests, workers, worker } = setup();
    let seen: AbortSignal | undefined;
    const first = requests.load(async (_id, signal) => {
      seen = signal;
      await new Promise((resolve) => setTimeout(resolve, 5));
      signal.throwIfAborted();
      return 'never';
    });
    const second = requests.load((id) => requests.ask({ type: 'work', id, n: 2 }, { answer: answerWith([]) }));
    expect(seen?.aborted).toBe(true);
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    expect(worker(0).sent.map((s) => s.message)).toEqual([{ type: 'work', id: 2, n: 2 }]);
    worker(0).reply({ type: 'done', id: 2, value: 2 });
    await expect(second).resolves.toEqual({ value: 2 });
    expect(workers).toHaveLength(1);
  });

  it("a load's own failure is passed on as it is", async () => {
    const { requests } = setup();
    await expect(requests.load(() => Promise.reject(new Error('d/x.png: could not be read')))).rejects.toThrow('d/x.png: could not be read');
  });
});
