import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileOwnModules, ownInstance } from './own-module';
import { relativeError, seeded, startWasm, valuesOn } from './test-support';

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Adam steps on one batch with one-hot labels: the loss per step, then the final weights. */
function adamRun(build: () => tf.LayersModel, xShape: number[], steps: number): () => tf.Tensor[] {
  return () => {
    const model = build();
    model.setWeights(model.getWeights().map((w, i) => tf.mul(tf.tensor(seeded(w.size, 30 + i), w.shape), 0.1)));
    const optimizer = tf.train.adam(1e-3);
    const [batch = 1] = xShape;
    const x = tf
      .tensor(
        seeded(
          xShape.reduce((a, b) => a * b, 1),
          13,
        ),
        xShape,
      )
      .abs();
    const labels = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: batch }, (_, i) => (i * 7) % 10),
        'int32',
      ),
      10,
    );
    const losses: tf.Tensor[] = [];
    for (let step = 0; step < steps; step++) {
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, model.predict(x) as tf.Tensor), true);
      if (loss) losses.push(loss);
    }
    const weights = model.getWeights().map((w) => w.clone());
    model.dispose();
    optimizer.dispose();
    return [tf.stack(losses), ...weights];
  };
}

async function expectSameTraining(run: () => tf.Tensor[]): Promise<void> {
  const cpu = await valuesOn('cpu', run);
  const wasm = await valuesOn('wasm', run);
  // [loss curve, ...weights]: float32 sums in another order drift a little over the steps.
  cpu.forEach((expected, i) => expect(relativeError(wasm[i] ?? [], expected), i === 0 ? 'loss curve' : `weight ${i - 1}`).toBeLessThan(1e-4));
}

describe("training on wasm with Netloom's kernels matches cpu", () => {
  it('runs them on the wasm backend (not the fallbacks)', async () => {
    const module = await compileOwnModules();
    expect(module).not.toBeNull();
    expect(module && ownInstance(module)(tf.findBackend('wasm'))).not.toBeNull();
  });

  it('MLP 784-128-10, batch 64, 8 Adam steps', async () => {
    const build = () =>
      tf.sequential({
        layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10 })],
      });
    await expectSameTraining(adamRun(build, [64, 784], 8));
  });

  it('a small CNN (valid and same convs, disjoint and overlapping pools), batch 16, 4 Adam steps', async () => {
    const build = () =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 3, strides: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 10 }),
        ],
      });
    await expectSameTraining(adamRun(build, [16, 28, 28, 1], 4));
  });
});
