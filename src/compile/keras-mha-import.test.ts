/**
 * Keras 3 Transformer classifiers with MultiHeadAttention, in the TF.js converter's format
 * (`scripts/keras-mha-import-golden.py` writes them from Keras 3.15, with Keras's predictions):
 * imported with their weights, they predict as Keras does; calls Netloom cannot compute are refused.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { Graph } from '../graph/types';
import { maxAbsDifference, type GoldenArray } from '../layers/tfjs-extra/test-support';
import { modelLines } from './keras-python-model';
import { exportModelJson, saveArtifacts } from './tfjs-export';
import { applyWeights, importLayersModel, type ImportedLayersModel, type WeightValues } from './tfjs-import';
import { toTfjsModel } from './to-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Json = Record<string, unknown>;
interface Golden {
  readonly models: Readonly<Record<string, { inputs: Record<string, GoldenArray>; output: GoldenArray }>>;
}

const DIR = new URL('./fixtures/keras3-mha/', import.meta.url);
const GOLDEN = JSON.parse(readFileSync(new URL('golden.json', DIR), 'utf8')) as Golden;
const SHARD = 'group1-shard1of1.bin';

const modelJson = (name: string): Json => JSON.parse(readFileSync(new URL(`${name}/model.json`, DIR), 'utf8')) as Json;
const shard = (name: string) => [{ name: SHARD, bytes: new Uint8Array(readFileSync(new URL(`${name}/${SHARD}`, DIR))) }];
const load = (name: string, json: Json = modelJson(name)): ImportedLayersModel => importLayersModel({ json, fileName: 'model.json', weightFiles: shard(name) });

/** The model's predictions on the golden inputs, fed by input name. */
async function predict(graph: Graph, weights: readonly WeightValues[], name: string): Promise<Float32Array> {
  const model = toTfjsModel(tf, graph);
  applyWeights(tf, model, weights);
  const inputs = graph.nodes.filter((n) => n.kind === 'Input').map((n) => GOLDEN.models[name]?.inputs[n.name] as GoldenArray);
  const y = model.predict(inputs.map((x) => tf.tensor(x.values, x.shape, 'int32'))) as tf.Tensor;
  const values = (await y.data()) as Float32Array;
  model.dispose();
  return values;
}

const node = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name);
const attention = (graph: Graph) => graph.nodes.find((n) => n.kind === 'MultiHeadAttention');
const sourcesOf = (graph: Graph, name: string) =>
  graph.edges
    .filter((e) => e.target === node(graph, name)?.id)
    .sort((a, b) => a.targetSlot - b.targetSlot)
    .map((e) => graph.nodes.find((n) => n.id === e.source)?.name);

/** The Keras 3 layer entry named `layer` in a model.json, to edit a copy of the file. */
function layerEntry(json: Json, layer: string): Json {
  const topology = json.modelTopology as { model_config: { config: { layers: Json[] } } };
  return topology.model_config.config.layers.find((l) => l.name === layer) as Json;
}

/** A copy of a fixture with its attention layer's call (`inbound_nodes[0]`) or config changed. */
function edited(name: string, layer: string, change: (call: { args: unknown[]; kwargs: Json }, config: Json) => void): Json {
  const json = modelJson(name);
  const entry = layerEntry(json, layer);
  change((entry.inbound_nodes as { args: unknown[]; kwargs: Json }[])[0] as { args: unknown[]; kwargs: Json }, entry.config as Json);
  return json;
}

const IMPORTED = ['self-attention', 'causal', 'cross-attention'];

describe('Keras 3 MultiHeadAttention files import with their weights', () => {
  it.each(IMPORTED)('%s predicts as Keras 3.15 does, within 1e-5', async (name) => {
    const imported = load(name);
    expect(imported.unkept).toEqual([]);
    expect(analyze(imported.graph).diagnostics).toEqual([]);
    const got = await predict(imported.graph, imported.weights ?? [], name);
    expect(maxAbsDifference(got, GOLDEN.models[name]?.output.values ?? [])).toBeLessThan(1e-5);
  });

  it('reads the call: self-attention is one input, cross-attention (query, value) two, causal from the call', () => {
    const self = load('self-attention').graph;
    expect(attention(self)?.params).toMatchObject({ num_heads: 2, key_dim: 4, value_dim: 4, use_causal_mask: false });
    expect(sourcesOf(self, 'multi_head_attention')).toEqual(['embedding']);
    const cross = load('cross-attention').graph;
    expect(attention(cross)?.params).toMatchObject({ num_heads: 2, key_dim: 4, value_dim: 3, dropout: 0.1, use_causal_mask: false });
    expect(sourcesOf(cross, 'cross_attention')).toEqual(['query_embedding', 'context_embedding']);
    expect(cross.nodes.filter((n) => n.kind === 'Input').map((n) => n.name)).toEqual(['tokens', 'context']);
    const causal = load('causal').graph;
    expect(attention(causal)?.params).toMatchObject({ num_heads: 2, key_dim: 3, value_dim: 2, use_causal_mask: true });
  });

  it('keeps the causal mask the call asked for: read as unmasked, the causal model predicts otherwise', async () => {
    const { graph, weights = [] } = load('causal');
    const unmasked = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.kind === 'MultiHeadAttention' ? { ...n, params: { ...n.params, use_causal_mask: false } } : n)),
    };
    const got = await predict(unmasked, weights, 'causal');
    expect(maxAbsDifference(got, GOLDEN.models.causal?.output.values ?? [])).toBeGreaterThan(1e-3);
  });

  it('shows the shapes and parameter counts Keras has, layer by layer', () => {
    for (const name of IMPORTED) {
      const { graph, weights = [] } = load(name);
      const analysis = analyze(graph);
      for (const n of graph.nodes) {
        const held = weights.filter((w) => w.name.startsWith(`${n.name}/`)).reduce((sum, w) => sum + w.values.length, 0);
        expect(analysis.nodes[n.id]?.params.trainable, `${name}: ${n.name}`).toBe(held);
      }
      const mha = attention(graph);
      expect(analysis.nodes[mha?.id ?? '']?.shape).toEqual([null, 6, 8]);
    }
    const cross = analyze(load('cross-attention').graph);
    // query/key [8, 2, 4] + [2, 4], value [8, 2, 3] + [2, 3], attention_output [2, 3, 8] + [8].
    expect(Object.values(cross.nodes).map((a) => a.params.trainable)).toContain(2 * (64 + 8) + 48 + 6 + 48 + 8);
  });

  it('round-trips through Netloom’s TF.js export, and writes the call into the Keras script', async () => {
    for (const name of IMPORTED) {
      const imported = load(name);
      const model = toTfjsModel(tf, imported.graph);
      applyWeights(tf, model, imported.weights ?? []);
      const files = exportModelJson(await saveArtifacts(tf, model), { graph: imported.graph });
      model.dispose();
      const back = importLayersModel({
        json: JSON.parse(files.modelJson),
        fileName: 'model.json',
        weightFiles: [{ name: 'model.weights.bin', bytes: files.weights }],
      });
      expect(back.graph.nodes.map((n) => [n.name, n.params])).toEqual(imported.graph.nodes.map((n) => [n.name, n.params]));
      const got = await predict(back.graph, back.weights ?? [], name);
      expect(maxAbsDifference(got, GOLDEN.models[name]?.output.values ?? [])).toBeLessThan(1e-5);
    }
    const causal = load('causal').graph;
    expect(modelLines(causal, analyze(causal), 'm').join('\n')).toContain('(embedding, embedding, use_causal_mask=True)');
    const cross = load('cross-attention').graph;
    expect(modelLines(cross, analyze(cross), 'm').join('\n')).toContain('(query_embedding, context_embedding)');
  });

  it('reads query, value and key passed by keyword, a key that is the value, and the default kwargs', async () => {
    const tensor = (call: { args: unknown[] }) => call.args[0];
    const byKeyword = edited('self-attention', 'multi_head_attention', (call) => {
      const x = tensor(call);
      call.kwargs = { query: x, value: x, key: x, attention_mask: null, return_attention_scores: false, training: false, use_causal_mask: false };
      call.args = [];
    });
    const imported = load('self-attention', byKeyword);
    expect(sourcesOf(imported.graph, 'multi_head_attention')).toEqual(['embedding']);
    const got = await predict(imported.graph, imported.weights ?? [], 'self-attention');
    expect(maxAbsDifference(got, GOLDEN.models['self-attention']?.output.values ?? [])).toBeLessThan(1e-5);
    // training=True changes nothing without dropout.
    const training = edited('self-attention', 'multi_head_attention', (call) => {
      call.kwargs = { training: true };
    });
    expect(attention(load('self-attention', training).graph)?.params.use_causal_mask).toBe(false);
  });
});

describe('Keras 3 MultiHeadAttention calls Netloom cannot compute are refused, naming the layer and why', () => {
  it.each([
    [
      'separate-key',
      'layer "keyed_attention" is called with a key ("key_projection") other than its value ("context_embedding"); Netloom\'s MultiHeadAttention uses the value as the key',
    ],
    ['attention-mask', 'layer "masked_attention" is called with an attention_mask tensor (from "mask"); Netloom\'s MultiHeadAttention takes no mask'],
    ['attention-scores', 'layer "scored_attention" is called with return_attention_scores=True; Netloom\'s MultiHeadAttention returns its output only'],
  ])('%s', (name, message) => {
    expect(() => load(name)).toThrow(`model.json: ${message}`);
  });

  const tensorOf = (layer: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 6, 8], dtype: 'float32', keras_history: [layer, 0, 0] } });
  it.each<[string, string, string, (call: { args: unknown[]; kwargs: Json }, config: Json) => void]>([
    [
      'training=True with dropout',
      'cross-attention',
      'layer "cross_attention" is called with training=True, so Keras drops attention weights even when it predicts',
      (call) => {
        call.kwargs.training = true;
      },
    ],
    [
      'a non-boolean use_causal_mask',
      'self-attention',
      'layer "multi_head_attention" is called with use_causal_mask="yes"; expected True or False',
      (call) => {
        call.kwargs.use_causal_mask = 'yes';
      },
    ],
    [
      'an argument it does not know',
      'self-attention',
      'layer "multi_head_attention" is called with flash=True, which Netloom\'s MultiHeadAttention does not support',
      (call) => {
        call.kwargs.flash = true;
      },
    ],
    [
      'a query_mask tensor',
      'self-attention',
      'layer "multi_head_attention" takes a tensor through its "query_mask" argument',
      (call) => {
        call.kwargs.query_mask = tensorOf('tokens');
      },
    ],
    [
      'four tensors',
      'self-attention',
      'layer "multi_head_attention" is called with 4 tensors; a MultiHeadAttention takes a query, a value and a key',
      (call) => {
        call.args = [0, 1, 2, 3].map(() => tensorOf('embedding'));
      },
    ],
    [
      'no value',
      'self-attention',
      'layer "multi_head_attention" is called without a value',
      (call) => {
        call.args = call.args.slice(0, 1);
      },
    ],
    [
      'other attention axes',
      'self-attention',
      'layer "multi_head_attention" attends over axes [1,2] (attention_axes)',
      (_call, config) => {
        config.attention_axes = [1, 2];
      },
    ],
    [
      'a gate',
      'self-attention',
      'layer "multi_head_attention" has use_gate=True (a gated output)',
      (_call, config) => {
        config.use_gate = true;
      },
    ],
    [
      'a sliding window',
      'self-attention',
      'layer "multi_head_attention" has sliding_window=3; Netloom\'s MultiHeadAttention attends over the whole sequence',
      (_call, config) => {
        config.sliding_window = 3;
      },
    ],
  ])('%s', (_what, name, message, change) => {
    const layer = name === 'cross-attention' ? 'cross_attention' : 'multi_head_attention';
    expect(() => load(name, edited(name, layer, change))).toThrow(message);
  });

  it('refuses the Keras 2 form, whose call it does not read', () => {
    const json = modelJson('self-attention');
    layerEntry(json, 'multi_head_attention').inbound_nodes = [
      [
        ['embedding', 0, 0, {}],
        ['embedding', 0, 0, {}],
      ],
    ];
    expect(() => load('self-attention', json)).toThrow('layer "multi_head_attention" is a MultiHeadAttention in the Keras 2 form');
  });

  it('lands each projection on its own weight, and refuses a name that matches none exactly', () => {
    const { graph, weights = [] } = load('self-attention');
    const model = toTfjsModel(tf, graph);
    // query/kernel and key/kernel have one shape: a loose match could put one in the other's place.
    const scoped = weights.map((w) => ({ ...w, name: w.name.replace('multi_head_attention/query/', 'multi_head_attention/inner/query/') }));
    expect(() => applyWeights(tf, model, scoped)).toThrow('weight "multi_head_attention/inner/query/kernel" matches no weight of the model');
    model.dispose();
  });
});
