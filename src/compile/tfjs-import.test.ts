import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { exportModelJson, saveArtifacts } from './tfjs-export';
import { applyWeights, importLayersModel } from './tfjs-import';
import { toTfjsModel } from './to-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

const bytesOf = (values: Float32Array) => new Uint8Array(values.buffer.slice(0));

/** The Keras 3 fixture's 26 weights, and its two shards split inside dense_1/kernel. */
const KERAS3_VALUES = Float32Array.from({ length: 26 }, (_, i) => (i - 13) / 10);
const KERAS3_SHARDS = [
  { name: 'group1-shard1of2.bin', bytes: bytesOf(KERAS3_VALUES).slice(0, 72) },
  { name: 'group1-shard2of2.bin', bytes: bytesOf(KERAS3_VALUES).slice(72) },
];

describe('Keras 3 converter output with two shards', () => {
  it('strips the model-name prefix, joins the shards and predicts as the weights say', async () => {
    const imported = importLayersModel({ json: fixture('keras3-two-shards.model.json'), fileName: 'model.json', weightFiles: KERAS3_SHARDS });
    expect(imported.modelName).toBe('sequential');
    expect(imported.weights?.map((w) => w.name)).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
    expect(Array.from(imported.weights?.[2]?.values ?? [])).toEqual(Array.from(KERAS3_VALUES.slice(16, 24)));

    const model = toTfjsModel(tf, imported.graph);
    applyWeights(tf, model, imported.weights ?? []);
    const w = (i: number) => imported.weights?.[i]?.values ?? new Float32Array();
    const x = [0.5, -1, 2];
    const hidden = [0, 1, 2, 3].map((j) =>
      Math.max(
        0,
        x.reduce((s, xi, i) => s + xi * (w(0)[i * 4 + j] ?? 0), w(1)[j] ?? 0),
      ),
    );
    const expected = [0, 1].map((k) => hidden.reduce((s, h, j) => s + h * (w(2)[j * 2 + k] ?? 0), w(3)[k] ?? 0));
    const y = model.predict(tf.tensor2d([x])) as tf.Tensor;
    const got = Array.from(await y.data());
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 5));
    model.dispose();
  });

  it('matches shards by basename and ignores files the manifest does not name', () => {
    const files = [{ name: 'readme.txt', bytes: new Uint8Array(3) }, ...KERAS3_SHARDS.map((f) => ({ ...f, name: `C:\\models\\${f.name}` }))];
    const imported = importLayersModel({ json: fixture('keras3-two-shards.model.json'), fileName: 'model.json', weightFiles: files });
    expect(imported.weights).toHaveLength(4);
  });

  it('refuses a missing shard, naming it', () => {
    expect(() => importLayersModel({ json: fixture('keras3-two-shards.model.json'), fileName: 'model.json', weightFiles: KERAS3_SHARDS.slice(0, 1) })).toThrow(
      'model.json: the weights file "group1-shard2of2.bin" named in model.json was not provided',
    );
  });

  it('refuses shards whose sizes do not add up', () => {
    const short = [KERAS3_SHARDS[0], { ...KERAS3_SHARDS[1], bytes: new Uint8Array(28) }] as typeof KERAS3_SHARDS;
    expect(() => importLayersModel({ json: fixture('keras3-two-shards.model.json'), fileName: 'model.json', weightFiles: short })).toThrow(
      'model.json: model.json expects 104 bytes of weights but the files hold 100',
    );
  });

  it('imports the topology alone when no weights are given', () => {
    const imported = importLayersModel({ json: fixture('keras3-two-shards.model.json'), fileName: 'model.json' });
    expect(imported.weights).toBeUndefined();
    expect(imported.graph.nodes.map((n) => n.name)).toEqual(['input_layer', 'dense', 'dense_1']);
  });
});

describe('weight names', () => {
  it('follow layers renamed to valid names (Keras 2 "dense-out.1" becomes dense_out_1)', () => {
    const json = fixture('keras2-functional.model.json');
    const imported = importLayersModel({
      json,
      fileName: 'm.json',
      weightFiles: [{ name: 'group1-shard1of1.bin', bytes: new Uint8Array((128 + 16 + 32) * 4) }],
    });
    expect(imported.weights?.map((w) => w.name)).toEqual(['dense/kernel', 'dense/bias', 'dense_out_1/kernel']);
    expect(imported.graph.nodes.map((n) => n.name)).toContain('dense_out_1');
  });

  it('drop TF variable suffixes and refuse weights of no layer', () => {
    const json = fixture('keras3-two-shards.model.json');
    const manifest = json.weightsManifest as { weights: { name: string }[] }[];
    const renamed = (names: string[]) => ({
      ...json,
      weightsManifest: [{ ...manifest[0], weights: manifest[0]?.weights.map((w, i) => ({ ...w, name: names[i] })) }],
    });
    const withSuffix = importLayersModel({
      json: renamed(['dense/kernel:0', 'dense/bias:0', 'dense_1/kernel:0', 'dense_1/bias:0']),
      fileName: 'm.json',
      weightFiles: KERAS3_SHARDS,
    });
    expect(withSuffix.weights?.map((w) => w.name)).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
    expect(() =>
      importLayersModel({ json: renamed(['dense/kernel', 'dense/bias', 'other/kernel', 'dense_1/bias']), fileName: 'm.json', weightFiles: KERAS3_SHARDS }),
    ).toThrow('m.json: weight "other/kernel" in the weights manifest belongs to no layer of the model');
  });
});

describe('Keras-style inner layer names', () => {
  it('set LSTM cells and Bidirectional halves named as Keras names them', async () => {
    const b = new GraphBuilder();
    b.chain(
      b.input([6, 3]),
      ['Bidirectional', { layer: { kind: 'LSTM', params: { ...defaultParams(layerSpec('LSTM').params), units: 4, return_sequences: true } } }],
      ['LSTM', { units: 2 }],
    );
    const [source, target] = [toTfjsModel(tf, b.graph), toTfjsModel(tf, b.graph)];
    const keras = (name: string) =>
      name.replace(/^(bidirectional_1\/)(forward|backward)_[^/]+/, '$1$2_lstm/lstm_cell').replace(/^lstm_1\//, 'lstm_1/lstm_cell/');
    const weights = source.weights.map((v) => ({
      name: keras(v.originalName),
      shape: v.shape as number[],
      dtype: 'float32' as const,
      values: v.read().dataSync() as Float32Array,
    }));
    expect(weights.map((w) => w.name)).toContain('bidirectional_1/backward_lstm/lstm_cell/recurrent_kernel');
    applyWeights(tf, target, weights);
    const x = tf.randomUniform([2, 6, 3]);
    const diff = tf.max(tf.abs(tf.sub(source.predict(x) as tf.Tensor, target.predict(x) as tf.Tensor)));
    expect((await diff.data())[0]).toBe(0);
    [source, target].forEach((m) => m.dispose());
  });
});

describe('refusals', () => {
  it('refuses a graph model', () => {
    expect(() => importLayersModel({ json: { format: 'graph-model', modelTopology: { node: [] } }, fileName: 'g.json' })).toThrow(
      'g.json: this is a TF.js graph model, not a layers model',
    );
  });

  it('refuses an unknown layer class, naming it', () => {
    const json = {
      modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'MultiplyBeta', config: { name: 'mb', batch_input_shape: [null, 2] } }] } },
    };
    expect(() => importLayersModel({ json, fileName: 'x.json' })).toThrow('x.json: layer "mb" is MultiplyBeta, a custom class');
  });

  it('refuses weights of a dtype layers models do not hold, and weights files for a file with no manifest', () => {
    const json = fixture('keras3-two-shards.model.json');
    const manifest = json.weightsManifest as { paths: string[]; weights: object[] }[];
    const bool = { ...json, weightsManifest: [{ paths: ['a.bin'], weights: [{ name: 'dense/kernel', shape: [1], dtype: 'string' }] }] };
    expect(() => importLayersModel({ json: bool, fileName: 'm.json', weightFiles: [{ name: 'a.bin', bytes: new Uint8Array(4) }] })).toThrow(
      'weight "dense/kernel" has dtype string',
    );
    const bare = { ...json, weightsManifest: undefined };
    expect(manifest).toHaveLength(1);
    expect(() => importLayersModel({ json: bare, fileName: 'm.json', weightFiles: KERAS3_SHARDS })).toThrow('m.json: it has no weights manifest');
  });

  it('refuses weights that match nothing or leave a variable unset', async () => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 2 }, b.input([3]));
    const model = toTfjsModel(tf, b.graph);
    const kernel = { name: 'dense_1/kernel', shape: [3, 2], dtype: 'float32' as const, values: new Float32Array(6) };
    expect(() => applyWeights(tf, model, [kernel])).toThrow('the weights have no values for "dense_1/bias"');
    expect(() => applyWeights(tf, model, [{ ...kernel, name: 'dense_9/kernel' }])).toThrow('weight "dense_9/kernel" matches no weight of the model');
    model.dispose();
  });
});

describe('Netloom metadata', () => {
  it('comes back from an exported model.json, and a damaged block is refused', async () => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 2 }, b.input([3]));
    const model = toTfjsModel(tf, b.graph);
    const metadata = {
      classNames: ['cat', 'dog'],
      project: 'Pets',
      training: { loss: 'binary_crossentropy' as const, metrics: ['accuracy' as const, 'auc' as const] },
    };
    const files = exportModelJson(await saveArtifacts(tf, model), { graph: b.graph, metadata });
    const json = JSON.parse(files.modelJson) as Record<string, unknown>;
    expect(importLayersModel({ json, fileName: 'model.json' }).metadata).toEqual(metadata);
    const damaged = { ...json, userDefinedMetadata: { netloom: { version: 1, classNames: 'cat' } } };
    expect(() => importLayersModel({ json: damaged, fileName: 'model.json' })).toThrow('model.json: its Netloom metadata is damaged');
    model.dispose();
  });
});
