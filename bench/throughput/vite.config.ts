import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { tfjsWasmThreads } from '../../scripts/vite-tfjs-wasm-threads.ts';

/**
 * The throughput bench's own page and workers (bench/throughput.bench.ts builds and serves it).
 * Same isolation headers as the app, so the workers run under the same conditions.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'error',
  build: { outDir: fileURLToPath(new URL('../../bench-results/throughput-dist', import.meta.url)), emptyOutDir: true },
  preview: { headers: crossOriginIsolation },
  // As the app's: the threaded wasm build's pthreads load tfjs's unminified files.
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
});
