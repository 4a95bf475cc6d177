import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTfjsModel } from '../compile/to-tfjs';
import { seedExample } from '../analysis/templates';
import { pickFaster, timeTrainingSteps } from './gpu-race';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('GPU versus wasm on the user model', () => {
  it.each([
    [{ backend: 'webgl', msPerStep: 2 }, { backend: 'wasm', msPerStep: 5 }, 'webgl'],
    [{ backend: 'webgpu', msPerStep: 9 }, { backend: 'wasm', msPerStep: 3 }, 'wasm'],
    [{ backend: 'webgl', msPerStep: 4 }, { backend: 'wasm', msPerStep: 4 }, 'webgl'],
  ])('%j vs %j keeps %s', (gpu, wasm, winner) => {
    const pick = pickFaster(gpu, wasm);
    expect(pick.backend).toBe(winner);
    expect(pick.reason).toContain(`${gpu.backend} ${gpu.msPerStep.toFixed(1)} ms/step`);
  });

  it('times real training steps of the model after a warm-up, without leaking tensors', async () => {
    const model = toTfjsModel(tf, seedExample(4, 3));
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const x = tf.randomNormal([32, 4]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3);
    expect(await timeTrainingSteps(tf, model, x, y)).toBeGreaterThan(0);
    // The first call creates the optimizer's slots; a second one must add nothing.
    const after = tf.memory().numTensors;
    expect(await timeTrainingSteps(tf, model, x, y)).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(after);
    tf.dispose([x, y]);
    model.dispose();
  });
});
