import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmPaths } from './wasm-paths';

/**
 * The wasm binaries as Vite emits them (hashed asset URLs, relative to the bundle). Import this only
 * from code Vite bundles (the training worker): `?url` imports fail under plain Node, tsx and Vitest,
 * which use `wasm-paths.node.ts` instead.
 */
export const BROWSER_WASM_PATHS: WasmPaths = {
  'tfjs-backend-wasm.wasm': plainUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
};
