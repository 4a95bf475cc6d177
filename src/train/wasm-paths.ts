/**
 * Where tfjs-backend-wasm finds its three binaries. The wasm package fetches them at
 * `setBackend('wasm')` time, so a bundler that renames assets (Vite hashes them) must hand over
 * the final URLs. Browser code imports `wasm-paths.browser.ts` (Vite `?url` imports); Node code
 * imports `wasm-paths.node.ts` (file paths). This module holds what both share and stays free of
 * either environment, so `backend.ts` can take the paths as a plain value.
 */

/** The binaries tfjs-backend-wasm 4.22 may load: plain, SIMD and threaded SIMD builds. */
export const WASM_BINARY_NAMES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

/** One of the wasm binary file names. */
export type WasmBinaryName = (typeof WASM_BINARY_NAMES)[number];

/**
 * What `setWasmPaths` accepts: a folder prefix ending in `/` (all three binaries inside), or a URL
 * per binary.
 */
export type WasmPaths = string | Readonly<Record<WasmBinaryName, string>>;

/** Throws unless a prefix ends in a slash (tfjs concatenates, so a missing slash breaks silently). */
export function checkWasmPaths(paths: WasmPaths): WasmPaths {
  if (typeof paths === 'string') {
    if (!/[/\\]$/.test(paths)) throw new Error(`wasm path prefix must end in a slash: ${paths}`);
    return paths;
  }
  const missing = WASM_BINARY_NAMES.filter((name) => !paths[name]);
  if (missing.length > 0) throw new Error(`wasm paths lack ${missing.join(', ')}`);
  return paths;
}
