import type * as tfjs from '@tensorflow/tfjs';
import { NETLOOM_KERNELS_WASM_BASE64 } from './netloom-kernels-wasm';

/** The exports of assembly/netloom-kernels.wasm; every pointer is a byte offset into tfjs-wasm's memory. */
export interface OwnExports {
  matmulScratchFloats(m: number, n: number, k: number): number;
  matmul(
    a: number,
    b: number,
    c: number,
    scratch: number,
    batch: number,
    strideA: number,
    strideB: number,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
  ): void;
  maxPoolGrad(
    x: number,
    dy: number,
    dx: number,
    batch: number,
    inH: number,
    inW: number,
    channels: number,
    outH: number,
    outW: number,
    filterH: number,
    filterW: number,
    strideH: number,
    strideW: number,
    padTop: number,
    padLeft: number,
  ): void;
}

/** What the kernels use of tfjs-backend-wasm's BackendWasm (its public class, typed structurally). */
export interface WasmBackendLike {
  wasm: { asm?: { memory?: unknown } };
  getMemoryOffset(dataId: object): number;
  makeOutput(shape: number[], dtype: tfjs.DataType): tfjs.TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** Binds the compiled module to a backend's memory, once per memory; `null` where it cannot run. */
export type OwnInstance = (backend: unknown) => OwnExports | null;

/** Compiles the kernels module; `null` where this engine cannot (no wasm SIMD). */
export async function compileOwnModule(): Promise<WebAssembly.Module | null> {
  const bytes = Uint8Array.from(atob(NETLOOM_KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
  try {
    return await WebAssembly.compile(bytes);
  } catch {
    return null;
  }
}

/**
 * The instance for a backend, made the first time and remade if tfjs's memory object changes (a
 * new backend). Only the plain (unshared) memory of the single-threaded builds: the threaded
 * build's memory is shared, the module's import is not, and there XNNPACK's threads are the better
 * path anyway, so its own kernels stay in charge.
 */
export function ownInstance(module: WebAssembly.Module): OwnInstance {
  let bound: { memory: WebAssembly.Memory; exports: OwnExports } | null = null;
  return (backend) => {
    const memory = (backend as WasmBackendLike).wasm?.asm?.memory;
    if (!(memory instanceof WebAssembly.Memory)) return null;
    if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return null;
    if (bound?.memory !== memory) {
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      bound = { memory, exports: instance.exports as unknown as OwnExports };
    }
    return bound.exports;
  };
}

/** Byte offset of a tensor's data in the backend's memory. */
export const offsetOf = (backend: WasmBackendLike, t: tfjs.TensorInfo): number => backend.getMemoryOffset(t.dataId);

/**
 * Runs `f` with a float32 scratch buffer of `floats` floats from tfjs's own allocator (so it lies
 * in the same memory and can never collide with a tensor), freed afterwards.
 */
export function withScratch<T>(backend: WasmBackendLike, floats: number, f: (offset: number) => T): T {
  const scratch = backend.makeOutput([Math.max(1, floats)], 'float32');
  try {
    return f(backend.getMemoryOffset(scratch.dataId));
  } finally {
    backend.disposeData(scratch.dataId, true);
  }
}
