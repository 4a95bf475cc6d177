import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerFor, setLearningRate } from './compile-config';
import { fusedAdam } from './fused-adam';
import { NETLOOM_ADAM } from './wasm-kernels/adam-step';
import { fusedAdamBound } from './wasm-kernels/own-kernels';
import { relativeError, seeded, startWasm, valuesOn } from './wasm-kernels/test-support';

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

const SIZES = [1, 3, 17, 1000];

/**
 * Adam steps on free variables of odd sizes with seeded gradients, the learning rate changed
 * half way: the variables, then the optimizer's weights (iterations, every m, every v).
 */
function freeSteps(make: (lr: number) => tf.Optimizer, steps = 6): () => tf.Tensor[] {
  return () => {
    const variables = SIZES.map((n, i) => tf.variable(tf.tensor1d(seeded(n, 40 + i)), true, `free${i}`));
    const optimizer = make(0.01);
    for (let step = 0; step < steps; step++) {
      if (step === steps / 2) setLearningRate(optimizer, 0.003);
      // Gradients of mixed magnitudes, so v and the bias corrections matter.
      const grads = variables.map((v, i) => ({ name: v.name, tensor: tf.mul(tf.tensor1d(seeded(v.size, 100 * step + i)), 10 ** ((i % 3) - 1)) }));
      optimizer.applyGradients(grads);
      tf.dispose(grads.map((g) => g.tensor));
    }
    const weights = optimizer as unknown as { accumulatedFirstMoment: { variable: tf.Tensor }[]; accumulatedSecondMoment: { variable: tf.Tensor }[] };
    const out = [
      ...variables.map((v) => v.clone()),
      ...weights.accumulatedFirstMoment.map((m) => m.variable.clone()),
      ...weights.accumulatedSecondMoment.map((m) => m.variable.clone()),
      tf.scalar(optimizer.iterations),
    ];
    optimizer.dispose();
    tf.dispose(variables);
    return out;
  };
}

const keras = (lr: number) => fusedAdam(tf, lr, 0.9, 0.999, 1e-7);
const kerasTfjs = (lr: number) => tf.train.adam(lr, 0.9, 0.999, 1e-7);

/** The kernel names one call ran, through tf.profile. */
async function kernelsOf(f: () => void): Promise<string[]> {
  const info = await tf.profile(f);
  return info.kernels.map((k) => k.name);
}

describe('the fused Adam step on wasm', () => {
  it('is registered and binds on wasm, not elsewhere', async () => {
    await tf.setBackend('wasm');
    expect(fusedAdamBound(tf)).toBe(true);
    await tf.setBackend('cpu');
    expect(fusedAdamBound(tf)).toBe(false);
  });

  it("matches tfjs's Adam on cpu over several steps, sizes 1, 3, 17 and 1000, a learning rate changed mid-run", async () => {
    const before = tf.memory().numTensors;
    const cpu = await valuesOn('cpu', freeSteps(kerasTfjs));
    const wasm = await valuesOn('wasm', freeSteps(keras));
    expect(wasm.length).toBe(3 * SIZES.length + 1);
    cpu.forEach((expected, i) => expect(relativeError(wasm[i] ?? [], expected), `output ${i}`).toBeLessThan(1e-6));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs one NetloomAdam kernel per variable on wasm, and tfjs ops on cpu', async () => {
    for (const backend of ['wasm', 'cpu'] as const) {
      await tf.setBackend(backend);
      const variables = SIZES.map((n, i) => tf.variable(tf.tensor1d(seeded(n, i)), true, `count${backend}${i}`));
      const optimizer = keras(0.01);
      const grads = Object.fromEntries(variables.map((v) => [v.name, tf.onesLike(v)]));
      const names = await kernelsOf(() => optimizer.applyGradients(grads));
      const fused = names.filter((n) => n === NETLOOM_ADAM).length;
      expect(fused, backend).toBe(backend === 'wasm' ? SIZES.length : 0);
      if (backend === 'wasm') expect(names.length).toBeLessThan(SIZES.length * 4);
      expect(optimizer.iterations).toBe(1);
      optimizer.dispose();
      tf.dispose([...variables, ...Object.values(grads)]);
    }
  });

  it('keeps getWeights/setWeights working: a copy carries on as the original', async () => {
    await tf.setBackend('wasm');
    const [a, b] = ['carryA', 'carryB'].map((name) => tf.variable(tf.tensor1d(seeded(17, 1)), true, name)) as [tf.Variable, tf.Variable];
    const grad = (step: number) => tf.tensor1d(seeded(17, 7 + step));
    const first = keras(0.01);
    for (let step = 0; step < 3; step++) tf.tidy(() => first.applyGradients([{ name: 'carryA', tensor: grad(step) }]));
    b.assign(a);
    const saved = await first.getWeights();
    expect(saved.map((w) => w.name)).toEqual(['iter', 'carryA/m', 'carryA/v']);
    const second = keras(0.01);
    await second.setWeights(saved.map((w) => ({ name: w.name.replace('carryA', 'carryB'), tensor: w.tensor.clone() })));
    expect(second.iterations).toBe(3);
    for (let step = 3; step < 5; step++) {
      tf.tidy(() => first.applyGradients([{ name: 'carryA', tensor: grad(step) }]));
      tf.tidy(() => second.applyGradients([{ name: 'carryB', tensor: grad(step) }]));
    }
    // setWeights recomputes the beta powers with pow, the running ones are products: float32 apart.
    expect(relativeError(b.dataSync(), a.dataSync())).toBeLessThan(1e-6);
    first.dispose();
    second.dispose();
    tf.dispose([a, b]);
  });

  it('is still Adam to Keras export: class name and config', () => {
    const optimizer = optimizerFor(tf, { optimizer: 'adam', learningRate: 0.002, momentum: 0 });
    expect(optimizer.getClassName()).toBe('Adam');
    expect(optimizer.getConfig()).toEqual({ learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    optimizer.dispose();
  });
});

/** An MLP 784-128-10 fit with `optimizerFor`'s Adam, the learning rate cut after two epochs: losses, then weights. */
function mlpFit(): () => Promise<tf.Tensor[]> {
  return async () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
    });
    tf.tidy(() => model.setWeights(model.getWeights().map((w, i) => tf.mul(tf.tensor(seeded(w.size, 30 + i), w.shape), 0.1))));
    const optimizer = optimizerFor(tf, { optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    const x = tf.tidy(() => tf.tensor2d(seeded(128 * 784, 13), [128, 784]).abs());
    const y = tf.tidy(() =>
      tf.oneHot(
        tf.tensor1d(
          Array.from({ length: 128 }, (_, i) => (i * 7) % 10),
          'int32',
        ),
        10,
      ),
    );
    const losses: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      if (epoch === 2) setLearningRate(optimizer, 3e-4);
      const history = await model.fit(x, y, { batchSize: 64, epochs: 1, shuffle: false, verbose: 0 });
      losses.push(history.history.loss?.[0] as number);
    }
    const out = [tf.tensor1d(losses), ...model.getWeights().map((w) => w.clone())];
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
    return out;
  };
}

async function fitOn(backend: 'cpu' | 'wasm'): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const tensors = await mlpFit()();
  const values = tensors.map((t) => t.dataSync() as Float32Array);
  tf.dispose(tensors);
  return values;
}

describe('training with the fused step', () => {
  it("fits the MLP on wasm as tfjs's Adam does on cpu (loss curve and weights within 1e-4), learning rate cut mid-run", async () => {
    const before = tf.memory().numTensors;
    const cpu = await fitOn('cpu');
    const wasm = await fitOn('wasm');
    cpu.forEach((expected, i) => expect(relativeError(wasm[i] ?? [], expected), i === 0 ? 'loss curve' : `weight ${i - 1}`).toBeLessThan(1e-4));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("goes through the fused kernel in a layers model's step on wasm (one per weight)", async () => {
    await tf.setBackend('wasm');
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 4, activation: 'relu' }), tf.layers.dense({ units: 2 })] });
    const optimizer = optimizerFor(tf, { optimizer: 'adam', learningRate: 1e-3, momentum: 0 });
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const [x, y] = [tf.ones([3, 5]), tf.ones([3, 2])];
    const info = await tf.profile(async () => {
      await model.trainOnBatch(x, y);
    });
    expect(info.kernels.filter((k) => k.name === NETLOOM_ADAM)).toHaveLength(4);
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  });
});
