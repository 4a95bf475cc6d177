import * as tf from '@tensorflow/tfjs';
import { activateBackend } from '../backend';
import { nodeWasmPaths } from '../wasm-paths.node';

/** Starts the wasm backend in Node (plain SIMD build, gradient kernels registered). Test use only. */
export async function startWasm(): Promise<void> {
  await activateBackend(tf, ['wasm'], { wasmPaths: nodeWasmPaths() });
}

/** Runs `f` on a backend and returns its tensors' values; nothing created inside survives. */
export async function valuesOn(backend: 'cpu' | 'wasm', f: () => tf.Tensor[]): Promise<Float32Array[]> {
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`backend ${backend} did not start`);
  return tf.tidy(() => f().map((t) => t.dataSync() as Float32Array));
}

/** Largest absolute difference relative to the largest magnitude in `expected` (at least 1e-3). */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let diff = 0;
  let scale = 1e-3;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] ?? NaN) - (expected[i] ?? NaN)));
    scale = Math.max(scale, Math.abs(expected[i] ?? 0));
  }
  return diff / scale;
}

/** Deterministic values in [-1, 1) (a small LCG): the same inputs on both backends. */
export function seeded(size: number, seed = 1): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Number of elements of a shape. */
export const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
