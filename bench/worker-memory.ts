/**
 * Memory of a page and of each of its Web Workers, read through the Chrome DevTools Protocol:
 * `Runtime.getHeapUsage` (the V8 heap, and the ArrayBuffers' backing stores, where datasets live)
 * and, in a worker running tfjs, its engine's own count (`tf.memory()`: tensor bytes) and the
 * wasm backend's heap, read from the global `_tfengine` tfjs keeps. The workers are reached by
 * auto-attaching to them from the page's session (not flattened, so their commands go through
 * `Target.sendMessageToTarget`); nothing in the app is changed for it. Beside them, the resident
 * memory of the tab's renderer process (Linux `/proc`), which holds the page and all its workers.
 * (`Runtime.queryObjects`, which could find every WebAssembly.Memory, crashes the training
 * worker's renderer in Chromium 156, so it is not used.)
 */
import { readFile } from 'node:fs/promises';
import type { CDPSession, Page } from '@playwright/test';

/** One target's memory, in bytes. */
export interface TargetMemory {
  /** V8 heap in use (JS objects). */
  readonly heap: number;
  /** ArrayBuffer backing stores (typed arrays: datasets, file bytes), outside the V8 heap. */
  readonly buffers: number;
  /** The tfjs-wasm backend's heap (its WebAssembly memory); 0 without one. */
  readonly wasm: number;
  /** Bytes of live tensors, as `tf.memory().numBytes` counts them; 0 without tfjs. */
  readonly tensors: number;
}

/**
 * A target's name: `page`, or the worker's script name (`train.worker`, `csv.worker`,
 * `image.worker`); `renderer` is the tab's process (resident memory in `heap`, peak in `buffers`).
 */
export type MemoryReport = Record<string, TargetMemory>;

const TF_EXPRESSION = `(() => {
  const engine = globalThis._tfengine;
  if (!engine) return { wasm: 0, tensors: 0 };
  const wasm = engine.backendName === 'wasm' ? engine.backendInstance?.wasm?.HEAPU8?.byteLength ?? 0 : 0;
  return { wasm, tensors: engine.memory().numBytes };
})()`;

type Send = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** The memory of one target, through its `send`. */
async function measure(send: Send): Promise<TargetMemory> {
  const usage = await send('Runtime.getHeapUsage');
  const tf = await send('Runtime.evaluate', { expression: TF_EXPRESSION, returnByValue: true });
  const value = ((tf.result as { value?: unknown } | undefined)?.value ?? {}) as { wasm?: number; tensors?: number };
  return { heap: Number(usage.usedSize ?? 0), buffers: Number(usage.backingStorageSize ?? 0), wasm: value.wasm ?? 0, tensors: value.tensors ?? 0 };
}

/** VmRSS and VmHWM (its peak) of a process, in bytes; zeros where /proc cannot tell. */
async function residentOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The worker's script name from its URL: `assets/train.worker-AbC12.js` -> `train.worker`. */
function workerName(url: string): string {
  const file = url.slice(url.lastIndexOf('/') + 1);
  return /^([a-z.-]*?worker)/.exec(file)?.[1] ?? file;
}

/** Reads the page's and its workers' memory on demand, and keeps the peak of every figure. */
export interface MemoryWatch {
  /** Every live target's memory now. */
  read(): Promise<MemoryReport>;
  /** Reads every `ms` until `stop`; the peaks include these samples. */
  sample(ms: number): { stop(): Promise<void> };
  /** The highest of each figure seen by `read` since the last `resetPeaks`. */
  peaks(): MemoryReport;
  resetPeaks(): void;
  close(): Promise<void>;
}

/** Starts watching `page`: attaches to its workers now and to those it starts later. */
export async function watchMemory(page: Page): Promise<MemoryWatch> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const browser = page.context().browser();
  const browserSession = browser === null ? undefined : await browser.newBrowserCDPSession();
  const workers = new Map<string, { name: string; pending: Map<number, (r: Record<string, unknown>) => void> }>();
  let nextId = 1;
  session.on('Target.attachedToTarget', (event) => {
    const { sessionId, targetInfo } = event as unknown as { sessionId: string; targetInfo: { type: string; url: string } };
    if (targetInfo.type === 'worker') workers.set(sessionId, { name: workerName(targetInfo.url), pending: new Map() });
  });
  session.on('Target.detachedFromTarget', (event) => {
    workers.delete((event as unknown as { sessionId: string }).sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (event) => {
    const { sessionId, message } = event as unknown as { sessionId: string; message: string };
    const reply = JSON.parse(message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    const waiting = reply.id === undefined ? undefined : workers.get(sessionId)?.pending.get(reply.id);
    if (waiting === undefined || reply.id === undefined) return;
    workers.get(sessionId)?.pending.delete(reply.id);
    waiting(reply.result ?? {});
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const sendTo =
    (sessionId: string): Send =>
    (method, params = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        workers.get(sessionId)?.pending.set(id, resolve);
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve({}));
      });
  const pageSend: Send = (method, params) => session.send(method as 'Runtime.getHeapUsage', params as never) as Promise<Record<string, unknown>>;

  // The tab's renderer: the biggest one (the browser keeps a spare, nearly empty, beside it).
  const renderer = async (): Promise<TargetMemory | undefined> => {
    if (browserSession === undefined) return undefined;
    const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const sizes = await Promise.all(processInfo.filter((p) => p.type === 'renderer').map((p) => residentOf(p.id)));
    const biggest = sizes.sort((a, b) => b.rss - a.rss)[0];
    return biggest === undefined || biggest.rss === 0 ? undefined : { heap: biggest.rss, buffers: biggest.peak, wasm: 0, tensors: 0 };
  };

  let peak: Record<string, { heap: number; buffers: number; wasm: number; tensors: number }> = {};
  const read = async (): Promise<MemoryReport> => {
    const report: Record<string, TargetMemory> = { page: await measure(pageSend) };
    const process = await renderer();
    if (process !== undefined) report.renderer = process;
    for (const [sessionId, { name }] of [...workers]) {
      // A worker busy in a long task answers when it gets to it; one that ended never does.
      const timed = await Promise.race([measure(sendTo(sessionId)), new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      if (timed !== null) report[name] = timed;
    }
    for (const [name, m] of Object.entries(report)) {
      const p = (peak[name] ??= { heap: 0, buffers: 0, wasm: 0, tensors: 0 });
      p.heap = Math.max(p.heap, m.heap);
      p.buffers = Math.max(p.buffers, m.buffers);
      p.wasm = Math.max(p.wasm, m.wasm);
      p.tensors = Math.max(p.tensors, m.tensors);
    }
    return report;
  };
  return {
    read,
    sample(ms) {
      let on = true;
      const loop = (async () => {
        while (on) {
          await read().catch(() => undefined);
          await new Promise((r) => setTimeout(r, ms));
        }
      })();
      return {
        async stop() {
          on = false;
          await loop;
        },
      };
    },
    peaks: () => structuredClone(peak),
    resetPeaks: () => {
      peak = {};
    },
    close: async () => {
      await session.detach();
      await browserSession?.detach();
    },
  };
}

/**
 * A report as bench-line fields in MB: `<prefix>_<target>_heap_mb`, `_buffers_mb`, `_wasm_mb`,
 * `_tensors_mb` (zeros left out), and `<prefix>_renderer_rss_mb` / `_rss_peak_mb`.
 */
export function memoryFields(prefix: string, report: MemoryReport): Record<string, number> {
  const mb = (bytes: number) => Number((bytes / 1e6).toFixed(1));
  const fields: Record<string, number> = {};
  for (const [name, m] of Object.entries(report)) {
    if (name === 'renderer') {
      fields[`${prefix}_renderer_rss_mb`] = mb(m.heap);
      fields[`${prefix}_renderer_rss_peak_mb`] = mb(m.buffers);
      continue;
    }
    const key = `${prefix}_${name.replace(/\.worker$/, '_worker').replace(/\W/g, '_')}`;
    fields[`${key}_heap_mb`] = mb(m.heap);
    if (m.buffers > 0) fields[`${key}_buffers_mb`] = mb(m.buffers);
    if (m.wasm > 0) fields[`${key}_wasm_mb`] = mb(m.wasm);
    if (m.tensors > 0) fields[`${key}_tensors_mb`] = mb(m.tensors);
  }
  return fields;
}
