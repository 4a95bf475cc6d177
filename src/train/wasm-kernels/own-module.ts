import type * as tfjs from '@tensorflow/tfjs';
import { NETLOOM_KERNELS_SHARED_WASM_BASE64, NETLOOM_KERNELS_WASM_BASE64 } from './netloom-kernels-wasm';

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
  columnSum(x: number, out: number, scratch: number, rows: number, cols: number): void;
  conv2dFilterGradScratchFloats(taps: number, outC: number, chunk: number): number;
  conv2dFilterGrad(
    x: number,
    dy: number,
    dw: number,
    scratch: number,
    batch: number,
    inH: number,
    inW: number,
    inC: number,
    outH: number,
    outW: number,
    fh: number,
    fw: number,
    sh: number,
    sw: number,
    top: number,
    left: number,
    outC: number,
    chunk: number,
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
  adamStep(
    x: number,
    m: number,
    v: number,
    g: number,
    accBeta1: number,
    accBeta2: number,
    xOut: number,
    mOut: number,
    vOut: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    negLr: number,
    eps: number,
  ): void;
}

/**
 * What the kernels use of tfjs-backend-wasm's BackendWasm (its public class, typed structurally).
 * The single-threaded builds export their memory (`asm.memory`); the threaded build imports a
 * shared one it makes itself, which Emscripten hands out as `wasmMemory` instead.
 */
export interface WasmBackendLike {
  wasm: { asm?: { memory?: unknown }; wasmMemory?: unknown };
  getMemoryOffset(dataId: object): number;
  makeOutput(shape: number[], dtype: tfjs.DataType): tfjs.TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** Binds the compiled module to a backend's memory, once per memory; `null` where it cannot run. */
export type OwnInstance = (backend: unknown) => OwnExports | null;

/** The kernels compiled twice: for tfjs's plain memory (single-threaded builds) and its shared one (threaded build). */
export interface OwnModules {
  plain: WebAssembly.Module;
  shared: WebAssembly.Module | null;
}

const compile = async (base64: string): Promise<WebAssembly.Module | null> => {
  try {
    return await WebAssembly.compile(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch {
    return null; // no wasm SIMD (or, for the shared one, no threads) in this engine
  }
};

/** Compiles the kernels; `null` where this engine cannot (no wasm SIMD). */
export async function compileOwnModules(): Promise<OwnModules | null> {
  const plain = await compile(NETLOOM_KERNELS_WASM_BASE64);
  return plain === null ? null : { plain, shared: await compile(NETLOOM_KERNELS_SHARED_WASM_BASE64) };
}

/**
 * The instance for a backend, made the first time and remade if tfjs's memory object changes (a
 * new backend): the variant whose memory import matches (shared for the threaded build). Kernels
 * run on the calling thread between tfjs's kernels, when tfjs's own threads are idle.
 */
export function ownInstance(modules: OwnModules): OwnInstance {
  let bound: { memory: WebAssembly.Memory; exports: OwnExports | null } | null = null;
  return (backend) => {
    const wasm = (backend as Partial<WasmBackendLike>).wasm;
    const memory = wasm?.asm?.memory ?? wasm?.wasmMemory;
    if (!(memory instanceof WebAssembly.Memory)) return null;
    if (bound?.memory !== memory) {
      const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
      const module = shared ? modules.shared : modules.plain;
      bound = { memory, exports: module === null ? null : instantiate(module, memory) };
    }
    return bound.exports;
  };
}

function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): OwnExports | null {
  try {
    return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as OwnExports;
  } catch {
    return null; // limits that do not match: tfjs's own kernels stay in charge
  }
}

/** Batch, input height, width and channels, output height and width: how the kernels take an NHWC layer's shape. */
export const nhwcGeometry = (info: tfjs.backend_util.Conv2DInfo) =>
  [info.batchSize, info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth] as const;

/** Filter height and width, strides, top and left padding: how the kernels take a window. */
export const windowGeometry = (info: tfjs.backend_util.Conv2DInfo) =>
  [info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left] as const;

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
