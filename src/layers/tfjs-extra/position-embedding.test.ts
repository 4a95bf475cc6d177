import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/analyze';
import { GraphBuilder } from '../../analysis/builder';
import { activationLines, modelLines } from '../../compile/keras-python-model';
import { loadModelFiles, modelFiles } from '../../compile/model-files';
import { toTfjsModel } from '../../compile/to-tfjs';
import { netloomLayer, registerNetloomLayers } from './index';
import { finiteDifferenceMismatches, maxAbsDifference, type GoldenArray } from './test-support';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerNetloomLayers(tf);
});

type Arr = GoldenArray;
interface GoldenCase {
  readonly name: string;
  readonly kind: 'PositionEmbedding' | 'TokenAndPositionEmbedding';
  readonly config: { sequence_length: number; vocabulary_size?: number; embedding_dim?: number };
  readonly input: Arr;
  readonly weights: Readonly<Record<string, Arr>>;
  readonly output: Arr;
}
interface GeluGolden {
  readonly x: number[];
  readonly y: number[];
  readonly dy: number[];
}

/** KerasHub's math run by Keras 3.15 (`scripts/position-embedding-golden.py`, JAX backend). */
const GOLDEN = JSON.parse(readFileSync(new URL('./fixtures/position-embedding-golden.json', import.meta.url), 'utf8')) as {
  cases: GoldenCase[];
  gelu: Record<'gelu' | 'gelu_approximate', GeluGolden>;
};

const layerFor = (c: GoldenCase) =>
  c.kind === 'PositionEmbedding'
    ? netloomLayer(tf, 'PositionEmbedding', { sequenceLength: c.config.sequence_length, name: 'pe' })
    : netloomLayer(tf, 'TokenAndPositionEmbedding', {
        vocabularySize: c.config.vocabulary_size,
        sequenceLength: c.config.sequence_length,
        embeddingDim: c.config.embedding_dim,
        name: 'pe',
      });

/** The layer's weights by Keras name (`token_embedding/embeddings`), without the layer's scope. */
const byKerasName = (layer: tf.layers.Layer) => new Map(layer.weights.map((w) => [w.originalName.replace(/^pe\//, ''), w]));

function goldenModel(c: GoldenCase) {
  const layer = layerFor(c);
  const input = tf.input({ shape: c.input.shape.slice(1) });
  const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
  const weights = byKerasName(layer);
  expect([...weights.keys()].sort()).toEqual(Object.keys(c.weights).sort());
  for (const [name, w] of weights) {
    const want = c.weights[name] as Arr;
    expect(w.shape, name).toEqual(want.shape);
    w.write(tf.tensor(want.values, want.shape));
  }
  return { model, layer, x: tf.tensor(c.input.values, c.input.shape) };
}

const worst = (got: ArrayLike<number>, want: readonly number[]) => {
  expect(got.length).toBe(want.length);
  return maxAbsDifference(got, want);
};

describe('PositionEmbedding and TokenAndPositionEmbedding compute what KerasHub computes', () => {
  it.each(GOLDEN.cases.map((c) => [c.name, c] as const))('%s: equals Keras 3.15 within 1e-6', (_name, c) => {
    const { model, x } = goldenModel(c);
    const y = model.predict(x) as tf.Tensor;
    expect(y.shape).toEqual(c.output.shape);
    expect(worst(y.dataSync(), c.output.values)).toBeLessThan(1e-6);
  });

  it.each(GOLDEN.cases.map((c) => [c.name, c] as const))('%s: weight gradients match central finite differences', (_name, c) => {
    const { layer, x } = goldenModel(c);
    const probe = tf.randomUniform(c.output.shape, -1, 1, 'float32', 5);
    const loss = () => tf.sum(tf.mul(tf.square(layer.apply(x) as tf.Tensor), probe)) as tf.Scalar;
    const weights = [...byKerasName(layer)];
    const { grads } = tf.variableGrads(
      loss,
      weights.map(([, w]) => w.read() as tf.Variable),
    );
    for (const [name, w] of weights) {
      const analytic = (grads[(w.read() as tf.Variable).name] as tf.Tensor).dataSync();
      const lossValue = () => loss().dataSync()[0] as number;
      expect(finiteDifferenceMismatches(tf, lossValue, { label: name, analytic, read: () => w.read(), write: (t) => w.write(t) })).toEqual([]);
    }
  });
});

describe('Keras 3 gelu in tfjs 4.22 (the Activation choices gelu and gelu_new)', () => {
  it.each([
    ['gelu', 'gelu'],
    ['gelu_new', 'gelu_approximate'],
  ] as const)('%s equals Keras gelu (%s) and its gradient within 1e-6', (activation, key) => {
    const g = GOLDEN.gelu[key];
    const fn = (x: tf.Tensor) => tf.layers.activation({ activation: activation as never }).apply(x) as tf.Tensor;
    const x = tf.tensor1d(g.x);
    expect(worst(fn(x).dataSync(), g.y)).toBeLessThan(1e-6);
    const dy = tf.grad((v: tf.Tensor) => tf.sum(fn(v)))(x);
    expect(worst(dy.dataSync(), g.dy)).toBeLessThan(1e-6);
  });
});

describe('position embeddings in a Netloom graph', () => {
  it('TokenAndPositionEmbedding trains on the cpu backend: loss falls on a position-dependent task', async () => {
    const b = new GraphBuilder();
    const ids = b.input([5]);
    const emb = b.add('TokenAndPositionEmbedding', { vocabulary_size: 4, sequence_length: 8, embedding_dim: 6 }, ids);
    b.add('Dense', { units: 1 }, b.add('Flatten', {}, emb));
    expect(analyze(b.graph).diagnostics).toEqual([]);
    const model = toTfjsModel(tf, b.graph);
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
    const xs = tf.floor(tf.randomUniform([32, 5], 0, 4, 'float32', 2));
    // The target weighs each token by its position, so the model must tell positions apart.
    const ys = tf.sum(tf.mul(xs, tf.tensor1d([1, -1, 2, 0, 1])), 1, true);
    const losses = (await model.fit(xs, ys, { epochs: 40, batchSize: 8, shuffle: false, verbose: 0 })).history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan((losses[0] as number) * 0.2);
  });

  it('PositionEmbedding added to a Dense output trains, and its table changes', async () => {
    const b = new GraphBuilder();
    const x = b.input([4, 2]);
    const h = b.add('Dense', { units: 3 }, x);
    const sum = b.add('Add', {}, h, b.add('PositionEmbedding', { sequence_length: 6 }, h));
    b.add('Dense', { units: 1 }, b.add('Flatten', {}, sum));
    expect(analyze(b.graph).diagnostics).toEqual([]);
    const model = toTfjsModel(tf, b.graph);
    const layer = model.layers.find((l) => l.getClassName() === 'PositionEmbedding') as tf.layers.Layer;
    expect(layer.weights.map((w) => [w.originalName.split('/').slice(1).join('/'), w.shape])).toEqual([['embeddings', [6, 3]]]);
    const before = Array.from(layer.weights[0]?.read().dataSync() ?? []);
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
    const xs = tf.randomUniform([16, 4, 2], -1, 1, 'float32', 4);
    const losses = (await model.fit(xs, tf.ones([16, 1]), { epochs: 30, batchSize: 8, verbose: 0 })).history.loss as number[];
    expect(losses[losses.length - 1]).toBeLessThan((losses[0] as number) * 0.5);
    expect(Array.from(layer.weights[0]?.read().dataSync() ?? [])).not.toEqual(before);
  });

  it.each([
    ['PositionEmbedding', [[9, 4]], { sequence_length: 8 }, 'invalid-param', /learns 8 positions but gets a sequence of 9.*raise sequence_length/],
    ['PositionEmbedding', [[4]], { sequence_length: 8 }, 'wrong-rank', /needs a 3-D input/],
    ['PositionEmbedding', [[4, null]], { sequence_length: 8 }, 'unknown-dim', /needs a known feature size/],
    ['TokenAndPositionEmbedding', [[10]], { sequence_length: 6 }, 'invalid-param', /learns 6 positions but gets a sequence of 10/],
    ['TokenAndPositionEmbedding', [[3, 2]], {}, 'wrong-rank', /needs token ids \(batch, seq\)/],
  ] as const)('%s on %j refuses with a diagnostic', (kind, shapes, params, code, message) => {
    const b = new GraphBuilder();
    b.add(kind, params, ...shapes.map((s) => b.input(s)));
    const found = analyze(b.graph).diagnostics.find((d) => d.code === code);
    expect(found?.message).toMatch(message);
  });

  it('an unknown sequence length passes the check and fails at run time when too long', () => {
    const b = new GraphBuilder();
    b.add('TokenAndPositionEmbedding', { vocabulary_size: 5, sequence_length: 3, embedding_dim: 2 }, b.input([null]));
    expect(analyze(b.graph).diagnostics).toEqual([]);
    const model = toTfjsModel(tf, b.graph);
    expect((model.predict(tf.zeros([1, 2])) as tf.Tensor).shape).toEqual([1, 2, 2]);
    expect(() => model.predict(tf.zeros([1, 4]))).toThrow('longer than its sequence_length 3');
  });

  it('the Keras script defines both classes once, in plain Keras, and calls them', () => {
    const b = new GraphBuilder();
    const ids = b.input([5], 'ids');
    const t = b.add('TokenAndPositionEmbedding', { vocabulary_size: 50, sequence_length: 8, embedding_dim: 4 }, ids);
    b.rename(t, 'tpe');
    b.rename(b.add('PositionEmbedding', { sequence_length: 8 }, t), 'pe');
    const lines = modelLines(b.graph, analyze(b.graph), 'm');
    expect(lines.join('\n')).toContain('TokenAndPositionEmbedding(vocabulary_size=50, sequence_length=8, embedding_dim=4, name="tpe")');
    expect(lines.join('\n')).toContain('PositionEmbedding(sequence_length=8, name="pe")');
    const script = activationLines(b.graph).join('\n');
    expect(script.match(/^class PositionEmbedding\(/gm)).toHaveLength(1);
    expect(script.indexOf('class PositionEmbedding(')).toBeLessThan(script.indexOf('class TokenAndPositionEmbedding('));
    expect(script).not.toMatch(/import keras_hub|keras_hub\.layers\.\w+\(/);
  });
});

describe('position embeddings serialisation', () => {
  it.each(GOLDEN.cases.filter((c) => c.name === 'shorter' || c.name === 'tokens-full').map((c) => [c.name, c] as const))(
    '%s: writes its config, and a saved model loads back and predicts the same',
    async (_name, c) => {
      const { model, layer, x } = goldenModel(c);
      expect(layer.getConfig()).toMatchObject({ sequenceLength: c.config.sequence_length });
      const files = await modelFiles(tf, model);
      registerNetloomLayers(tf);
      const back = await loadModelFiles(tf, files);
      expect(JSON.stringify((JSON.parse(files.modelJson) as tf.io.ModelJSON).modelTopology)).toContain(`"sequence_length":${c.config.sequence_length}`);
      expect(worst((back.predict(x) as tf.Tensor).dataSync(), c.output.values)).toBeLessThan(1e-6);
      const backLayer = back.layers.find((l) => l.getClassName() === c.kind) as tf.layers.Layer;
      expect(backLayer.getConfig()).toMatchObject(layer.getConfig());
    },
  );

  it('registers once: a second registration keeps the first classes', () => {
    const map = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, [unknown, unknown]>;
    const first = [map.PositionEmbedding?.[0], map.TokenAndPositionEmbedding?.[0]];
    registerNetloomLayers(tf);
    expect([map.PositionEmbedding?.[0], map.TokenAndPositionEmbedding?.[0]]).toEqual(first);
    expect(first.every((cls) => (cls as { netloom?: boolean } | undefined)?.netloom === true)).toBe(true);
  });
});
