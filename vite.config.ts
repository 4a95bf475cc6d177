import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation (COOP + COEP) unlocks SharedArrayBuffer, which tfjs needs for its
 * threaded wasm backend. Dev server and preview send the same headers so both behave alike.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: dist/ works from any static host or sub-path.
  base: './',
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    // Training and kernel tests take seconds on a 2-core machine, more when it is busy.
    testTimeout: 20_000,
    include: ['src/**/*.test.ts', 'app/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
