import type { Tf } from '../layers/layer-spec';
import { assertNever } from '../lib/assert-never';
import { registerFastGradients } from './tile-gradient';
import { registerWasmGradients } from './wasm-kernels/index';
import { registerWasmOwnKernels, wasmOwnKernelsBound } from './wasm-kernels/own-kernels';
import { checkWasmPaths } from './wasm-paths';
import { withCoresShown } from './wasm-threads';
import type { WasmPaths } from './wasm-paths';

/** A tfjs backend Netloom can train on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Every backend, in tfjs's own preference order. */
export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What `probeBackendFacts` found out about the browser or worker; `null` = API missing. */
export interface BackendFacts {
  webgpu: { available: boolean; fallback: boolean; architecture?: string; vendor?: string } | null;
  webgl: { renderer: string | null; floatRenderTarget: boolean } | null;
  wasm: { simd: boolean; threadsPossible: boolean };
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

/** The order to try backends in, with a human reason for each backend's place (or absence). */
export interface BackendOrder {
  order: BackendName[];
  reasons: Record<BackendName, string>;
  /** The user's choice when the facts say it cannot start at all (no WebGPU adapter), and why: it is not tried. */
  cannotStart?: { name: BackendName; error: string };
}

/**
 * Why a backend cannot start here at all, in words, or undefined when it may. Trying one anyway
 * fails inside tfjs (the WebGPU backend reads `adapter.features` of a null adapter) with a
 * TypeError on the console and nothing for the user.
 */
export function cannotStart(facts: BackendFacts, name: BackendName): string | undefined {
  switch (name) {
    case 'webgpu':
      if (facts.webgpu === null) return 'this browser does not offer WebGPU';
      return facts.webgpu.available ? undefined : 'this browser has no WebGPU adapter (no usable GPU)';
    case 'webgl':
      return facts.webgl === null ? 'this browser offers no WebGL2' : undefined;
    case 'wasm':
    case 'cpu':
      return undefined;
    default:
      return assertNever(name, 'backend');
  }
}

/** Renderer strings of software rasterisers: "GPU" backends on them are CPU code, slower than wasm. */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

function webgpuVerdict(facts: BackendFacts): [boolean, string] {
  const gpu = facts.webgpu;
  if (gpu === null) return [false, 'WebGPU is not offered by this browser'];
  if (!gpu.available) return [false, 'WebGPU offers no adapter (no usable GPU)'];
  const software = [gpu.architecture, gpu.vendor].some((s) => s !== undefined && SOFTWARE_RENDERER.test(s));
  if (gpu.fallback || software) {
    return [false, `WebGPU adapter is a software fallback (${gpu.architecture ?? 'unknown'}): skipped, wasm is about 17x faster here`];
  }
  return [true, `WebGPU adapter on a hardware GPU (${gpu.architecture || gpu.vendor || 'unnamed'})`];
}

function webglVerdict(facts: BackendFacts): [boolean, string] {
  const gl = facts.webgl;
  if (gl === null) return [false, 'WebGL2 is not available'];
  if (gl.renderer === null) return [false, 'WebGL renderer is hidden, so it may be software: skipped in favour of wasm'];
  const name = /swiftshader/i.test(gl.renderer) ? 'SwiftShader' : gl.renderer;
  if (SOFTWARE_RENDERER.test(gl.renderer)) return [false, `WebGL renderer is ${name} (software): skipped, wasm is 4x faster here`];
  if (!gl.floatRenderTarget) return [false, `WebGL on ${gl.renderer} cannot render to float textures: skipped`];
  return [true, `WebGL on a hardware GPU (${gl.renderer})`];
}

/**
 * Chooses the backends to try, best first. A "GPU" backend counts only on a real GPU: software
 * WebGL/WebGPU (SwiftShader and co.) initialise fine but train 4-17x slower than wasm. wasm and
 * cpu always follow as fallbacks. A user's choice goes first, the automatic order after it, unless
 * it cannot start here at all ({@link cannotStart}): then only the automatic order is tried.
 */
export function chooseBackendOrder(facts: BackendFacts, userChoice: BackendName | 'auto' = 'auto'): BackendOrder {
  const [gpuOk, gpuWhy] = webgpuVerdict(facts);
  const [glOk, glWhy] = webglVerdict(facts);
  const wasmWhy = facts.wasm.simd ? 'wasm with SIMD: the fastest CPU backend' : 'wasm without SIMD: slower, still faster than plain JS';
  const reasons: Record<BackendName, string> = { webgpu: gpuWhy, webgl: glWhy, wasm: wasmWhy, cpu: 'plain JavaScript: the last resort' };
  const auto = BACKEND_NAMES.filter((name) => (name === 'webgpu' ? gpuOk : name === 'webgl' ? glOk : true));
  if (userChoice === 'auto') return { order: auto, reasons };
  const error = cannotStart(facts, userChoice);
  if (error !== undefined) return { order: auto.filter((name) => name !== userChoice), reasons, cannotStart: { name: userChoice, error } };
  reasons[userChoice] = `chosen in the training settings (automatic choice would say: ${reasons[userChoice]})`;
  return { order: [userChoice, ...auto.filter((name) => name !== userChoice)], reasons };
}

/** Options for `activateBackend`. */
export interface ActivateOptions {
  /** Where the wasm binaries are (`BROWSER_WASM_PATHS` in a Vite bundle, `nodeWasmPaths()` in Node). */
  wasmPaths?: WasmPaths;
  /**
   * Threads for the wasm backend (`planWasmThreads`): above 1, tfjs's threaded SIMD build with
   * that many; 1 or absent, the single-threaded SIMD build. Counts only before wasm first starts.
   */
  threads?: number;
  /** Reasons from `chooseBackendOrder`, echoed in the result. */
  reasons?: Partial<Record<BackendName, string>>;
  /** Give up on a backend whose start takes longer than this (default 20 s). */
  initTimeoutMs?: number;
}

/** The backend that is now active, why, and what failed before it. */
export interface ActivatedBackend {
  backend: BackendName;
  reason: string;
  tried: { name: BackendName; error: string }[];
  /** wasm only: the threads tfjs runs (1 for the single-threaded build), as it reports them. */
  threads?: number;
  /** wasm only: whether Netloom's own kernels bound to its memory (`wasmOwnKernelsBound`). */
  ownKernels?: boolean;
}

async function prepare(tf: Tf, name: BackendName, opts: ActivateOptions): Promise<void> {
  registerFastGradients(tf);
  switch (name) {
    case 'webgpu':
      // Dynamic imports: a backend's code loads only when it is tried.
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // The flag exists only once the package is loaded; flag and count count only before the backend starts.
      // With threads, tfjs's own probe of the flag (SharedArrayBuffer, wasm atomics) still decides.
      if ((opts.threads ?? 1) > 1) wasm.setThreadsCount(opts.threads ?? 1);
      else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      // setWasmPaths after initialisation would not apply, so only before the first start.
      if (opts.wasmPaths !== undefined && !('wasm' in tf.engine().registry)) wasm.setWasmPaths(checkWasmPaths(opts.wasmPaths));
      registerWasmGradients(tf);
      // Netloom's faster kernels in place of tfjs-wasm's slow ones (docs/wasm-kernels.md).
      await registerWasmOwnKernels(tf);
      return;
    }
    case 'webgl':
    case 'cpu':
      return; // bundled with @tensorflow/tfjs
    default:
      assertNever(name, 'backend');
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * `tf.setBackend` that gives up after `ms`. A backend start can hang rather than fail (the
 * threaded wasm build whose pthread workers die: from a minified bundle without
 * scripts/vite-tfjs-wasm-threads.ts, or blocked by a policy; the promise never settles); removing
 * the backend makes tfjs drop the pending start, so the next one can run.
 */
export async function setBackendWithin(tf: Tf, name: string, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const result = await Promise.race([tf.setBackend(name), timeout]);
    if (result !== 'timeout') return result;
    tf.removeBackend(name);
    throw new Error(`did not start within ${ms} ms (removed for this session)`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Activates the first backend of `order` that really starts: each is loaded, configured and set
 * with `tf.setBackend`, whose boolean result is checked (webgpu without an adapter resolves
 * `false` rather than throwing), and confirmed with `tf.getBackend()`. Throws, listing every
 * failure, when none starts or a start exceeds `initTimeoutMs`. `tf` must be the instance the
 * backend packages register into.
 */
export async function activateBackend(tf: Tf, order: readonly BackendName[], opts: ActivateOptions = {}): Promise<ActivatedBackend> {
  const tried: ActivatedBackend['tried'] = [];
  for (const name of order) {
    try {
      await prepare(tf, name, opts);
      const start = () => setBackendWithin(tf, name, opts.initTimeoutMs ?? 20_000);
      const ok = name === 'wasm' ? await withCoresShown(opts.threads ?? 1, start) : await start();
      if (!ok) throw new Error('setBackend resolved false (the backend failed to initialise)');
      const active = tf.getBackend();
      if (active !== name) throw new Error(`tfjs reports backend ${active} after setBackend('${name}')`);
      const started: ActivatedBackend = { backend: name, reason: opts.reasons?.[name] ?? `requested ${name}`, tried };
      if (name === 'wasm') {
        started.threads = (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount();
        started.ownKernels = wasmOwnKernelsBound(tf);
        if (!started.ownKernels) started.reason += "; Netloom's faster kernels could not bind to its memory, so tfjs's own run";
      }
      return started;
    } catch (e) {
      tried.push({ name, error: message(e) });
    }
  }
  throw new Error(`No tfjs backend could start: ${tried.map((t) => `${t.name}: ${t.error}`).join('; ') || 'none requested'}`);
}
