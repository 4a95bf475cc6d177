import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, SplitDataset } from '../data/types';
import { BOUNDARY_SIZE, BOUNDARY_UNITS, gridPoints } from './insight-boundary';
import { makePictures } from './insight-pictures';
import { makeProbe, statsPass } from './insight-probe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const dataset = (x: number[], featureShape: number[], y: number[], targetShape = [1]): Dataset => ({
  x: Float32Array.from(x),
  y: Float32Array.from(y),
  count: y.length / targetShape.reduce((a, b) => a * b, 1),
  featureShape,
  targetShape,
  task: 'classification',
});

const split = (train: Dataset, validation?: Dataset): SplitDataset => ({
  train,
  validation: validation ?? { ...train, x: new Float32Array(0), y: new Float32Array(0), count: 0 },
});

async function statsOf(model: tf.LayersModel, data: SplitDataset) {
  const probe = makeProbe(tf, model, data);
  const { packed, read } = statsPass(tf, probe);
  const stats = read((await packed.data()) as Float32Array);
  packed.dispose();
  probe.dispose();
  return stats;
}

describe('activation statistics', () => {
  it('gives the histogram, mean, std and share of dead ReLU units of each layer on the validation samples', async () => {
    const dense = tf.layers.dense({ inputShape: [2], units: 3, activation: 'relu', name: 'hidden' });
    const model = tf.sequential({ layers: [dense] });
    dense.setWeights([tf.tensor2d([1, 0, -1, 0, 1, -1], [2, 3]), tf.zeros([3])]);
    const validation = dataset([1, 2, 3, 4], [2], [0, 1]);
    // Training samples that would light the third unit: the probe must use validation.
    const train = dataset([-5, -5], [2], [0]);
    const [stats] = await statsOf(model, split(train, validation));
    // Outputs on (1, 2) and (3, 4): [1, 2, 0] and [3, 4, 0]; the third unit is 0 on both.
    const values = [1, 2, 0, 3, 4, 0];
    const mean = values.reduce((a, b) => a + b, 0) / 6;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / 6);
    expect(stats?.layer).toBe('hidden');
    expect(stats?.activation?.mean).toBeCloseTo(mean, 5);
    expect(stats?.activation?.std).toBeCloseTo(std, 5);
    expect(stats?.activation?.deadShare).toBeCloseTo(1 / 3, 6);
    expect(stats?.activation?.histogram.min).toBe(0);
    expect(stats?.activation?.histogram.max).toBe(4);
    expect(stats?.activation?.histogram.counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(stats?.activation?.histogram.counts[0]).toBe(2);
    expect(stats?.activation?.histogram.counts.at(-1)).toBe(1);
    expect(stats?.weightNorm).toBeCloseTo(2, 6);
    expect(stats?.gradNorm).toBeUndefined();
  });

  it('has no dead share for layers outside the ReLU family and uses the training samples without validation', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1, activation: 'tanh', name: 't', kernelInitializer: 'ones' })] });
    const [stats] = await statsOf(model, split(dataset([0.5, 1], [1], [0, 1])));
    expect(stats?.activation?.deadShare).toBeUndefined();
    expect(stats?.activation?.mean).toBeCloseTo((Math.tanh(0.5) + Math.tanh(1)) / 2, 5);
  });
});

describe('conv views', () => {
  it('draws each filter as its kernel averaged over input channels and each feature map of the chosen sample', async () => {
    const conv = tf.layers.conv2d({ inputShape: [3, 3, 2], filters: 2, kernelSize: 2, name: 'c', useBias: false });
    const model = tf.sequential({ layers: [conv, tf.layers.flatten()] });
    const kernel = Array.from({ length: 2 * 2 * 2 * 2 }, (_, i) => i - 7);
    conv.setWeights([tf.tensor4d(kernel, [2, 2, 2, 2])]);
    const xs = Array.from({ length: 2 * 18 }, (_, i) => (i % 7) - 3);
    const data = split(dataset(xs, [3, 3, 2], [0, 1]));
    const { conv: views } = await makePictures(tf, model, data).take(1);
    expect(views).toHaveLength(1);
    const view = views[0];
    expect(view?.filters).toHaveLength(2);
    expect(view?.filters[0]?.width).toBe(2);
    expect(view?.filters[0]?.height).toBe(2);
    // kernel[h][w][in][out] = h*8 + w*4 + in*2 + out - 7; averaged over in: h*8 + w*4 + 1 + out - 7.
    expect([...(view?.filters[1]?.values ?? [])]).toEqual([-5, -1, 3, 7]);
    const out = (conv.apply(tf.tensor4d(xs.slice(18), [1, 3, 3, 2])) as tf.Tensor).transpose([0, 3, 1, 2]).arraySync() as number[][][][];
    expect(view?.featureMaps).toHaveLength(2);
    expect(view?.featureMaps[0]?.width).toBe(2);
    expect([...(view?.featureMaps[1]?.values ?? [])]).toEqual((out[0]?.[1] ?? []).flat().map((v) => Math.fround(v)));
  });

  it('draws a depthwise layer one filter per output channel, and a transposed conv by its output channels', async () => {
    const depthwise = tf.layers.depthwiseConv2d({ inputShape: [3, 3, 2], kernelSize: 2, depthMultiplier: 2, useBias: false, name: 'dw' });
    const transposed = tf.layers.conv2dTranspose({ filters: 3, kernelSize: 2, useBias: false, name: 'ct' });
    const model = tf.sequential({ layers: [depthwise, transposed] });
    // depthwise kernel (h, w, in, multiplier): output channel in*2 + m.
    depthwise.setWeights([
      tf.tensor4d(
        Array.from({ length: 16 }, (_, i) => i),
        [2, 2, 2, 2],
      ),
    ]);
    const xs = Array.from({ length: 18 }, (_, i) => i / 10);
    const { conv: views } = await makePictures(tf, model, split(dataset(xs, [3, 3, 2], [0]))).take(0);
    expect(views.map((v) => [v.layer, v.filters.length, v.featureMaps.length])).toEqual([
      ['dw', 4, 4],
      ['ct', 3, 3],
    ]);
    // Channel 3 = input channel 1, multiplier 1: kernel[h][w][1][1] = h*8 + w*4 + 3.
    expect([...(views[0]?.filters[3]?.values ?? [])]).toEqual([3, 7, 11, 15]);
    const kernel = (transposed.getWeights()[0] as tf.Tensor).mean(3).transpose([2, 0, 1]).arraySync() as number[][][];
    expect([...(views[1]?.filters[2]?.values ?? [])]).toEqual((kernel[2] ?? []).flat().map((v) => Math.fround(v)));
    expect(views[1]?.featureMaps[0]).toMatchObject({ width: 3, height: 3 });
  });

  it('clamps the sample into the data', async () => {
    const model = tf.sequential({ layers: [tf.layers.conv1d({ inputShape: [4, 1], filters: 3, kernelSize: 2 })] });
    const pictures = await makePictures(tf, model, split(dataset([1, 2, 3, 4], [4, 1], [0]))).take(9);
    expect(pictures.sample).toBe(0);
    expect(pictures.conv[0]?.filters[0]).toMatchObject({ width: 2, height: 1 });
    expect(pictures.conv[0]?.featureMaps).toHaveLength(3);
    expect(pictures.conv[0]?.featureMaps[0]).toMatchObject({ width: 3, height: 1 });
  });
});

describe('boundary view', () => {
  it('maps every flat layer of a 2-D DAG over the grid, each unit as model.predict gives it there', async () => {
    const input = tf.input({ shape: [2] });
    const a = tf.layers.dense({ units: 4, activation: 'tanh', name: 'a' }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 3, activation: 'relu', name: 'b' }).apply(input) as tf.SymbolicTensor;
    const joined = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }).apply(joined) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    const train = dataset([0, 0, 1, 2, -1, 4], [2], [1, 0, 0, 1, 1, 0], [2]);
    const view = (await makePictures(tf, model, split(train)).take(0)).boundary;
    expect(view?.extent.x[0]).toBeCloseTo(-1.2, 5);
    expect(view?.extent.y[1]).toBeCloseTo(4.4, 5);
    expect([...(view?.labels ?? [])]).toEqual([0, 1, 0]);
    expect([...(view?.points ?? [])]).toEqual([0, 0, 1, 2, -1, 4]);
    expect(view?.layers.map((l) => [l.layer, l.output, l.units.length, l.unitCount])).toEqual([
      ['a', false, 4, 4],
      ['b', false, 3, 3],
      [joined.sourceLayer.name, false, 7, 7],
      ['out', true, 2, 2],
    ]);
    const grid = tf.tensor2d(gridPoints(view?.extent ?? { x: [0, 1], y: [0, 1] }), [BOUNDARY_SIZE * BOUNDARY_SIZE, 2]);
    const predicted = (model.predict(grid) as tf.Tensor).arraySync() as number[][];
    const hidden = (tf.model({ inputs: input, outputs: a }).predict(grid) as tf.Tensor).arraySync() as number[][];
    const outUnit1 = view?.layers[3]?.units[1];
    expect(outUnit1?.width).toBe(BOUNDARY_SIZE);
    predicted.forEach((row, i) => expect(outUnit1?.values[i]).toBeCloseTo(row[1] ?? NaN, 6));
    hidden.forEach((row, i) => expect(view?.layers[0]?.units[2]?.values[i]).toBeCloseTo(row[2] ?? NaN, 6));
  });

  it('caps a wide layer at BOUNDARY_UNITS pictures and says how many units it has', async () => {
    const input = tf.input({ shape: [2] });
    const wide = tf.layers.dense({ units: BOUNDARY_UNITS + 8, activation: 'relu', name: 'wide' }).apply(input) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: wide });
    const view = (await makePictures(tf, model, split(dataset([0, 0, 1, 2], [2], [1, 0], [1]))).take(0)).boundary;
    expect(view?.layers.map((l) => [l.units.length, l.unitCount])).toEqual([[BOUNDARY_UNITS, BOUNDARY_UNITS + 8]]);
  });

  it('is absent unless the model takes one input of 2 features', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    expect((await makePictures(tf, model, split(dataset([1, 2, 3], [3], [0]))).take(0)).boundary).toBeUndefined();
  });
});
