import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The GPU bench's own page and worker (bench/gpu.bench.ts builds and serves it), cross-origin
 * isolated as the app is, so the worker trains under the app's conditions.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'error',
  build: { outDir: fileURLToPath(new URL('../../bench-results/gpu-dist', import.meta.url)), emptyOutDir: true },
  preview: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  worker: { format: 'es' },
});
