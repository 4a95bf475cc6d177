/**
 * How many threads the wasm backend trains on. tfjs-backend-wasm has a threaded SIMD build (its
 * XNNPACK kernels split work over pthreads, which are Web Workers sharing one memory); it needs
 * cross-origin isolation (SharedArrayBuffer) and wasm SIMD. Netloom uses it from 4 cores, or when
 * told to (tests, benches, the page's `?wasm-threads=` parameter).
 */
import type { BackendFacts } from './backend';

/** `auto`: threads where {@link wasmThreads} says so; `on` and `off` force them wherever they can run. */
export type WasmThreadsChoice = 'auto' | 'on' | 'off';

/** Every {@link WasmThreadsChoice}, for parsing. */
export const WASM_THREADS_CHOICES: readonly WasmThreadsChoice[] = ['auto', 'on', 'off'];

/** The most threads Netloom asks for: tfjs 4.22's threaded build starts a pool of 8 pthread workers. */
export const MAX_WASM_THREADS = 8;

/** Whether `auto` picks the threaded build: threads need isolation, and Netloom uses them from 4 cores. */
export function wasmThreads(facts: Pick<BackendFacts, 'crossOriginIsolated' | 'hardwareConcurrency'>): boolean {
  return facts.crossOriginIsolated && facts.hardwareConcurrency >= 4;
}

/** The thread count to start wasm with (1: the single-threaded SIMD build) and why, in words. */
export interface WasmThreadPlan {
  readonly threads: number;
  readonly why: string;
}

/**
 * The threads for a choice on this host: half the logical cores (tfjs's own default: it takes two
 * logical cores for one physical one), up to {@link MAX_WASM_THREADS}, at least 2 when forced on;
 * or 1 where threads cannot run (no isolation, no SharedArrayBuffer, no SIMD).
 */
export function planWasmThreads(facts: BackendFacts, choice: WasmThreadsChoice): WasmThreadPlan {
  const cores = facts.hardwareConcurrency;
  if (choice === 'off') return { threads: 1, why: 'single-threaded, as wasm-threads=off asks' };
  if (!facts.wasm.simd) return { threads: 1, why: 'single-threaded: tfjs has threads only in its SIMD build, and this browser lacks wasm SIMD' };
  if (!facts.wasm.threadsPossible)
    return { threads: 1, why: 'single-threaded: threads need a cross-origin isolated page (SharedArrayBuffer), which this is not' };
  const half = Math.min(Math.floor(cores / 2), MAX_WASM_THREADS);
  if (choice === 'on') return { threads: Math.max(2, half), why: `threaded, as wasm-threads=on asks (${cores} cores)` };
  if (!wasmThreads(facts)) return { threads: 1, why: `single-threaded: ${cores} cores, and Netloom uses threads from 4` };
  return { threads: half, why: `threaded, ${half} threads for ${cores} cores${half === MAX_WASM_THREADS ? ' (the most tfjs starts)' : ''}` };
}

/**
 * Runs `start` (the wasm backend's start) while the worker's `navigator.hardwareConcurrency`
 * reads at least twice `threads`, then the real count again. tfjs-backend-wasm 4.22's C++ caps its
 * thread pool at hardwareConcurrency / 2 (it takes two logical cores for one physical core), so
 * `setThreadsCount(2)` alone gives one thread on two cores; Emscripten reads the count (its
 * `emscripten_num_logical_cores`) only while the backend starts. Does nothing where there is no
 * navigator (Node) or no need.
 */
export async function withCoresShown<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const real = nav?.hardwareConcurrency ?? 0;
  if (nav === undefined || threads <= 1 || real >= 2 * threads || Object.hasOwn(nav, 'hardwareConcurrency')) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => 2 * threads });
  try {
    return await start();
  } finally {
    // The own property goes, and the prototype's getter (the real count) shows again.
    delete nav.hardwareConcurrency;
  }
}

/** "1 thread", "4 threads". */
export const threadsText = (threads: number): string => (threads === 1 ? '1 thread' : `${threads} threads`);
