import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { WasmPaths } from './wasm-paths';

/**
 * The folder holding the wasm binaries in node_modules, as a file path with a trailing separator
 * (tfjs appends the file name). For Node, tsx and Vitest only; never import this from browser code.
 */
export function nodeWasmPaths(): WasmPaths {
  // Resolving package.json (not the entry) finds the package root whichever build Node would load.
  const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return join(dirname(pkg), 'dist') + sep;
}
