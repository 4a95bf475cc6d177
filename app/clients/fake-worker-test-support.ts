import type { RequestWorker } from './worker-requests';

type Listener<Res> = (event: { readonly data: Res } & { readonly message: string }) => void;

/**
 * For tests: a worker that records what it is sent and answers when a test tells it to (`reply`,
 * `crash`), or at once through `onPost` (a real service in Node, say).
 */
export class FakeWorker<Req, Res> implements RequestWorker<Req, Res> {
  readonly sent: { message: Req; transfer: Transferable[] }[] = [];
  private readonly listeners = { message: new Set<Listener<Res>>(), error: new Set<Listener<Res>>() };
  constructor(private readonly onPost?: (message: Req, worker: FakeWorker<Req, Res>) => void) {}
  postMessage(message: Req, transfer: Transferable[] = []): void {
    this.sent.push({ message, transfer });
    this.onPost?.(message, this);
  }
  addEventListener(type: 'message' | 'error', listener: Listener<Res>): void {
    this.listeners[type].add(listener);
  }
  removeEventListener(type: 'message' | 'error', listener: Listener<Res>): void {
    this.listeners[type].delete(listener);
  }
  reply(data: Res): void {
    for (const l of [...this.listeners.message]) l({ data, message: '' });
  }
  crash(message: string): void {
    for (const l of [...this.listeners.error]) l({ data: undefined as never, message });
  }
  /** Listeners still attached: 0 once every request has its answer. */
  get listening(): number {
    return this.listeners.message.size + this.listeners.error.size;
  }
}
