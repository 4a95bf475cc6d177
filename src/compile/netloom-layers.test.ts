import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import { NETLOOM_LAYERS_JS } from './generated/netloom-layers-source';
import { NETLOOM_LAYERS_FILE, NETLOOM_LAYERS_NOTE, netloomClassesIn, tfjsExportFiles } from './netloom-layers';
import { exportFreshModel, zipModel } from './tfjs-export';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const exported = async (build: (b: GraphBuilder) => void) => {
  const b = new GraphBuilder();
  build(b);
  return exportFreshModel(tf, b.graph);
};

describe('netloomClassesIn', () => {
  it('finds nothing in a model of stock tfjs classes, gelu included', async () => {
    const files = await exported((b) => {
      b.chain(b.input([4]), ['Dense', { units: 3, activation: 'gelu' }], ['Dense', { units: 2, activation: 'softmax' }]);
    });
    expect(netloomClassesIn(files.modelJson)).toEqual([]);
  });

  it('finds the layer classes and the activations (by the name tfjs looks up) of an exported model', async () => {
    const files = await exported((b) => {
      const emb = b.add('TokenAndPositionEmbedding', { vocabulary_size: 10, sequence_length: 6, embedding_dim: 8 }, b.input([6]));
      const att = b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, emb);
      b.chain(att, ['ZeroPadding1D'], ['Dense', { units: 3, activation: 'gelu_new' }], ['Activation', { activation: 'leaky_relu' }]);
    });
    expect(netloomClassesIn(files.modelJson)).toEqual(['MultiHeadAttention', 'TokenAndPositionEmbedding', 'ZeroPadding1D', 'geluNew', 'leakyRelu']);
  });

  it('looks inside wrappers and RNN cells, and at recurrent activations', async () => {
    const lstm = { kind: 'LSTM' as const, params: { ...defaultParams(layerSpec('LSTM').params), units: 3, activation: 'celu' } };
    const files = await exported((b) => {
      b.chain(b.input([5, 2]), ['Bidirectional', { layer: lstm }], ['Dense', { units: 1 }]);
    });
    expect(netloomClassesIn(files.modelJson)).toEqual(['celu']);
    const nested = {
      modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'TimeDistributed', config: { layer: { class_name: 'ZeroPadding1D' } } }] } },
    };
    expect(netloomClassesIn(nested)).toEqual(['ZeroPadding1D']);
    expect(netloomClassesIn({ config: { activation: { class_name: 'sparse_plus', config: {} } } })).toEqual(['sparsePlus']);
    expect(netloomClassesIn({ config: { units: 2, recurrent_activation: 'hard_silu', activation: 'tanh' } })).toEqual(['hardSilu']);
  });

  it('names a model.json that is not JSON', () => {
    expect(() => netloomClassesIn('{"format": ')).toThrow(/model\.json is not JSON/);
  });
});

describe('tfjsExportFiles and zipModel', () => {
  it('add netloom-layers.js only to a model that needs it, and refuse to leave it out', async () => {
    const stock = await exported((b) => void b.chain(b.input([3]), ['Dense', { units: 2 }]));
    expect(tfjsExportFiles(stock, undefined).map((f) => f.name)).toEqual(['model.json', 'model.weights.bin']);
    expect(Object.keys(unzipSync(zipModel(stock))).sort()).toEqual(['model.json', 'model.weights.bin']);

    const padded = await exported((b) => void b.chain(b.input([4, 2]), ['ZeroPadding1D'], ['Flatten'], ['Dense', { units: 1 }]));
    expect(() => tfjsExportFiles(padded, undefined)).toThrow(`the model uses ZeroPadding1D, so its export needs the ${NETLOOM_LAYERS_FILE} text`);
    expect(() => zipModel(padded)).toThrow(/ZeroPadding1D/);
    expect(tfjsExportFiles(padded, NETLOOM_LAYERS_JS).map((f) => f.name)).toEqual(['model.json', 'model.weights.bin', NETLOOM_LAYERS_FILE]);
    const unzipped = unzipSync(zipModel(padded, NETLOOM_LAYERS_JS));
    expect(Object.keys(unzipped).sort()).toEqual(['model.json', 'model.weights.bin', NETLOOM_LAYERS_FILE]);
    expect(strFromU8(unzipped[NETLOOM_LAYERS_FILE] as Uint8Array)).toBe(NETLOOM_LAYERS_JS);
    expect(NETLOOM_LAYERS_NOTE).toBe('needs netloom-layers.js: call registerNetloomLayers(tf) before tf.loadLayersModel');
  });
});
