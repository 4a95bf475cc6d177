import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CSP_HEADER, CSP_META, devCsp } from './app/content-security-policy.ts';
import { netloomPwa } from './app/offline/pwa-plugin.ts';
import { tfjsWasmThreads } from './scripts/vite-tfjs-wasm-threads.ts';

/**
 * Cross-origin isolation (COOP + COEP) unlocks SharedArrayBuffer, which tfjs needs for its
 * threaded wasm backend. Dev server and preview send the same headers so both behave alike.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The dev server's CSP nonce (see devCsp): only ever used by `vite` serving on this machine. */
const DEV_NONCE = 'netloom-dev';

/**
 * The built index.html carries the policy right after its charset, before any script or style
 * (a meta policy governs only what follows it), for static hosts that send no header. Build only:
 * the dev page gets the header alone.
 */
function cspMetaTag(): Plugin {
  const charset = /<meta charset="UTF-8" \/>/;
  return {
    name: 'netloom:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!charset.test(html)) throw new Error('index.html lost its <meta charset="UTF-8" />, after which the CSP meta tag goes');
      // The policy's quotes are single quotes, so it sits in a double-quoted attribute as it is.
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    },
  };
}

export default defineConfig(({ command }) => ({
  // The service worker and manifest are build-only: the dev server never registers one.
  plugins: [react(), cspMetaTag(), ...netloomPwa()],
  // Relative asset URLs: dist/ works from any static host or sub-path.
  base: './',
  server: { headers: { ...crossOriginIsolation, 'Content-Security-Policy': devCsp(DEV_NONCE) } },
  preview: { headers: { ...crossOriginIsolation, 'Content-Security-Policy': CSP_HEADER } },
  ...(command === 'serve' ? { html: { cspNonce: DEV_NONCE } } : {}),
  // The training worker bundles tfjs-backend-wasm; the plugin lets its threaded build run minified.
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  test: {
    environment: 'node',
    // Training and kernel tests take seconds on a 2-core machine, more when it is busy.
    testTimeout: 20_000,
    include: ['src/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
}));
