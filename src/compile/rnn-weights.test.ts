import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import type { Graph, WrappedLayer } from '../graph/types';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import { exportModelJson, saveArtifacts } from './tfjs-export';
import { applyWeights, importLayersModel } from './tfjs-import';
import { paramKey } from './tfjs-weight-names';
import type { WeightValues } from './tfjs-weights';
import { toTfjsModel } from './to-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cell = (kind: 'LSTM' | 'GRU' | 'SimpleRNN', units: number): WrappedLayer => ({
  kind,
  params: { ...defaultParams(layerSpec(kind).params), units },
});

/** Stacked cells whose kernels have the same shapes, so only their index tells them apart. */
function stackedGraph(): Graph {
  const b = new GraphBuilder();
  b.add('RNN', { cell: [cell('LSTM', 5), cell('GRU', 5), cell('GRU', 5), cell('SimpleRNN', 2)], return_sequences: true }, b.input([null, 5]));
  return b.graph;
}

const weightsOf = (model: tf.LayersModel): WeightValues[] =>
  model.weights.map((v) => ({ name: v.originalName, shape: v.shape as number[], dtype: 'float32', values: v.read().dataSync() as Float32Array }));

function randomise(model: tf.LayersModel): void {
  for (const [i, v] of model.weights.entries()) v.write(tf.randomUniform(v.shape as number[], -0.5, 0.5, 'float32', i + 1));
}

async function maxDiff(a: tf.LayersModel, b: tf.LayersModel): Promise<number> {
  const x = tf.randomUniform([2, 7, 5], -1, 1, 'float32', 3);
  const d = tf.max(tf.abs(tf.sub(a.predict(x) as tf.Tensor, b.predict(x) as tf.Tensor)));
  return (await d.data())[0] ?? NaN;
}

describe('stacked RNN cell weight names', () => {
  it('keep their cell index, the first cell matching a plain cell', () => {
    expect(paramKey('rnn/RNNCell_0/kernel')).toBe('kernel');
    expect(paramKey('rnn/RNNCell_2/recurrent_kernel')).toBe('RNNCell_2/recurrent_kernel');
    expect(paramKey('rnn/stacked_rnn_cells/RNNCell_1/bias')).toBe('RNNCell_1/bias');
    // Other inner scopes are still dropped.
    expect(paramKey('td/dense/kernel')).toBe('kernel');
    expect(paramKey('lstm/lstm_cell/kernel')).toBe('kernel');
  });

  it('round-trip through export and import, and tfjs loads the export', async () => {
    const graph = stackedGraph();
    const original = toTfjsModel(tf, graph);
    randomise(original);
    expect(original.weights.map((v) => v.originalName).filter((n) => n.endsWith('/kernel'))).toEqual([
      'rnn_1/RNNCell_0/kernel',
      'rnn_1/RNNCell_1/kernel',
      'rnn_1/RNNCell_2/kernel',
      'rnn_1/RNNCell_3/kernel',
    ]);
    const files = exportModelJson(await saveArtifacts(tf, original), { graph });
    const imported = importLayersModel({
      json: JSON.parse(files.modelJson),
      fileName: 'model.json',
      weightFiles: [{ name: 'model.weights.bin', bytes: files.weights }],
    });
    expect(imported.graph.nodes.map((n) => n.params)).toEqual(graph.nodes.map((n) => n.params));
    const rebuilt = toTfjsModel(tf, imported.graph);
    applyWeights(tf, rebuilt, imported.weights ?? []);
    expect(await maxDiff(original, rebuilt)).toBe(0);
    [original, rebuilt].forEach((m) => m.dispose());
  });

  it('land on their own cell when the names carry other scopes, and only then', async () => {
    const [source, target] = [toTfjsModel(tf, stackedGraph()), toTfjsModel(tf, stackedGraph())];
    randomise(source);
    const scoped = weightsOf(source).map((w) => ({ ...w, name: w.name.replace('/RNNCell_', '/stacked_rnn_cells/RNNCell_') }));
    applyWeights(tf, target, scoped);
    expect(await maxDiff(source, target)).toBe(0);
    // Without the index every cell's weights read as the first cell's: refused, never misplaced.
    const unindexed = weightsOf(source).map((w) => ({ ...w, name: w.name.replace(/RNNCell_\d+/, 'cell') }));
    expect(() => applyWeights(tf, target, unindexed)).toThrow(
      'weight "rnn_1/cell/kernel" has shape [5, 15] but the model\'s "rnn_1/RNNCell_0/kernel" is [5, 20]',
    );
    [source, target].forEach((m) => m.dispose());
  });
});

describe('a Keras 3 stacked RNN', () => {
  const json = JSON.parse(readFileSync(new URL('./fixtures/keras3-stacked-rnn.model.json', import.meta.url), 'utf8')) as {
    weightsManifest: { weights: { shape: number[] }[] }[];
  };
  // The values Keras 3.15 was given: 0.5 * sin(0.37 * i + k) for the k-th weight.
  const values = (json.weightsManifest[0]?.weights ?? []).flatMap((w, k) =>
    Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, (_, i) => 0.5 * Math.sin(0.37 * i + k)),
  );
  const bytes = new Uint8Array(Float32Array.from(values).buffer);

  it('imports with tfjs weight names and predicts as Keras 3 does', async () => {
    const imported = importLayersModel({ json, fileName: 'model.json', weightFiles: [{ name: 'group1-shard1of1.bin', bytes }] });
    const rnn = imported.graph.nodes.find((n) => n.kind === 'RNN');
    expect((rnn?.params.cell as readonly WrappedLayer[]).map((c) => [c.kind, c.params.units])).toEqual([
      ['LSTM', 4],
      ['GRU', 4],
      ['GRU', 4],
      ['SimpleRNN', 3],
    ]);
    expect(rnn?.params.go_backwards).toBe(true);
    expect(imported.weights?.map((w) => w.name).filter((n) => n.endsWith('/kernel'))).toEqual([
      'rnn/RNNCell_0/kernel',
      'rnn/RNNCell_1/kernel',
      'rnn/RNNCell_2/kernel',
      'rnn/RNNCell_3/kernel',
    ]);
    const model = toTfjsModel(tf, imported.graph);
    applyWeights(tf, model, imported.weights ?? []);
    const x = tf.tensor3d(
      Array.from({ length: 30 }, (_, i) => Math.cos(0.3 * i)),
      [2, 5, 3],
    );
    const got = Array.from(await (model.predict(x) as tf.Tensor).data());
    // model.predict(x) in Keras 3.15 (JAX) on the same weights.
    const keras = [-0.279056, -0.184244, -0.060788, -0.28183, -0.182243, -0.053938];
    got.forEach((v, i) => expect(v).toBeCloseTo(keras[i] ?? NaN, 5));
    model.dispose();
  });
});
