import { describe, expect, it } from 'vitest';
import type { BackendFacts } from './backend';
import { planWasmThreads, wasmThreads, withCoresShown } from './wasm-threads';
import type { WasmThreadsChoice } from './wasm-threads';

const host = (cores: number, over: Partial<BackendFacts> = {}): BackendFacts => ({
  webgpu: null,
  webgl: null,
  wasm: { simd: true, threadsPossible: true },
  crossOriginIsolated: true,
  hardwareConcurrency: cores,
  ...over,
});

describe('wasmThreads', () => {
  it.each([
    [true, 2, false],
    [true, 4, true],
    [false, 16, false],
  ])('isolated %s, %i cores -> %s', (isolated, cores, expected) => {
    expect(wasmThreads({ crossOriginIsolated: isolated, hardwareConcurrency: cores })).toBe(expected);
  });
});

describe('planWasmThreads', () => {
  it.each<[string, BackendFacts, WasmThreadsChoice, number, RegExp]>([
    ['2 cores, auto: single-threaded', host(2), 'auto', 1, /^single-threaded: 2 cores, and Netloom uses threads from 4$/],
    ['4 cores, auto: half of them, as tfjs would', host(4), 'auto', 2, /^threaded, 2 threads for 4 cores$/],
    ['8 cores, auto', host(8), 'auto', 4, /^threaded, 4 threads for 8 cores$/],
    ['32 cores, auto: capped at the pool tfjs starts', host(32), 'auto', 8, /^threaded, 8 threads for 32 cores \(the most tfjs starts\)$/],
    ['2 cores, on: both', host(2), 'on', 2, /^threaded, as wasm-threads=on asks \(2 cores\)$/],
    ['1 core, on: still two, so the threaded build runs', host(1), 'on', 2, /as wasm-threads=on asks/],
    ['8 cores, off', host(8), 'off', 1, /^single-threaded, as wasm-threads=off asks$/],
    ['not isolated, on: cannot', host(8, { crossOriginIsolated: false, wasm: { simd: true, threadsPossible: false } }), 'on', 1, /cross-origin isolated page/],
    ['isolated but no SIMD', host(8, { wasm: { simd: false, threadsPossible: true } }), 'auto', 1, /lacks wasm SIMD/],
  ])('%s', (_name, facts, choice, threads, why) => {
    const plan = planWasmThreads(facts, choice);
    expect(plan.threads).toBe(threads);
    expect(plan.why).toMatch(why);
  });
});

describe('withCoresShown', () => {
  /** A navigator like a worker's: the count is a getter on its prototype. */
  function fakeNavigator(cores: number): () => void {
    const holder = globalThis as { navigator?: unknown };
    const before = Object.getOwnPropertyDescriptor(holder, 'navigator');
    Object.defineProperty(holder, 'navigator', {
      configurable: true,
      value: Object.create({
        get hardwareConcurrency() {
          return cores;
        },
      }),
    });
    return () => (before ? Object.defineProperty(holder, 'navigator', before) : delete holder.navigator);
  }
  const cores = () => (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;

  it('shows Emscripten twice the threads while the backend starts, then the real count, also when the start fails', async () => {
    const restore = fakeNavigator(2);
    try {
      expect(await withCoresShown(2, async () => cores())).toBe(4);
      expect(cores()).toBe(2);
      await expect(withCoresShown(3, () => Promise.reject(new Error('no start')))).rejects.toThrow('no start');
      expect(cores()).toBe(2);
      // Enough cores already, or one thread: nothing is shown.
      expect(await withCoresShown(1, async () => cores())).toBe(2);
    } finally {
      restore();
    }
  });

  it('shows nothing where the cores suffice already, and just starts where there is no navigator (Node 20)', async () => {
    const restore = fakeNavigator(16);
    try {
      expect(await withCoresShown(4, async () => cores())).toBe(16);
    } finally {
      restore();
    }
    expect(await withCoresShown(4, async () => 'started')).toBe('started');
  });
});
