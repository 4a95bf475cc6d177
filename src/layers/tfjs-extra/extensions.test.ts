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

function modelWith(layer: tf.layers.Layer, shape: (number | null)[]): tf.LayersModel {
  const input = tf.input({ shape });
  return tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
}

const run = (model: tf.LayersModel, values: number[], shape: number[]) => Array.from((model.predict(tf.tensor(values, shape)) as tf.Tensor).dataSync());

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
      [
        [1, 2],
        [0.025739, 0.115355, 0.516987, 0.094445, 0.057284, 0.190189],
      ],
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

  it('Resizing crops to the aspect ratio with truncated sizes, as Keras does', () => {
    // Keras keeps int(7 * 2 / 3) = 4 of the 5 columns; rounding would keep all 5.
    const crop = modelWith(netloomLayer(tf, 'Resizing', { height: 3, width: 2, cropToAspectRatio: true }), [7, 5, 1]);
    const out = run(
      crop,
      Array.from({ length: 35 }, (_, i) => i),
      [1, 7, 5, 1],
    );
    [3.833333, 5.833333, 15.5, 17.5, 27.166664, 29.166664].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 4));
  });

  it('CenterCrop keeps the centre as Keras does, leaves its input shape alone, and has a gradient', () => {
    const model = modelWith(netloomLayer(tf, 'CenterCrop', { height: 4, width: 5 }), [7, 6, 1]);
    expect(model.outputs[0]?.shape).toEqual([null, 4, 5, 1]);
    expect(model.inputs[0]?.shape).toEqual([null, 7, 6, 1]);
    // Widths 6 -> 5: Keras starts at column 0 (tfjs 4.22's own at column 1).
    const grid = Array.from({ length: 42 }, (_, i) => i);
    expect(run(model, grid, [1, 7, 6, 1])).toEqual([6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28]);
    const x = tf.tensor(grid, [1, 7, 6, 1]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(model.predict(t) as tf.Tensor))(x);
    expect(tf.sum(grad).dataSync()[0]).toBe(20);
  });

  it('CenterCrop resizes a smaller image as Keras does (smart_resize) when its size is only known at run time', () => {
    const model = modelWith(netloomLayer(tf, 'CenterCrop', { height: 2, width: 4 }), [null, null, 1]);
    const out = run(
      model,
      Array.from({ length: 15 }, (_, i) => i),
      [1, 5, 3, 1],
    );
    [6, 6.625, 7.375, 8, 6, 6.625, 7.375, 8].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it("CategoryEncoding encodes several ids per sample as Keras does, and reads Keras's mode names", () => {
    const ids = [0, 2, 2, 3, 1, 0];
    const encode = (outputMode: string, shape: number[], values: number[]) => {
      const model = modelWith(netloomLayer(tf, 'CategoryEncoding', { numTokens: 4, outputMode }), shape.slice(1));
      return { shape: model.outputs[0]?.shape, out: run(model, values, shape) };
    };
    expect(encode('one_hot', [2, 3], ids)).toEqual({
      shape: [null, 3, 4],
      out: [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0],
    });
    expect(encode('oneHot', [2, 1], [3, 1])).toEqual({ shape: [null, 4], out: [0, 0, 0, 1, 0, 1, 0, 0] });
    expect(encode('multi_hot', [2, 3], ids)).toEqual({ shape: [null, 4], out: [1, 0, 1, 0, 1, 1, 0, 1] });
    expect(encode('count', [2, 3], ids)).toEqual({ shape: [null, 4], out: [1, 0, 2, 0, 1, 1, 0, 1] });
    expect(() => encode('count', [1, 3], [0, 4, 1])).toThrow('ids must be from 0 to num_tokens - 1 = 3');
  });

  it('RandomWidth leaves the width unknown, passes images through at prediction, and resizes as Keras 2 does while training', () => {
    const layer = netloomLayer(tf, 'RandomWidth', { factor: [0.5, 0.5], seed: 3 });
    const model = modelWith(layer, [2, 4, 1]);
    expect(model.outputs[0]?.shape).toEqual([null, 2, null, 1]);
    const grid = Array.from({ length: 8 }, (_, i) => i);
    expect(run(model, grid, [1, 2, 4, 1])).toEqual(grid);
    // A factor of exactly 1.5: width int(1.5 * 4) = 6, bilinear with half-pixel centres (Keras 3's resize).
    const trained = layer.apply(tf.tensor(grid, [1, 2, 4, 1]), { training: true }) as tf.Tensor;
    expect(trained.shape).toEqual([1, 2, 6, 1]);
    const want = [0, 0.5, 1.166667, 1.833334, 2.5, 3, 4, 4.5, 5.166666, 5.833334, 6.5, 7];
    Array.from(trained.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 5));
    expect(layer.getConfig()).toMatchObject({ factor: [0.5, 0.5], seed: 3, interpolation: 'bilinear' });
    const shrink = netloomLayer(tf, 'RandomWidth', { factor: [-0.25, -0.25], interpolation: 'nearest' });
    const small = shrink.apply(tf.tensor(grid, [1, 2, 4, 1]), { training: true }) as tf.Tensor;
    expect(small.shape).toEqual([1, 2, 3, 1]);
    expect(Array.from(small.dataSync())).toEqual([0, 2, 3, 4, 6, 7]);
    expect(() => netloomLayer(tf, 'RandomWidth', { factor: [0.3, 0.1] })).toThrow('RandomWidth factor');
  });
});

/** Inputs with these sample shapes, through `layer`, as one model. */
function mergeModel(layer: tf.layers.Layer, shapes: (number | null)[][]): tf.LayersModel {
  const inputs = shapes.map((shape) => tf.input({ shape }));
  return tf.model({ inputs, outputs: layer.apply(inputs) as tf.SymbolicTensor });
}

const values = (t: tf.Tensor | tf.Tensor[]) => Array.from((Array.isArray(t) ? (t[0] as tf.Tensor) : t).dataSync());
const close = (got: number[], want: readonly number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 5));
};

describe('layers Netloom puts in place of tfjs 4.22 ones that differ from Keras 3', () => {
  it('Cropping2D keeps an unknown size unknown (tfjs makes it negative) and crops as Keras does', () => {
    const stock = tf.layers
      .cropping2D({
        cropping: [
          [1, 0],
          [2, 1],
        ],
      })
      .apply(tf.input({ shape: [null, null, 1] })) as tf.SymbolicTensor;
    expect(stock.shape).toEqual([null, -1, -3, 1]);
    const input = tf.input({ shape: [null, null, 1] });
    const model = tf.model({
      inputs: input,
      outputs: netloomLayer(tf, 'Cropping2D', {
        cropping: [
          [1, 0],
          [2, 1],
        ],
      }).apply(input) as tf.SymbolicTensor,
    });
    expect(model.outputs[0]?.shape).toEqual([null, null, null, 1]);
    // keras.layers.Cropping2D(((1, 0), (2, 1)))(np.arange(20).reshape(1, 4, 5, 1))
    expect(
      run(
        model,
        Array.from({ length: 20 }, (_, i) => i),
        [1, 4, 5, 1],
      ),
    ).toEqual([7, 8, 12, 13, 17, 18]);
  });

  it('Masking trains the layers before it (tfjs has no gradient for its mask) with the gradient Keras takes', () => {
    const x = tf.tensor([
      [
        [1, 0],
        [0, 0],
        [2, 3],
      ],
    ]);
    const twiceSum = (layer: tf.layers.Layer) => (input: tf.Tensor) => tf.mul(tf.sum(layer.apply(input) as tf.Tensor), 2);
    expect(() => tf.grad(twiceSum(tf.layers.masking({ maskValue: 0 })))(x)).toThrow('gradient function not found for Any');
    const layer = netloomLayer(tf, 'Masking', { maskValue: 0 });
    expect(values(layer.apply(x) as tf.Tensor)).toEqual([1, 0, 0, 0, 2, 3]);
    // jax.grad(lambda x: 2 * sum(keras.layers.Masking()(x)))(x)
    expect(values(tf.grad(twiceSum(layer))(x))).toEqual([2, 2, 0, 0, 2, 2]);
  });

  it('AlphaDropout sets dropped inputs to what Keras 3 does while training (tfjs flips their sign) and passes through otherwise', () => {
    const layer = netloomLayer(tf, 'AlphaDropout', { rate: 0.5 });
    const x = tf.tensor(
      Array.from({ length: 600 }, (_, i) => [0, 1, -2][i % 3] as number),
      [1, 600],
    );
    // np.unique(keras.layers.AlphaDropout(0.5)(x, training=True)): kept 0, 1, -2 and dropped.
    const kept = [0.779194, 1.665599, -0.993616];
    const dropped = -0.779194;
    const out = values(layer.apply(x, { training: true }) as tf.Tensor);
    out.forEach((v, i) => expect([kept[i % 3], dropped].some((w) => Math.abs(v - (w as number)) < 1e-5)).toBe(true));
    expect(out.filter((v) => Math.abs(v - dropped) < 1e-5).length).toBeGreaterThan(150);
    const stock = values(tf.layers.alphaDropout({ rate: 0.5 }).apply(x, { training: true }) as tf.Tensor);
    expect(stock.some((v) => Math.abs(v - 2.337582) < 1e-5)).toBe(true);
    expect(values(layer.apply(x) as tf.Tensor)).toEqual(Array.from(x.dataSync()));
  });

  it('Dot builds with axes of mixed signs (tfjs refuses) and computes what Keras 3 does', () => {
    const [a, b] = [tf.input({ shape: [5, 2] }), tf.input({ shape: [3, 5] })];
    expect(() => tf.layers.dot({ axes: [1, -1] }).apply([a, b])).toThrow('Dimension incompatibility');
    const arange = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
    const cases: [Record<string, unknown>, number[][], number[][], number[][], readonly number[]][] = [
      // keras.layers.Dot(axes, normalize)([x, y]) on np.arange inputs of these shapes
      [
        { axes: [1, -1] },
        [
          [5, 2],
          [3, 5],
        ],
        [arange(10), arange(15, 10)],
        [
          [1, 5, 2],
          [1, 3, 5],
        ],
        [260, 360, 460, 320, 445, 570],
      ],
      [
        { axes: [1, 1], normalize: true },
        [
          [2, 3],
          [2, 2],
        ],
        [arange(6), arange(4, 6)],
        [
          [1, 2, 3],
          [1, 2, 2],
        ],
        [0.8, 0.789352, 0.921635, 0.914687, 0.965616, 0.960907],
      ],
      [
        { axes: [1, 2] },
        [[4], [5, 4]],
        [arange(4), arange(20)],
        [
          [1, 4],
          [1, 5, 4],
        ],
        [14, 38, 62, 86, 110],
      ],
    ];
    for (const [config, shapes, data, full, want] of cases) {
      const model = mergeModel(netloomLayer(tf, 'Dot', config), shapes);
      const xs = data.map((d, i) => tf.tensor(d, full[i]));
      close(values(model.predict(xs) as tf.Tensor), want);
    }
  });

  it.each([
    // keras.layers.X()([a, b]) and jax.grad of sum(out * [1, 2, 3]) with respect to a and b
    ['Maximum', [1, 2, 3, -1, -1, 0], [1, 3], [0, 2, 3, 0, 0, 3]],
    ['Minimum', [0, 1, 1, -2, -3, -1], [5, 3], [1, 0, 0, 1, 2, 0]],
  ] as const)('%s trains with an input broadcast along an axis (tfjs cannot), as Keras 3 does', (className, want, gradA, gradB) => {
    const a = tf.tensor([[[1], [-1]]]);
    const b = tf.tensor([
      [
        [0, 2, 3],
        [-2, -3, 0],
      ],
    ]);
    const weighted = (layer: tf.layers.Layer) => (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(layer.apply([x, y]) as tf.Tensor, tf.tensor([1, 2, 3])));
    const stock = className === 'Maximum' ? tf.layers.maximum({}) : tf.layers.minimum({});
    expect(() => tf.grads(weighted(stock))([a, b])).toThrow(`Error in gradient for op ${className}`);
    const layer = netloomLayer(tf, className, {});
    expect(values(layer.apply([a, b]) as tf.Tensor)).toEqual(want);
    const [ga, gb] = tf.grads(weighted(layer))([a, b]);
    expect([values(ga as tf.Tensor), values(gb as tf.Tensor)]).toEqual([gradA, gradB]);
  });

  it('DepthwiseConv2D honours dilation_rate (tfjs ignores it), in its shape and its values', () => {
    const layer = netloomLayer(tf, 'DepthwiseConv2D', { kernelSize: 3, dilationRate: 2, useBias: false, depthwiseInitializer: 'ones' });
    const model = modelWith(layer, [5, 5, 1]);
    expect(model.outputs[0]?.shape).toEqual([null, 1, 1, 1]);
    // A 3x3 kernel of ones at dilation 2 sums the pixels at rows and columns 0, 2, 4 of 5i + j.
    expect(
      run(
        model,
        Array.from({ length: 25 }, (_, i) => i),
        [1, 5, 5, 1],
      ),
    ).toEqual([108]);
    const same = modelWith(netloomLayer(tf, 'DepthwiseConv2D', { kernelSize: 3, dilationRate: 2, padding: 'same', depthMultiplier: 2 }), [7, 7, 3]);
    expect(same.outputs[0]?.shape).toEqual([null, 7, 7, 6]);
  });
});
