import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsActivation } from '../keras-values';
import { netloomLayer, registerNetloomLayers } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerNetloomLayers(tf);
});

const X = [-2, -0.7, -0.3, 0, 0.3, 0.7, 2];

/** Keras 3.15's own outputs on X (keras.activations.get(name)(X), JAX backend), to 6 decimals. */
const KERAS_OUTPUTS: Readonly<Record<string, readonly number[]>> = {
  celu: [-0.864665, -0.503415, -0.259182, 0, 0.3, 0.7, 2],
  hard_silu: [-0.333333, -0.268333, -0.135, 0, 0.165, 0.431667, 1.666667],
  hard_tanh: [-1, -0.7, -0.3, 0, 0.3, 0.7, 1],
  tanh_shrink: [-1.035972, -0.095632, -0.008687, 0, 0.008687, 0.095632, 1.035972],
  soft_shrink: [-1.5, -0.2, 0, 0, 0, 0.2, 1.5],
  hard_shrink: [-2, -0.7, 0, 0, 0, 0.7, 2],
  squareplus: [0.414214, 0.709481, 0.861187, 1, 1.161187, 1.409481, 2.414214],
  sparse_plus: [0, 0.0225, 0.1225, 0.25, 0.4225, 0.7225, 2],
  leaky_relu: [-0.4, -0.14, -0.06, 0, 0.3, 0.7, 2],
  log_sigmoid: [-2.126928, -1.103186, -0.854355, -0.693147, -0.554355, -0.403186, -0.126928],
  exponential: [0.135335, 0.496585, 0.740818, 1, 1.349859, 2.013753, 7.389056],
  gelu: [-0.0455, -0.169375, -0.114627, 0, 0.185373, 0.530625, 1.9545],
};

function modelWith(layer: tf.layers.Layer, shape: number[]): tf.LayersModel {
  const input = tf.input({ shape });
  return tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
}

const run = (model: tf.LayersModel, values: number[], shape: number[]) =>
  Array.from((model.predict(tf.tensor(values, shape)) as tf.Tensor).dataSync());

describe('activations Netloom adds to tfjs', () => {
  it.each(Object.entries(KERAS_OUTPUTS))('%s computes what Keras 3 computes, and reloads from model.json', async (name, want) => {
    const model = modelWith(tf.layers.activation({ activation: tfjsActivation(name) as never }), [7]);
    run(model, X, [1, 7]).forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 5));
    const json = model.toJSON(null, false) as unknown as { config: { layers: { config: { activation: string } }[] } };
    expect(json.config.layers[1]?.config.activation).toBe(name);
    const back = await tf.models.modelFromJSON({ modelTopology: json } as never);
    run(back, X, [1, 7]).forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 5));
  });

  it('makes tfjs read back its own gelu_new', async () => {
    const model = modelWith(tf.layers.dense({ units: 2, activation: 'gelu_new' as never }), [3]);
    await expect(tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) } as never)).resolves.toBeDefined();
  });
});

describe('layers Netloom adds to or mends in tfjs', () => {
  it('ReLU takes negative_slope and threshold as Keras 3 does', () => {
    const layer = netloomLayer(tf, 'ReLU', { maxValue: 2, negativeSlope: 0.1, threshold: 0.5 });
    const out = run(modelWith(layer, [6]), [-1, 0, 0.4, 0.5, 1, 3], [1, 6]);
    [-0.15, -0.05, -0.01, 0, 1, 2].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 6));
    expect(layer.getConfig()).toMatchObject({ maxValue: 2, negativeSlope: 0.1, threshold: 0.5 });
  });

  it('ELU takes any alpha', () => {
    const out = run(modelWith(netloomLayer(tf, 'ELU', { alpha: 0.5 }), [3]), [-1, 0, 1], [1, 3]);
    [-0.31606027, 0, 1].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 6));
  });

  it('ThresholdedReLU is x above theta and 0 at or below it (Keras 3 ReLU(threshold=1.0)), and trains', () => {
    const layer = netloomLayer(tf, 'ThresholdedReLU', { theta: 1 });
    const out = run(modelWith(layer, [6]), [-1, 0, 0.5, 1, 1.5, 3], [1, 6]);
    [0, 0, 0, 0, 1.5, 3].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 6));
    // tfjs's own multiplies by Greater, which has no gradient.
    const grad = tf.grad((x) => (layer.apply(x) as tf.Tensor).sum())(tf.tensor([[-1, 0.5, 1, 2]]));
    expect(Array.from(grad.dataSync())).toEqual([0, 0, 0, 1]);
  });

  it('Softmax takes any axis and defaults to the last, as Keras 3 computes', () => {
    const x = [-1, 0.5, 2, 0.3, -0.2, 1];
    const cases: [number | number[] | undefined, number[]][] = [
      [1, [0.214165, 0.668188, 0.731059, 0.785835, 0.331812, 0.268941]],
      [undefined, [0.039113, 0.17529, 0.785597, 0.276221, 0.167537, 0.556242]],
      [[1, 2], [0.025739, 0.115355, 0.516987, 0.094445, 0.057284, 0.190189]],
    ];
    for (const [axis, want] of cases) {
      const layer = netloomLayer(tf, 'Softmax', axis === undefined ? {} : { axis });
      run(modelWith(layer, [2, 3]), x, [1, 2, 3]).forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 5));
    }
  });

  it('ZeroPadding1D pads the steps axis unevenly, and its shape is known symbolically', () => {
    const model = modelWith(netloomLayer(tf, 'ZeroPadding1D', { padding: [1, 2] }), [2, 1]);
    expect(model.outputs[0]?.shape).toEqual([null, 5, 1]);
    expect(run(model, [3, 4], [1, 2, 1])).toEqual([0, 3, 4, 0, 0]);
  });

  it('Resizing keeps the batch axis and resizes as Keras does (half-pixel centres, crop to aspect ratio)', () => {
    const up = modelWith(netloomLayer(tf, 'Resizing', { height: 4, width: 4 }), [2, 2, 1]);
    expect(up.outputs[0]?.shape).toEqual([null, 4, 4, 1]);
    expect(run(up, [0, 1, 2, 3], [1, 2, 2, 1])).toEqual([0, 0.25, 0.75, 1, 0.5, 0.75, 1.25, 1.5, 1.5, 1.75, 2.25, 2.5, 2, 2.25, 2.75, 3]);
    const grid = Array.from({ length: 24 }, (_, i) => i);
    const crop = modelWith(netloomLayer(tf, 'Resizing', { height: 2, width: 2, cropToAspectRatio: true }), [4, 6, 1]);
    expect(run(crop, grid, [1, 4, 6, 1])).toEqual([4.5, 6.5, 16.5, 18.5]);
    const nearest = modelWith(netloomLayer(tf, 'Resizing', { height: 3, width: 2, interpolation: 'nearest' }), [4, 6, 1]);
    expect(run(nearest, grid, [1, 4, 6, 1])).toEqual([1, 4, 13, 16, 19, 22]);
  });
});
