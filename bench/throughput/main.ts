// The bench page: starts a fresh module worker per measurement and resolves with its result.
// bench/throughput.bench.ts calls `window.runBench(kind, request)` through page.evaluate.
import type { BenchRequest, BenchResponse, BenchResult } from './protocol';

declare global {
  interface Window {
    runBench(kind: 'raw' | 'app', request: BenchRequest): Promise<BenchResult>;
  }
}

window.runBench = (kind, request) =>
  new Promise<BenchResult>((resolve, reject) => {
    const worker =
      kind === 'raw'
        ? new Worker(new URL('./raw.worker.ts', import.meta.url), { type: 'module' })
        : new Worker(new URL('./app-pipeline.worker.ts', import.meta.url), { type: 'module' });
    let progress = 0;
    worker.onmessage = (event: MessageEvent<BenchResponse>) => {
      const msg = event.data;
      if (msg.type === 'batch') {
        progress += 1;
        return;
      }
      worker.terminate();
      if (msg.type === 'error') reject(new Error(msg.message));
      else resolve(kind === 'app' && request.task === 'fit' ? { ...msg, progressMessages: progress } : msg);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`worker error: ${event.message}`));
    };
    worker.postMessage(request);
  });
