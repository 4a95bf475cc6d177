import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/analyze';
import { GraphBuilder } from '../../analysis/builder';
import { modelLines } from '../../compile/keras-python-model';
import { loadModelFiles, modelFiles } from '../../compile/model-files';
import { toTfjsModel } from '../../compile/to-tfjs';
import { layerSpec } from '../registry';
import { isAttentionLayer, netloomLayer, registerNetloomLayers } from './index';
import type { AttentionLayer } from './index';
import { startWasm } from '../../train/wasm-kernels/test-support';
import { finiteDifferenceMismatches, maxAbsDifference, type GoldenArray } from './test-support';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerNetloomLayers(tf);
});

type Arr = GoldenArray;
interface GoldenCase {
  readonly name: string;
  readonly config: { num_heads: number; key_dim: number; value_dim?: number; dropout?: number; use_bias?: boolean; output_shape?: number };
  readonly use_causal_mask: boolean;
  readonly query: Arr;
  readonly value: Arr | null;
  readonly weights: Readonly<Record<string, Arr>>;
  readonly output: Arr;
  /** Keras's `return_attention_scores`: (batch, heads, query, key). */
  readonly scores: Arr;
}

/** Keras 3.15's own outputs (`scripts/mha-golden.py`, JAX backend). */
const GOLDEN = JSON.parse(readFileSync(new URL('./fixtures/mha-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

const layerFor = (c: GoldenCase) =>
  netloomLayer(tf, 'MultiHeadAttention', {
    numHeads: c.config.num_heads,
    keyDim: c.config.key_dim,
    valueDim: c.config.value_dim ?? null,
    dropout: c.config.dropout ?? 0,
    useBias: c.config.use_bias ?? true,
    outputShape: c.config.output_shape ?? null,
    useCausalMask: c.use_causal_mask,
    name: 'mha',
  });

/** A model of the layer on one input (self-attention) or two (query, value). */
function modelOf(layer: tf.layers.Layer, query: readonly number[], value: readonly number[] | null): tf.LayersModel {
  const inputs = [tf.input({ shape: query.slice(1) }), ...(value === null ? [] : [tf.input({ shape: value.slice(1) })])];
  const out = layer.apply(inputs.length === 1 ? (inputs[0] as tf.SymbolicTensor) : inputs) as tf.SymbolicTensor;
  return tf.model({ inputs, outputs: out });
}

/** The layer's weights by Keras name (`query/kernel`), without the layer's scope. */
const byKerasName = (layer: tf.layers.Layer) => new Map(layer.weights.map((w) => [w.originalName.replace(/^mha\//, ''), w]));

function goldenModel(c: GoldenCase): { model: tf.LayersModel; layer: tf.layers.Layer; feeds: tf.Tensor[] } {
  const layer = layerFor(c);
  const model = modelOf(layer, c.query.shape, c.value?.shape ?? null);
  const weights = byKerasName(layer);
  expect([...weights.keys()].sort()).toEqual(Object.keys(c.weights).sort());
  for (const [name, w] of weights) {
    const want = c.weights[name] as Arr;
    expect(w.shape, name).toEqual(want.shape);
    w.write(tf.tensor(want.values, want.shape));
  }
  const feeds = [tf.tensor(c.query.values, c.query.shape), ...(c.value ? [tf.tensor(c.value.values, c.value.shape)] : [])];
  return { model, layer, feeds };
}

// ---- An independent plain-TS MultiHeadAttention, written from Keras's math on flat arrays. ----

type W = Readonly<Record<string, Arr>>;

/** x (n, d) times kernel (d, h, k) plus bias (h, k): (n, h, k) as [n][h][k]. */
function project(x: number[][], w: W, name: string, h: number, k: number): number[][][] {
  const kernel = w[`${name}/kernel`] as Arr;
  const bias = w[`${name}/bias`];
  return x.map((row) =>
    Array.from({ length: h }, (_, hi) =>
      Array.from({ length: k }, (_, ki) =>
        row.reduce((s, xv, di) => s + xv * (kernel.values[(di * h + hi) * k + ki] as number), bias ? (bias.values[hi * k + ki] as number) : 0),
      ),
    ),
  );
}

function referenceMha(c: GoldenCase): number[] {
  const { num_heads: h, key_dim: k } = c.config;
  const v = c.config.value_dim ?? k;
  const rows = (a: Arr, b: number) => {
    const [, n = 0, d = 0] = a.shape;
    return Array.from({ length: n }, (_, i) => a.values.slice((b * n + i) * d, (b * n + i + 1) * d));
  };
  const valueArr = c.value ?? c.query;
  const outKernel = c.weights['attention_output/kernel'] as Arr;
  const outBias = c.weights['attention_output/bias'];
  const dOut = outKernel.shape[2] ?? 0;
  const result: number[] = [];
  for (let b = 0; b < (c.query.shape[0] ?? 0); b += 1) {
    const qx = rows(c.query, b);
    const vx = rows(valueArr, b);
    const [q, key, val] = [project(qx, c.weights, 'query', h, k), project(vx, c.weights, 'key', h, k), project(vx, c.weights, 'value', h, v)];
    for (let t = 0; t < qx.length; t += 1) {
      const mixed = Array.from({ length: h }, (_, hi) => {
        const scores = vx.map((_, s) => {
          const dotp = (q[t]?.[hi] ?? []).reduce((acc, qv, ki) => acc + qv * (key[s]?.[hi]?.[ki] ?? 0), 0) / Math.sqrt(k);
          return c.use_causal_mask && s > t ? -Infinity : dotp;
        });
        const top = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - top));
        const total = e.reduce((a, x) => a + x, 0);
        return Array.from({ length: v }, (_, vi) => e.reduce((acc, ev, s) => acc + (ev / total) * (val[s]?.[hi]?.[vi] ?? 0), 0));
      });
      for (let o = 0; o < dOut; o += 1) {
        let y = outBias ? (outBias.values[o] as number) : 0;
        for (let hi = 0; hi < h; hi += 1)
          for (let vi = 0; vi < v; vi += 1) y += (mixed[hi]?.[vi] ?? 0) * (outKernel.values[(hi * v + vi) * dOut + o] as number);
        result.push(y);
      }
    }
  }
  return result;
}

const close = (got: ArrayLike<number>, want: readonly number[], tol: number) => {
  expect(got.length).toBe(want.length);
  expect(maxAbsDifference(got, want)).toBeLessThan(tol);
};

describe('MultiHeadAttention computes what Keras 3 computes', () => {
  it.each(GOLDEN.cases.map((c) => [c.name, c] as const))('%s: equals Keras 3.15 and a plain-TS implementation within 1e-5', (_name, c) => {
    const { model, feeds } = goldenModel(c);
    const y = model.predict(feeds.length === 1 ? (feeds[0] as tf.Tensor) : feeds) as tf.Tensor;
    expect(y.shape).toEqual(c.output.shape);
    close(y.dataSync(), c.output.values, 1e-5);
    close(y.dataSync(), referenceMha(c), 1e-5);
    close(referenceMha(c), c.output.values, 1e-5);
  });

  it('masks later positions with use_causal_mask: the first output depends on the first position only', () => {
    const c = GOLDEN.cases.find((g) => g.use_causal_mask) as GoldenCase;
    const { model, feeds } = goldenModel(c);
    const x = feeds[0] as tf.Tensor;
    const changed = tf.concat([tf.slice(x, [0, 0, 0], [-1, 1, -1]), tf.mul(tf.slice(x, [0, 1, 0], [-1, -1, -1]), 3)], 1);
    const [a, b] = [model.predict(x) as tf.Tensor, model.predict(changed) as tf.Tensor];
    close(tf.slice(b, [0, 0, 0], [-1, 1, -1]).dataSync(), Array.from(tf.slice(a, [0, 0, 0], [-1, 1, -1]).dataSync()), 1e-6);
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeGreaterThan(1e-3);
  });
});

describe('MultiHeadAttention gradients', () => {
  it.each(GOLDEN.cases.filter((c) => c.name === 'self-causal' || c.name === 'cross').map((c) => [c.name, c] as const))(
    '%s: match central finite differences for the inputs and every weight',
    (_name, c) => {
      const { layer, feeds } = goldenModel(c);
      const probe = tf.randomUniform(c.output.shape, -1, 1, 'float32', 3);
      const loss = (ins: tf.Tensor[]) => tf.sum(tf.mul(layer.apply(ins.length === 1 ? (ins[0] as tf.Tensor) : ins) as tf.Tensor, probe)) as tf.Scalar;
      const checkEntries = (analytic: ArrayLike<number>, read: () => tf.Tensor, write: (t: tf.Tensor) => void, label: string) => {
        const size = analytic.length;
        const lossValue = () => loss(feeds).dataSync()[0] as number;
        expect(finiteDifferenceMismatches(tf, lossValue, { label, analytic, read, write }, [0, Math.floor(size / 2), size - 1])).toEqual([]);
      };
      const inputGrads = tf.grads((...ins: tf.Tensor[]) => loss(ins))(feeds);
      feeds.forEach((f, slot) => {
        checkEntries(
          (inputGrads[slot] as tf.Tensor).dataSync(),
          () => feeds[slot] as tf.Tensor,
          (t) => (feeds[slot] = t),
          `input ${slot}`,
        );
      });
      const weights = byKerasName(layer);
      const { grads } = tf.variableGrads(
        () => loss(feeds),
        [...weights.values()].map((w) => w.read() as tf.Variable),
      );
      expect(Object.keys(grads)).toHaveLength(weights.size);
      for (const [name, w] of weights) {
        const g = grads[(w.read() as tf.Variable).name] as tf.Tensor;
        checkEntries(
          g.dataSync(),
          () => w.read(),
          (t) => w.write(t),
          name,
        );
      }
    },
  );
});

describe('MultiHeadAttention attention probabilities', () => {
  /** The golden case's layer as an AttentionLayer, with its query and value tensors. */
  const attention = (c: GoldenCase) => {
    const { layer, feeds } = goldenModel(c);
    if (!isAttentionLayer(layer)) throw new Error('the layer gives no attention probabilities');
    const [query = feeds[0] as tf.Tensor, value = query] = feeds;
    return { layer, query, value, feeds };
  };

  /** probs (b, h, t, s) times the value projection of `value`, through the output projection: the layer's output, from its own weights. */
  const outputFrom = (layer: AttentionLayer, probs: tf.Tensor, value: tf.Tensor): tf.Tensor =>
    tf.tidy(() => {
      const w = byKerasName(layer);
      const read = (name: string) => (w.get(name) as tf.LayerVariable).read();
      const [b = 0, h = 0, t = 0] = probs.shape;
      const heads = tf.einsum('bsd,dhv->bhsv', value, read('value/kernel'));
      const v = w.has('value/bias') ? tf.add(heads, tf.expandDims(read('value/bias'), 1)) : heads;
      const mixed = tf.matMul(probs, v); // (b, h, t, v)
      const kernel = read('attention_output/kernel'); // (h, v, out)
      const [, dv = 0, out = 0] = kernel.shape;
      const y = tf.matMul(tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [b * t, h * dv]), tf.reshape(kernel, [h * dv, out]));
      return tf.reshape(w.has('attention_output/bias') ? tf.add(y, read('attention_output/bias')) : y, [b, t, out]);
    });

  it.each(GOLDEN.cases.map((c) => [c.name, c] as const))('%s: equal Keras 3.15 return_attention_scores within 1e-5, each row summing to 1', (_name, c) => {
    const { layer, query, value } = attention(c);
    const probs = layer.attentionProbabilities(query, c.value ? value : undefined);
    expect(probs.shape).toEqual(c.scores.shape);
    close(probs.dataSync(), c.scores.values, 1e-5);
    const s = probs.shape[3] ?? 0;
    close(tf.sum(probs, -1).dataSync(), new Array<number>(probs.size / s).fill(1), 1e-5);
  });

  it.each(GOLDEN.cases.map((c) => [c.name, c] as const))(
    '%s: probabilities times the projected values, projected out, are the layer output within 1e-5',
    (_name, c) => {
      const { layer, query, value, feeds } = attention(c);
      const y = layer.apply(feeds.length === 1 ? query : feeds) as tf.Tensor;
      close(outputFrom(layer, layer.attentionProbabilities(query, value), value).dataSync(), Array.from(y.dataSync()), 1e-5);
    },
  );

  it('applies the causal mask as the call does: no weight on a later key', () => {
    const c = GOLDEN.cases.find((g) => g.use_causal_mask) as GoldenCase;
    const { layer, query } = attention(c);
    const [b = 0, h = 0, t = 0, s = 0] = c.scores.shape;
    const probs = layer.attentionProbabilities(query).dataSync();
    const later: number[] = [];
    for (let i = 0; i < b * h * t * s; i++) if (i % s > Math.floor(i / s) % t) later.push(probs[i] as number);
    expect(later.length).toBe(b * h * ((t * (t - 1)) / 2));
    expect(Math.max(...later)).toBe(0);
  });

  it('leaves no tensor behind, and needs a built layer', () => {
    const c = GOLDEN.cases[0] as GoldenCase;
    const { layer, query } = attention(c);
    const before = tf.memory().numTensors;
    layer.attentionProbabilities(query).dispose();
    expect(tf.memory().numTensors).toBe(before);
    const fresh = layerFor(c);
    if (!isAttentionLayer(fresh)) throw new Error('the layer gives no attention probabilities');
    expect(() => fresh.attentionProbabilities(query)).toThrow('MultiHeadAttention mha is not built');
    expect(isAttentionLayer(tf.layers.dense({ units: 1 }))).toBe(false);
  });
});

describe('MultiHeadAttention in a Netloom graph', () => {
  // webgl and webgpu are not in Node; the first-names journey (e2e/text-transformer.spec.ts) trains
  // attention in Chromium, and e2e/attention-webgl.spec.ts on its (software) WebGL.
  it.each(['cpu', 'wasm'] as const)('trains on the %s backend: loss falls on a tiny sequence task', async (backend) => {
    if (backend === 'wasm') await startWasm();
    else await tf.setBackend('cpu');
    expect(tf.getBackend()).toBe(backend);
    const b = new GraphBuilder();
    const x = b.input([4, 3]);
    const att = b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4, use_causal_mask: true }, x);
    const pooled = b.add('GlobalAveragePooling1D', {}, att);
    b.add('Dense', { units: 1 }, pooled);
    expect(analyze(b.graph).diagnostics).toEqual([]);
    const model = toTfjsModel(tf, b.graph);
    model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
    const xs = tf.randomUniform([32, 4, 3], -1, 1, 'float32', 1);
    // The target: the sum of the last position's features, which attention must pick out.
    const ys = tf.sum(tf.slice(xs, [0, 3, 0], [-1, 1, -1]), [1, 2]).reshape([32, 1]);
    const history = await model.fit(xs, ys, { epochs: 60, batchSize: 8, shuffle: false, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan((losses[0] as number) * 0.5);
    tf.dispose([xs, ys]);
    model.dispose();
    await tf.setBackend('cpu');
  });

  it('cross-attention takes (query, value) and builds with Keras weight shapes', () => {
    const b = new GraphBuilder();
    const q = b.input([5, 6]);
    const v = b.input([7, 3]);
    b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4, value_dim: 2, output_shape: 8 }, q, v);
    const model = toTfjsModel(tf, b.graph);
    expect(model.outputs[0]?.shape).toEqual([null, 5, 8]);
    const layer = model.layers.find((l) => l.getClassName() === 'MultiHeadAttention') as tf.layers.Layer;
    expect(layer.weights.map((w) => [w.originalName.split('/').slice(1).join('/'), w.shape])).toEqual([
      ['query/kernel', [6, 2, 4]],
      ['query/bias', [2, 4]],
      ['key/kernel', [3, 2, 4]],
      ['key/bias', [2, 4]],
      ['value/kernel', [3, 2, 2]],
      ['value/bias', [2, 2]],
      ['attention_output/kernel', [2, 2, 8]],
      ['attention_output/bias', [8]],
    ]);
  });

  it.each([
    ['a 2-D query', [[6]], 'wrong-rank'],
    [
      'a 4-D value',
      [
        [4, 3],
        [2, 2, 3],
      ],
      'wrong-rank',
    ],
    ['an unknown feature size', [[4, null]], 'unknown-dim'],
  ] as const)('refuses %s with a diagnostic', (_name, shapes, code) => {
    const b = new GraphBuilder();
    const ins = shapes.map((s) => b.input(s));
    b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, ...ins);
    const found = analyze(b.graph).diagnostics.find((d) => d.code === code);
    expect(found?.message).toMatch(/MultiHeadAttention .* needs/);
  });

  it('is called layer(query, value) in the Keras script, with use_causal_mask at call time', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 3], 'seq');
    b.rename(b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4, use_causal_mask: true }, x), 'mha');
    const lines = modelLines(b.graph, analyze(b.graph), 'm');
    expect(lines).toContain('mha = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="mha")(seq, seq, use_causal_mask=True)');
    const c = new GraphBuilder();
    const [q, v] = [c.input([4, 3], 'q'), c.input([5, 2], 'v')];
    c.rename(c.add('MultiHeadAttention', { num_heads: 1, key_dim: 2 }, q, v), 'mha');
    expect(modelLines(c.graph, analyze(c.graph), 'm')).toContain('mha = layers.MultiHeadAttention(num_heads=1, key_dim=2, name="mha")(q, v)');
  });
});

describe('MultiHeadAttention serialisation', () => {
  it('writes its config, and a saved model loads back with tf.loadLayersModel and predicts the same', async () => {
    const c = GOLDEN.cases.find((g) => g.name === 'cross') as GoldenCase;
    const { model, layer, feeds } = goldenModel(c);
    expect(layer.getConfig()).toMatchObject({ numHeads: 3, keyDim: 2, valueDim: 4, dropout: 0.1, useBias: true, outputShape: 6, useCausalMask: false });
    const files = await modelFiles(tf, model);
    registerNetloomLayers(tf);
    const back = await loadModelFiles(tf, files);
    const layerJson = JSON.stringify((JSON.parse(files.modelJson) as tf.io.ModelJSON).modelTopology);
    expect(layerJson).toContain('"num_heads":3');
    expect(layerJson).toContain('"use_causal_mask":false');
    close((back.predict(feeds) as tf.Tensor).dataSync(), c.output.values, 1e-5);
  });

  it('refuses a Keras config read without its call (where use_causal_mask sits), and reads its own', () => {
    const spec = layerSpec('MultiHeadAttention');
    expect(() => spec.fromKeras({ name: 'mha', num_heads: 2, key_dim: 4 })).toThrow('read without its call, where Keras keeps use_causal_mask');
    expect(() => spec.fromKeras({ name: 'mha', key_dim: 4, use_causal_mask: false })).toThrow('has no num_heads');
    expect(spec.fromKeras({ name: 'mha', num_heads: 2, key_dim: 4, use_causal_mask: true })).toMatchObject({ num_heads: 2, key_dim: 4, use_causal_mask: true });
  });

  it('registers once: a second registration keeps the first class', () => {
    const map = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, [unknown, unknown]>;
    const first = map.MultiHeadAttention?.[0];
    registerNetloomLayers(tf);
    expect(map.MultiHeadAttention?.[0]).toBe(first);
    expect((first as { netloom?: boolean }).netloom).toBe(true);
  });
});
