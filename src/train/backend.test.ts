import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { activateBackend, chooseBackendOrder, setBackendWithin } from './backend';
import type { BackendFacts, BackendName } from './backend';
import { nodeWasmPaths } from './wasm-paths.node';

const SWIFTSHADER_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const NVIDIA_GL = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 (0x00002206) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const APPLE_GL = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)';

/** This machine as measured (research/perf-baseline.md): SwiftShader everywhere, 2 cores. */
const headless: BackendFacts = {
  webgpu: { available: true, fallback: true, architecture: 'swiftshader', vendor: 'google' },
  webgl: { renderer: SWIFTSHADER_GL, floatRenderTarget: true },
  wasm: { simd: true, threadsPossible: true },
  crossOriginIsolated: true,
  hardwareConcurrency: 2,
};
const gpuDesktop: BackendFacts = {
  ...headless,
  webgpu: { available: true, fallback: false, architecture: 'ampere', vendor: 'nvidia' },
  webgl: { renderer: NVIDIA_GL, floatRenderTarget: true },
  hardwareConcurrency: 16,
};
const gl = (renderer: string | null, floatRenderTarget = true): BackendFacts => ({ ...headless, webgpu: null, webgl: { renderer, floatRenderTarget } });

describe('chooseBackendOrder', () => {
  it.each<[string, BackendFacts, BackendName | 'auto', BackendName[]]>([
    ['headless Chromium: SwiftShader WebGL + fallback WebGPU adapter', headless, 'auto', ['wasm', 'cpu']],
    ['llvmpipe (Mesa software)', gl('llvmpipe (LLVM 15.0.6, 256 bits)'), 'auto', ['wasm', 'cpu']],
    ['Microsoft Basic Render Driver', gl('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11)'), 'auto', ['wasm', 'cpu']],
    ['real NVIDIA renderer, no WebGPU', gl(NVIDIA_GL), 'auto', ['webgl', 'wasm', 'cpu']],
    ['Apple M2 renderer', gl(APPLE_GL), 'auto', ['webgl', 'wasm', 'cpu']],
    ['hardware GPU without float render targets', gl(NVIDIA_GL, false), 'auto', ['wasm', 'cpu']],
    ['hidden WebGL renderer', gl(null), 'auto', ['wasm', 'cpu']],
    ['no WebGL, no WebGPU', { ...headless, webgpu: null, webgl: null }, 'auto', ['wasm', 'cpu']],
    ['WebGPU present but no adapter', { ...gl(NVIDIA_GL), webgpu: { available: false, fallback: false } }, 'auto', ['webgl', 'wasm', 'cpu']],
    [
      'non-fallback adapter that is SwiftShader',
      { ...headless, webgpu: { available: true, fallback: false, architecture: 'swiftshader' } },
      'auto',
      ['wasm', 'cpu'],
    ],
    ['hardware GPU desktop', gpuDesktop, 'auto', ['webgpu', 'webgl', 'wasm', 'cpu']],
    ['user picks webgl on SwiftShader', headless, 'webgl', ['webgl', 'wasm', 'cpu']],
    ['user picks cpu on a GPU desktop', gpuDesktop, 'cpu', ['cpu', 'webgpu', 'webgl', 'wasm']],
    ['user picks wasm on a GPU desktop', gpuDesktop, 'wasm', ['wasm', 'webgpu', 'webgl', 'cpu']],
  ])('%s', (_name, facts, choice, order) => {
    const result = chooseBackendOrder(facts, choice);
    expect(result.order).toEqual(order);
    for (const name of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) expect(result.reasons[name]).toMatch(/\w/);
  });

  it.each<[string, BackendFacts, BackendName, string]>([
    [
      'WebGPU without an adapter',
      { ...headless, webgpu: { available: false, fallback: false } },
      'webgpu',
      'this browser has no WebGPU adapter (no usable GPU)',
    ],
    ['WebGPU in a browser without it', { ...headless, webgpu: null }, 'webgpu', 'this browser does not offer WebGPU'],
    ['WebGL in a browser without WebGL2', { ...headless, webgl: null }, 'webgl', 'this browser offers no WebGL2'],
  ])('does not try a choice that cannot start (%s): it says why, and the automatic order runs', (_name, facts, choice, error) => {
    const result = chooseBackendOrder(facts, choice);
    expect(result.cannotStart).toEqual({ name: choice, error });
    expect(result.order).toEqual(['wasm', 'cpu']);
    // A software adapter can start (slowly): the user's choice is theirs.
    const software = chooseBackendOrder(headless, 'webgpu');
    expect(software.order).toEqual(['webgpu', 'wasm', 'cpu']);
    expect(software.cannotStart).toBeUndefined();
  });

  it('explains the skips in words', () => {
    const { reasons } = chooseBackendOrder(headless);
    expect(reasons.webgl).toBe('WebGL renderer is SwiftShader (software): skipped, wasm is 4x faster here');
    expect(reasons.webgpu).toMatch(/software fallback \(swiftshader\)/);
    expect(chooseBackendOrder(headless, 'webgl').reasons.webgl).toMatch(/^chosen in the training settings/);
  });
});

describe('activateBackend (real tfjs in Node)', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('activates cpu', async () => {
    const result = await activateBackend(tf, ['cpu']);
    expect(result).toEqual({ backend: 'cpu', reason: 'requested cpu', tried: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('activates wasm (plain SIMD build) with its gradient kernels', async () => {
    const result = await activateBackend(tf, ['wasm', 'cpu'], { wasmPaths: nodeWasmPaths(), reasons: { wasm: 'fastest' } });
    expect(result).toEqual({ backend: 'wasm', reason: 'fastest', tried: [], threads: 1, ownKernels: true });
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(Array.from(tf.add(tf.tensor1d([1, 2]), 1).dataSync())).toEqual([2, 3]);
  });

  it('falls through a backend that cannot start, recording why', async () => {
    // webgl has no WebGL context in Node: setBackend resolves false, then cpu takes over.
    const result = await activateBackend(tf, ['webgl', 'cpu']);
    expect(result.backend).toBe('cpu');
    expect(result.tried.map((t) => t.name)).toEqual(['webgl']);
    expect(result.tried[0]?.error).toMatch(/\w/);
  });

  it('throws when nothing starts', async () => {
    await expect(activateBackend(tf, ['webgl'])).rejects.toThrow(/No tfjs backend could start: webgl: /);
  });

  it('gives up on a backend whose start hangs, and the next one starts', async () => {
    tf.registerBackend('hangs-forever', () => new Promise<never>(() => undefined));
    await expect(setBackendWithin(tf, 'hangs-forever', 30)).rejects.toThrow(/did not start within 30 ms/);
    expect(tf.findBackendFactory('hangs-forever')).toBeNull();
    expect((await activateBackend(tf, ['cpu'])).backend).toBe('cpu');
    expect(tf.sum(tf.tensor1d([1, 2])).dataSync()[0]).toBe(3);
  });
});
