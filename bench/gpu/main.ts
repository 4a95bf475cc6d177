// The GPU bench page: a fresh module worker per measurement, so no backend state carries over.
// bench/gpu.bench.ts calls `window.runGpuBench(request)` through page.evaluate.
import type { GpuBenchRequest, GpuBenchResponse } from './protocol';

declare global {
  interface Window {
    runGpuBench(request: GpuBenchRequest): Promise<Exclude<GpuBenchResponse, { type: 'error' }>>;
  }
}

window.runGpuBench = (request) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./gpu.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GpuBenchResponse>) => {
      const msg = event.data;
      worker.terminate();
      if (msg.type === 'error') reject(new Error(msg.message));
      else resolve(msg);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`worker error: ${event.message}`));
    };
    worker.postMessage(request);
  });
