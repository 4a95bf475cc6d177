import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendFacts } from './backend';
import type { BackendOps } from './trainer-backends';
import { NODE_FACTS, harness, mlp } from './trainer-test-support';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NVIDIA: BackendFacts = { ...NODE_FACTS, webgl: { renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11)', floatRenderTarget: true } };

/**
 * Backend calls that pretend: `activate` and `use` only note which backend would be active (tfjs
 * stays on cpu and trains there), steps take the time `msPerStep` gives the pretended backend, and
 * kernels are missing where `missing` says.
 */
function pretend(msPerStep: Record<string, number>, missing: Record<string, string[]> = {}, failWasm = false) {
  const log: string[] = [];
  let active = 'none';
  const ops: Partial<BackendOps> = {
    activate: async (order, reasons) => {
      const name = order[0] ?? 'cpu';
      if (name === 'wasm' && failWasm) throw new Error('wasm did not start');
      active = name;
      log.push(`activate ${order.join(',')}`);
      return { backend: name, reason: reasons?.[name] ?? `requested ${name}`, tried: [] };
    },
    use: async (name) => {
      active = name;
      log.push(`use ${name}`);
    },
    timeSteps: async () => {
      log.push(`time ${active}`);
      return msPerStep[active] ?? 1;
    },
    kernelsMissing: async (_model, backend) => {
      log.push(`check ${backend}`);
      return missing[backend] ?? [];
    },
  };
  return { ops, log, active: () => active };
}

describe('the backend a model trains on', () => {
  it('races a hardware GPU against wasm on this model, keeps the faster and says why, once per model', async () => {
    const fake = pretend({ webgl: 8, wasm: 2 });
    const h = await harness({ probeFacts: () => Promise.resolve(NVIDIA), backends: fake.ops }, 'auto');
    expect(h.of('backend')[0]).toMatchObject({ backend: 'webgl', reason: 'WebGL on a hardware GPU (ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11))' });
    expect(await h.train(1, mlp())).toMatchObject({ status: 'completed' });
    expect(fake.log).toEqual(['activate webgl,wasm,cpu', 'use webgl', 'time webgl', 'activate wasm', 'time wasm', 'use wasm', 'check wasm']);
    expect(h.of('backend')[1]).toEqual({
      type: 'backend',
      backend: 'wasm',
      reason: 'timed on this model: webgl 8.0 ms/step vs wasm 2.0 ms/step, so wasm',
      tried: [],
    });
    // The same model again: no second race, straight to its backend.
    fake.log.length = 0;
    await h.train(2, mlp());
    expect(fake.log).toEqual(['use wasm']);
    // Another model is timed afresh, from the GPU.
    fake.log.length = 0;
    await h.train(3, mlp(12));
    expect(fake.log).toEqual(['use webgl', 'time webgl', 'activate wasm', 'time wasm', 'use wasm', 'check wasm']);
  });

  it('trains on the GPU backend the user picked, with no race, even where wasm would be faster', async () => {
    const fake = pretend({ webgl: 8, wasm: 2 });
    const h = await harness({ probeFacts: () => Promise.resolve(NVIDIA), backends: fake.ops }, 'webgl');
    expect(await h.train(1, mlp())).toMatchObject({ status: 'completed' });
    expect(fake.log).toEqual(['activate webgl,wasm,cpu', 'use webgl', 'check webgl']);
    expect(h.of('backend')).toHaveLength(1);
  });

  it('does not try WebGPU without an adapter: it says why, and the fallback trains', async () => {
    const fake = pretend({});
    // NODE_FACTS: no WebGPU adapter here, as in headless Chromium.
    const h = await harness({ probeFacts: () => Promise.resolve(NODE_FACTS), backends: fake.ops }, 'webgpu');
    expect(fake.log[0]).toBe('activate wasm,cpu');
    expect(h.of('backend')[0]).toMatchObject({ backend: 'wasm', tried: [{ name: 'webgpu', error: 'this browser does not offer WebGPU' }] });
    expect(await h.train(1, mlp())).toMatchObject({ status: 'completed' });
  });

  it('keeps the GPU when it is faster, and when the race itself fails', async () => {
    const faster = pretend({ webgl: 1, wasm: 5 });
    const h = await harness({ probeFacts: () => Promise.resolve(NVIDIA), backends: faster.ops }, 'auto');
    await h.train(1, mlp());
    expect(faster.active()).toBe('webgl');
    expect(h.of('backend').at(-1)?.reason).toBe('timed on this model: webgl 1.0 ms/step vs wasm 5.0 ms/step, so webgl');

    const failing = pretend({ webgl: 9, wasm: 1 }, {}, true);
    const g = await harness({ probeFacts: () => Promise.resolve(NVIDIA), backends: failing.ops }, 'auto');
    expect(await g.train(1, mlp())).toMatchObject({ status: 'completed' });
    expect(failing.log.slice(-2)).toEqual(['use webgl', 'check webgl']);
    expect(g.of('backend')).toHaveLength(1);
  });

  it('trains on plain JavaScript when the chosen backend lacks a kernel, and says which', async () => {
    const fake = pretend({ webgl: 1, wasm: 5 }, { webgl: ['Conv2DBackpropFilter'] });
    const h = await harness({ probeFacts: () => Promise.resolve(NVIDIA), backends: fake.ops }, 'auto');
    expect(await h.train(1, mlp())).toMatchObject({ status: 'completed' });
    expect(fake.active()).toBe('cpu');
    expect(h.of('backend').at(-1)).toEqual({
      type: 'backend',
      backend: 'cpu',
      reason: 'webgl lacks Conv2DBackpropFilter for this model, so it trains on plain JavaScript (slower)',
      tried: [{ name: 'webgl', error: 'missing kernels: Conv2DBackpropFilter' }],
    });
    // Known now: no second check (tfjs is on cpu already, so nothing to switch either).
    fake.log.length = 0;
    await h.train(2, mlp());
    expect(fake.log).toEqual([]);
  });

  it('does not race without a GPU: wasm is only checked for kernels', async () => {
    const fake = pretend({});
    const h = await harness({ backends: fake.ops }, 'auto');
    await h.train(1, mlp());
    expect(fake.log).toEqual(['activate wasm,cpu', 'use wasm', 'check wasm']);
  });

  it('says when no backend could start, and still answers', async () => {
    const h = await harness({ backends: { activate: () => Promise.reject(new Error('No tfjs backend could start: wasm: blocked')) } }, 'auto');
    expect(h.of('error')).toEqual([{ type: 'error', message: 'No backend could start: No tfjs backend could start: wasm: blocked' }]);
    await h.send({ type: 'predict', requestId: 1, x: new Float32Array(2), count: 1 });
    expect(h.of('prediction')[0]?.error).toBe('train the model first');
  });
});
