import type { BackendFacts } from './backend';

/** The slice of WebGPU this probe reads (typed here: the DOM lib in use has no WebGPU types). */
interface GpuAdapterLike {
  info?: { isFallbackAdapter?: boolean; architecture?: string; vendor?: string };
  /** Older Chromium put the flag on the adapter itself. */
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** Smallest module using a SIMD instruction (v128 const + i8x16.popcnt), as wasm-feature-detect does. */
const SIMD_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

const UNMASKED_RENDERER_WEBGL = 0x9246;

async function probeWebgpu(): Promise<BackendFacts['webgpu']> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu === undefined) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { available: false, fallback: false };
    const info = adapter.info ?? {};
    const facts: NonNullable<BackendFacts['webgpu']> = { available: true, fallback: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false };
    if (info.architecture) facts.architecture = info.architecture;
    if (info.vendor) facts.vendor = info.vendor;
    return facts;
  } catch {
    // Some browsers throw instead of returning null when WebGPU is blocked.
    return { available: false, fallback: false };
  }
}

function webgl2Context(): WebGL2RenderingContext | null {
  try {
    if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1).getContext('webgl2');
    if (typeof document !== 'undefined') return document.createElement('canvas').getContext('webgl2');
  } catch {
    // A context request can throw when the GPU process is gone; treat as no WebGL.
  }
  return null;
}

function probeWebgl(): BackendFacts['webgl'] {
  const gl = webgl2Context();
  if (gl === null) return null;
  try {
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    // Without the extension (Firefox's default) RENDERER is already the unmasked, sanitised name.
    const renderer: unknown = gl.getParameter(debug === null ? gl.RENDERER : UNMASKED_RENDERER_WEBGL);
    return {
      renderer: typeof renderer === 'string' && renderer !== '' ? renderer : null,
      floatRenderTarget: gl.getExtension('EXT_color_buffer_float') !== null,
    };
  } finally {
    // Browsers cap live WebGL contexts (16 in Chromium); give this one back now.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

function probeWasm(isolated: boolean): BackendFacts['wasm'] {
  if (typeof WebAssembly === 'undefined') return { simd: false, threadsPossible: false };
  let simd = false;
  try {
    simd = WebAssembly.validate(SIMD_MODULE);
  } catch {
    simd = false;
  }
  return { simd, threadsPossible: isolated && typeof SharedArrayBuffer !== 'undefined' };
}

/**
 * What the page or worker offers for tfjs: WebGPU adapter (and whether it is a software
 * fallback), WebGL2 renderer and float render targets, wasm SIMD and threads, cross-origin
 * isolation and core count. Never throws; a missing API reads as `null`/false, so it also runs
 * (and reports little) under Node.
 */
export async function probeBackendFacts(): Promise<BackendFacts> {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency;
  return {
    webgpu: await probeWebgpu(),
    webgl: probeWebgl(),
    wasm: probeWasm(isolated),
    crossOriginIsolated: isolated,
    hardwareConcurrency: typeof cores === 'number' && cores > 0 ? cores : 1,
  };
}
