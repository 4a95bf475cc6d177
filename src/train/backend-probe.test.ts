import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeBackendFacts } from './backend-probe';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('probeBackendFacts', () => {
  it('returns sane defaults where the browser APIs are missing (plain Node)', async () => {
    vi.stubGlobal('navigator', undefined);
    const facts = await probeBackendFacts();
    expect(facts).toEqual({
      webgpu: null,
      webgl: null,
      wasm: { simd: true, threadsPossible: false },
      crossOriginIsolated: false,
      hardwareConcurrency: 1,
    });
  });

  it.each([
    ['a null adapter', async () => null, { available: false, fallback: false }],
    ['a throwing requestAdapter', async () => Promise.reject(new Error('blocked')), { available: false, fallback: false }],
    [
      "SwiftShader's fallback adapter",
      async () => ({ info: { isFallbackAdapter: true, architecture: 'swiftshader', vendor: 'google' } }),
      { available: true, fallback: true, architecture: 'swiftshader', vendor: 'google' },
    ],
    ['an older adapter with the flag on itself', async () => ({ isFallbackAdapter: true }), { available: true, fallback: true }],
  ])('reads WebGPU from %s', async (_name, requestAdapter, expected) => {
    vi.stubGlobal('navigator', { gpu: { requestAdapter }, hardwareConcurrency: 8 });
    vi.stubGlobal('crossOriginIsolated', true);
    const facts = await probeBackendFacts();
    expect(facts.webgpu).toEqual(expected);
    expect(facts.hardwareConcurrency).toBe(8);
    expect(facts.crossOriginIsolated).toBe(true);
    expect(facts.wasm.threadsPossible).toBe(true);
  });
});
