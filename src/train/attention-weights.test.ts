import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { toTfjsModel } from '../compile/to-tfjs';
import type { Graph } from '../graph/types';
import { attentionWeights } from './attention-weights';
import type { AttentionWeights } from './attention-weights';
import { maxDiff } from './trainer-test-support';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Input([6]) -> Embedding -> MultiHeadAttention (x2 when `twice`) -> pooling -> Dense(2, softmax). */
function textModel(opts: { causal?: boolean; twice?: boolean } = {}): Graph {
  const b = new GraphBuilder();
  const x = b.input([6], 'tokens');
  const e = b.add('Embedding', { input_dim: 20, output_dim: 8 }, x);
  let a = b.rename(b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4, use_causal_mask: opts.causal ?? false }, e), 'attention');
  if (opts.twice) a = b.rename(b.add('MultiHeadAttention', { num_heads: 3, key_dim: 2, value_dim: 3 }, a, e), 'cross');
  b.chain(a, ['GlobalAveragePooling1D', {}], ['Dense', { units: 2, activation: 'softmax' }]);
  return b.graph;
}

const IDS = Float32Array.of(2, 7, 1, 4, 0, 0);

/** The row sums of `w` (heads x rows of keyLength). */
const rowSums = (w: AttentionWeights): number[] =>
  Array.from({ length: w.heads * w.queryLength }, (_, r) => w.weights.slice(r * w.keyLength, (r + 1) * w.keyLength).reduce((a, b) => a + b, 0));

/** What the layer named `name` outputs for IDS, and its inputs, computed by the model itself. */
function layerTensors(model: tf.LayersModel, name: string): { output: tf.Tensor; inputs: tf.Tensor[] } {
  const layer = model.getLayer(name);
  const inputs = Array.isArray(layer.input) ? layer.input : [layer.input];
  const got = tf.model({ inputs: model.inputs, outputs: [layer.output as tf.SymbolicTensor, ...inputs] }).predict(tf.tensor(IDS, [1, 6])) as tf.Tensor[];
  return { output: got[0] as tf.Tensor, inputs: got.slice(1) };
}

/** probs (1, h, t, s) times the layer's value projection of `value`, through its output projection. */
function mixed(model: tf.LayersModel, name: string, w: AttentionWeights, value: tf.Tensor): number[] {
  const weight = (p: string) => (model.getLayer(name).weights.find((v) => v.originalName === `${name}/${p}`) as tf.LayerVariable).read();
  const probs = tf.tensor(w.weights, [1, w.heads, w.queryLength, w.keyLength]);
  const v = tf.add(tf.einsum('bsd,dhv->bhsv', value, weight('value/kernel')), tf.expandDims(weight('value/bias'), 1));
  const heads = tf.transpose(tf.matMul(probs, v), [0, 2, 1, 3]); // (1, t, h, v)
  const kernel = weight('attention_output/kernel');
  const [h = 0, dv = 0, out = 0] = kernel.shape;
  const y = tf.add(tf.matMul(tf.reshape(heads, [w.queryLength, h * dv]), tf.reshape(kernel, [h * dv, out])), weight('attention_output/bias'));
  return Array.from(y.dataSync());
}

describe('attentionWeights', () => {
  it('gives each head its (query x key) softmax weights: rows sum to 1, and probs times the projected values make the layer output within 1e-5', () => {
    const model = toTfjsModel(tf, textModel());
    const [w] = attentionWeights(tf, model, IDS);
    expect(w).toMatchObject({ layer: 'attention', heads: 2, queryLength: 6, keyLength: 6 });
    expect(w?.weights).toHaveLength(2 * 6 * 6);
    expect(maxDiff(rowSums(w as AttentionWeights), new Array<number>(12).fill(1))).toBeLessThan(1e-5);
    const { output, inputs } = layerTensors(model, 'attention');
    expect(maxDiff(mixed(model, 'attention', w as AttentionWeights, inputs[0] as tf.Tensor), Array.from(output.dataSync()))).toBeLessThan(1e-5);
  });

  it('applies the causal mask as the layer does: no weight on a later token', () => {
    const model = toTfjsModel(tf, textModel({ causal: true }));
    const w = attentionWeights(tf, model, IDS)[0] as AttentionWeights;
    const later = Array.from(w.weights).filter((_, i) => i % 6 > Math.floor(i / 6) % 6);
    expect(later).toHaveLength(2 * 15);
    expect(Math.max(...later)).toBe(0);
    const { output, inputs } = layerTensors(model, 'attention');
    expect(maxDiff(mixed(model, 'attention', w, inputs[0] as tf.Tensor), Array.from(output.dataSync()))).toBeLessThan(1e-5);
  });

  it('reads every attention layer in model order, a cross-attention one over its value input', () => {
    const model = toTfjsModel(tf, textModel({ twice: true }));
    const all = attentionWeights(tf, model, IDS);
    expect(all.map(({ layer, heads, queryLength, keyLength }) => ({ layer, heads, queryLength, keyLength }))).toEqual([
      { layer: 'attention', heads: 2, queryLength: 6, keyLength: 6 },
      { layer: 'cross', heads: 3, queryLength: 6, keyLength: 6 },
    ]);
    const cross = all[1] as AttentionWeights;
    const { output, inputs } = layerTensors(model, 'cross');
    expect(maxDiff(mixed(model, 'cross', cross, inputs[1] as tf.Tensor), Array.from(output.dataSync()))).toBeLessThan(1e-5);
  });

  it('works on an attention layer fed by the Input itself, and leaves no tensor behind', () => {
    const b = new GraphBuilder();
    const x = b.input([3, 4]);
    b.chain(x, ['MultiHeadAttention', { num_heads: 1, key_dim: 2 }], ['GlobalAveragePooling1D', {}]);
    const model = toTfjsModel(tf, b.graph);
    const before = tf.memory().numTensors;
    const [w] = attentionWeights(
      tf,
      model,
      new Float32Array(12).map((_, i) => Math.sin(i)),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(w).toMatchObject({ heads: 1, queryLength: 3, keyLength: 3 });
  });

  it('says when the model has no attention layer, or the sample does not fit its input', () => {
    const b = new GraphBuilder();
    b.chain(b.input([6]), ['Dense', { units: 2 }]);
    expect(() => attentionWeights(tf, toTfjsModel(tf, b.graph), IDS)).toThrow(
      'the model has no MultiHeadAttention layer, so it has no attention weights to show',
    );
    expect(() => attentionWeights(tf, toTfjsModel(tf, textModel()), IDS.slice(0, 4))).toThrow(
      'the model takes 6 values a sample (input shape [6]); got 4 for 1',
    );
  });
});
