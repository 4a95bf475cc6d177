import * as tf from '@tensorflow/tfjs';
import { featureSlice } from '../data/features';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toTfjsModel } from '../compile/to-tfjs';
import { applyWeights } from '../compile/tfjs-import';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import { GraphBuilder } from '../analysis/builder';
import type { DatasetWire } from './protocol';
import type { Graph } from '../graph/types';
import { attentionWeights } from './attention-weights';
import { seededBuild } from './run-training';
import { predictWith, weightValues } from './trainer-models';
import { XOR, config, flat, harness, maxDiff, mlp } from './trainer-test-support';
import type { Harness } from './trainer-test-support';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The weights a run of `graph` with `seed` starts from. */
const initialWeights = (graph: ReturnType<typeof mlp>, seed = 42): number[] => {
  const model = seededBuild(seed, () => toTfjsModel(tf, graph));
  const values = weightValues(model).flatMap((w) => [...w.values]);
  model.dispose();
  return values;
};

describe('the trainer service (the training worker, in Node)', () => {
  it('starts the chosen backend, holds the lock it is given and says so', async () => {
    const held: string[] = [];
    const h = await harness({ holdLock: (name, onHeld) => (held.push(name), onHeld()) });
    await h.send({ type: 'init', backend: 'cpu', lock: 'netloom-test' });
    expect(held).toEqual(['netloom-test']);
    expect(h.of('holding-lock')).toHaveLength(1);
    expect(h.of('backend').at(-1)).toMatchObject({ type: 'backend', backend: 'cpu' });
  });

  it('refuses a run whose dataset never arrived, and trains once it has', async () => {
    const h = await harness();
    await h.send({ type: 'train', runId: 1, datasetId: 'missing', graph: mlp(), config: config(), callbacks: DEFAULT_CALLBACKS, from: 'fresh' });
    expect(h.of('done')).toEqual([
      { type: 'done', runId: 1, status: 'failed', epochsRun: 0, message: 'Training failed: the training data did not reach the worker; train again' },
    ]);
    const done = await h.train(2, mlp());
    expect(done).toMatchObject({ status: 'completed', epochsRun: 2 });
    expect(done.validationOutputs).toHaveLength(XOR.validation.count * 2);
    expect(h.of('started')).toEqual([{ type: 'started', runId: 2, epochs: 2, batchesPerEpoch: 10, samples: 160, initialEpoch: 0 }]);
    // Progress came as epochs and bunches of batch losses that miss no batch.
    expect(h.of('epoch').map((m) => m.epoch)).toEqual([0, 1]);
    expect(h.of('batch').flatMap((m) => m.losses)).toHaveLength(20);
  });

  it('runs one run at a time: a second train while one runs is refused with a message', async () => {
    const h = await harness();
    const first = h.train(1, mlp(), { epochs: 500 });
    await new Promise<void>((resolve) => (h.onPost = (m) => m.type === 'started' && resolve()));
    await h.send({ type: 'train', runId: 2, datasetId: 'd1', graph: mlp(), config: config(), callbacks: DEFAULT_CALLBACKS, from: 'fresh' });
    expect(h.of('done')).toEqual([
      { type: 'done', runId: 2, status: 'failed', epochsRun: 0, message: 'Training failed: another run is still going; stop it first' },
    ]);
    expect(h.service.runningId).toBe(1);
    await h.send({ type: 'stop', runId: 1 });
    expect(await first).toMatchObject({ runId: 1, status: 'stopped' });
    expect(h.service.runningId).toBeNull();
  });

  it('stops within the batch the Stop arrives in, keeping the weights so far', async () => {
    const h = await harness();
    h.onPost = (m) => {
      if (m.type === 'batch') void h.send({ type: 'stop', runId: 1 });
    };
    const done = await h.train(1, mlp(), { epochs: 500, batchSize: 1 });
    expect(done).toMatchObject({ status: 'stopped', epochsRun: 0 });
    expect(h.of('batch').flatMap((m) => m.losses)).toHaveLength(1);
    expect(done.weights?.length).toBe(4);
  });

  it('counts a Stop that comes before the run started, while it waits for its backend', async () => {
    const h = await harness();
    await h.send({ type: 'dataset', datasetId: 'd1', train: XOR.train, validation: XOR.validation });
    const run = h.send({
      type: 'train',
      runId: 1,
      datasetId: 'd1',
      graph: mlp(),
      config: config({ epochs: 500 }),
      callbacks: DEFAULT_CALLBACKS,
      from: 'fresh',
    });
    await h.send({ type: 'stop', runId: 1 });
    await run;
    expect(h.of('done')).toEqual([{ type: 'done', runId: 1, status: 'stopped', epochsRun: 0 }]);
    expect(h.of('started')).toEqual([]);
  });

  it('continues from the last run on the same graph, and starts fresh on another', async () => {
    const h = await harness();
    const first = await h.train(1, mlp(), { epochs: 3 });
    // A learning rate too small to move the weights shows where a run started.
    const continued = await h.train(2, mlp(), { epochs: 1, learningRate: 1e-9 }, 'current');
    expect(maxDiff(flat(continued), flat(first))).toBeLessThan(1e-6);
    expect(maxDiff(flat(continued), initialWeights(mlp()))).toBeGreaterThan(1e-3);
    const other = await h.train(3, mlp(9), { epochs: 1, learningRate: 1e-9 }, 'current');
    expect(maxDiff(flat(other), initialWeights(mlp(9)))).toBeLessThan(1e-6);
    const fresh = await h.train(4, mlp(9), { epochs: 1, learningRate: 1e-9 }, 'fresh');
    expect(maxDiff(flat(fresh), initialWeights(mlp(9)))).toBeLessThan(1e-6);
  });

  it("counts a continued run's epochs on from the weights' (Keras's initial_epoch), and from 0 on another graph", async () => {
    const h = await harness();
    await h.train(1, mlp(), { epochs: 3 });
    const go = (runId: number, graph: Graph) =>
      h.send({ type: 'train', runId, datasetId: 'd1', graph, config: config({ epochs: 2 }), callbacks: DEFAULT_CALLBACKS, from: 'current', initialEpoch: 3 });
    await go(2, mlp());
    expect(h.of('started').find((m) => m.runId === 2)?.initialEpoch).toBe(3);
    expect(
      h
        .of('epoch')
        .filter((m) => m.runId === 2)
        .map((m) => m.epoch),
    ).toEqual([3, 4]);
    expect(h.of('done').find((m) => m.runId === 2)?.epochsRun).toBe(2);
    // Another graph starts from weights it only partly shares: its epochs count from 0.
    await go(3, mlp(9));
    expect(h.of('started').find((m) => m.runId === 3)?.initialEpoch).toBe(0);
    expect(
      h
        .of('epoch')
        .filter((m) => m.runId === 3)
        .map((m) => m.epoch),
    ).toEqual([0, 1]);
  });

  it('predicts with the last run once it ended, and says when there is none', async () => {
    const h = await harness();
    await h.send({ type: 'predict', requestId: 1, x: X, count: 3 });
    expect(h.of('prediction')[0]).toMatchObject({ requestId: 1, error: 'train the model first' });
    const done = await h.train(1, mlp());
    await h.send({ type: 'predict', requestId: 2, x: X, count: 3 });
    expect(maxDiff([...(h.of('prediction')[1]?.output ?? [])], expectedOutputs(done))).toBeLessThan(1e-6);
  });

  it('predicts during a run: with the model a continued run trains, or weights the page sends during a fresh one', async () => {
    const h = await harness();
    const done = await h.train(1, mlp());
    const predict = (requestId: number) => () => h.send({ type: 'predict', requestId, x: X, count: 3 });
    atFirstBatch(h, 2, predict(2));
    await h.train(2, mlp(), { epochs: 500 }, 'current');
    expect(h.of('prediction').find((m) => m.requestId === 2)?.output).toHaveLength(6);
    // A fresh run frees the old model (a large one may not fit twice) until the page sends it again.
    atFirstBatch(h, 3, predict(3));
    await h.train(3, mlp(), { epochs: 500 }, 'fresh');
    expect(h.of('prediction').find((m) => m.requestId === 3)?.error).toBe('train the model first');
    atFirstBatch(h, 4, () => h.send({ type: 'load-weights', requestId: 1, graph: mlp(), weights: done.weights ?? [] }).then(predict(4)));
    await h.train(4, mlp(), { epochs: 500 }, 'fresh');
    expect(maxDiff([...(h.of('prediction').find((m) => m.requestId === 4)?.output ?? [])], expectedOutputs(done))).toBeLessThan(1e-6);
  });

  it('exports fresh weights, then the trained ones, then weights the page sent', async () => {
    const h = await harness();
    const graph = mlp();
    const exported = async (requestId: number, g = graph) => {
      await h.send({ type: 'export', requestId, graph: g, metadata: { project: 'test' } });
      const answer = h.of('exported').find((m) => m.requestId === requestId);
      if (!answer?.weights || !answer.modelJson) throw new Error(answer?.error ?? 'no answer');
      expect(JSON.parse(answer.modelJson)).toHaveProperty('weightsManifest');
      return { trained: answer.trained, values: [...new Float32Array(answer.weights.slice().buffer)] };
    };
    expect(await exported(1)).toMatchObject({ trained: false, values: initialWeights(graph, 0) });
    const done = await h.train(1, graph);
    expect(await exported(2)).toEqual({ trained: true, values: flat(done) });
    expect((await exported(3, mlp(5))).trained).toBe(false);
    const imported = (done.weights ?? []).map((w) => ({ ...w, values: w.values.map((v) => v + 1) }));
    await h.send({ type: 'load-weights', requestId: 4, graph, weights: imported });
    expect(h.of('weights-loaded')).toEqual([{ type: 'weights-loaded', requestId: 4 }]);
    expect(await exported(5)).toEqual({ trained: true, values: imported.flatMap((w) => [...w.values]) });
  });

  it('says why weights that do not fit cannot be used, and keeps the current model', async () => {
    const h = await harness();
    const done = await h.train(1, mlp());
    await h.send({
      type: 'load-weights',
      requestId: 1,
      graph: mlp(),
      weights: [{ name: 'nowhere/kernel', shape: [1], dtype: 'float32', values: new Float32Array(1) }],
    });
    expect(h.of('weights-loaded')[0]?.error).toMatch(/^The imported weights could not be used: weight "nowhere\/kernel" matches no weight/);
    await h.send({ type: 'export', requestId: 2, graph: mlp(), metadata: {} });
    expect([...new Float32Array(h.of('exported')[0]?.weights?.slice().buffer ?? new ArrayBuffer(0))]).toEqual(flat(done));
  });
});

describe('attention weights from the trainer service', () => {
  /** Token ids 2..9 in rows of 5 (some padded with 0); the class is whether token 3 occurs. */
  const tokens = (count: number, seed: number): DatasetWire => {
    const x = new Float32Array(count * 5).map((_, i) => (i % 5 > 2 + (Math.floor(i / 5) % 3) ? 0 : 2 + ((i * 7 + seed) % 8)));
    const y = new Float32Array(count * 2);
    for (let r = 0; r < count; r++) y[r * 2 + (x.slice(r * 5, r * 5 + 5).includes(3) ? 1 : 0)] = 1;
    return { x, y, count, featureShape: [5], targetShape: [2], task: 'classification' };
  };
  const attentionGraph = (() => {
    const b = new GraphBuilder();
    const embedded = b.add('Embedding', { input_dim: 10, output_dim: 8 }, b.input([5]));
    const attended = b.rename(b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, embedded), 'attention');
    b.chain(attended, ['GlobalAveragePooling1D', {}], ['Dense', { units: 2, activation: 'softmax' }]);
    return b.graph;
  })();
  const sentence = Float32Array.of(4, 3, 1, 0, 0);

  it("says to train first, then answers with each head's weights of the trained model, rows summing to 1", async () => {
    const h = await harness();
    await h.send({ type: 'attention', requestId: 1, x: sentence });
    expect(h.of('attention-weights')).toEqual([{ type: 'attention-weights', requestId: 1, layers: [], error: 'train the model first' }]);
    await h.send({ type: 'dataset', datasetId: 't', train: tokens(40, 1), validation: tokens(10, 2) });
    await h.send({ type: 'train', runId: 1, datasetId: 't', graph: attentionGraph, config: config(), callbacks: DEFAULT_CALLBACKS, from: 'fresh' });
    const done = h.of('done')[0];
    expect(done).toMatchObject({ status: 'completed' });
    await h.send({ type: 'attention', requestId: 2, x: sentence });
    const answer = h.of('attention-weights')[1];
    expect(answer?.error).toBeUndefined();
    const [w] = answer?.layers ?? [];
    expect(w).toMatchObject({ layer: 'attention', heads: 2, queryLength: 5, keyLength: 5 });
    // The trained model's, not a fresh one's: the same weights built here give the same numbers.
    const model = toTfjsModel(tf, attentionGraph);
    applyWeights(tf, model, done?.weights ?? []);
    const expected = attentionWeights(tf, model, sentence)[0];
    expect(maxDiff([...(w?.weights ?? [])], [...(expected?.weights ?? [])])).toBeLessThan(1e-6);
    const fresh = attentionWeights(tf, toTfjsModel(tf, attentionGraph), sentence)[0];
    expect(maxDiff([...(w?.weights ?? [])], [...(fresh?.weights ?? [])])).toBeGreaterThan(1e-4);
    const values = [...(w?.weights ?? [])];
    const sums = Array.from({ length: 10 }, (_, r) => values.slice(r * 5, r * 5 + 5).reduce((a, b) => a + b, 0));
    expect(maxDiff(sums, new Array<number>(10).fill(1))).toBeLessThan(1e-5);
  });

  it('says when the model has no attention layer, and when the sentence does not fit the input', async () => {
    const h = await harness();
    await h.train(1, mlp());
    await h.send({ type: 'attention', requestId: 1, x: Float32Array.of(1, 0) });
    expect(h.of('attention-weights')[0]?.error).toBe('the model has no MultiHeadAttention layer, so it has no attention weights to show');
    await h.send({ type: 'load-weights', requestId: 2, graph: attentionGraph, weights: weightValues(toTfjsModel(tf, attentionGraph)) });
    await h.send({ type: 'attention', requestId: 3, x: Float32Array.of(1, 2, 3) });
    expect(h.of('attention-weights')[1]).toEqual({
      type: 'attention-weights',
      requestId: 3,
      layers: [],
      error: 'the model takes 5 values a sample (input shape [5]); got 3 for 1',
    });
  });
});

describe('a backend that fails mid-run', () => {
  const KERNELS = ['_FusedMatMul', 'BatchMatMul'];
  let broken = false;
  const originals = KERNELS.map((name) => tf.getKernel(name, 'cpu'));

  beforeAll(() => {
    // Stand-ins that fail on demand, as a lost GPU context makes every kernel fail.
    for (const original of originals) {
      if (!original) throw new Error('a cpu kernel this test wraps is missing');
      tf.unregisterKernel(original.kernelName, 'cpu');
      tf.registerKernel({
        ...original,
        kernelFunc: (args) => {
          if (broken) throw new Error('the GPU context was lost');
          return original.kernelFunc(args);
        },
      });
    }
  });
  afterEach(() => {
    broken = false;
  });
  afterAll(() => {
    for (const original of originals) {
      if (!original) continue;
      tf.unregisterKernel(original.kernelName, 'cpu');
      tf.registerKernel(original);
    }
  });

  it('ends the run failed with the reason, and the service trains again', async () => {
    const h = await harness();
    h.onPost = (m) => {
      if (m.type === 'epoch' && m.epoch === 1) broken = true;
    };
    const failed = await h.train(1, mlp(), { epochs: 10 });
    expect(failed).toMatchObject({ status: 'failed', message: 'Training failed: the GPU context was lost' });
    expect(failed.weights).toBeUndefined();
    broken = false;
    h.onPost = () => {};
    expect(await h.train(2, mlp(), { epochs: 2 })).toMatchObject({ status: 'completed', epochsRun: 2 });
  });
});

const X = featureSlice(XOR.validation.x, 0, 6);

/** What a model of `mlp()` with the weights of a run outputs for `X`. */
function expectedOutputs(done: Awaited<ReturnType<Harness['train']>>): number[] {
  const model = toTfjsModel(tf, mlp());
  applyWeights(tf, model, done.weights ?? []);
  const out = [...predictWith(tf, model, X, 3)];
  model.dispose();
  return out;
}

/** Runs `action` at the first batch of run `runId`, then stops the run. */
function atFirstBatch(h: Harness, runId: number, action: () => Promise<void>): void {
  let fired = false;
  h.onPost = (m) => {
    if (m.type !== 'batch' || m.runId !== runId || fired) return;
    fired = true;
    void action().then(() => h.send({ type: 'stop', runId }));
  };
}

describe('going on from the current weights of another graph (a pretrained base under a new head)', () => {
  it('takes every layer it shares by name and shape, starts the others fresh, and says which', async () => {
    const h = await harness();
    const base = await h.train(1, mlp(8));
    const dense1 = base.weights?.filter((w) => w.name.startsWith('dense_1/')).flatMap((w) => [...w.values]) ?? [];
    // The same first layer, a new head under it: dense_2 is now a 3-layer stack's middle.
    const b = new GraphBuilder();
    b.chain(
      b.input([2]),
      ['Dense', { units: 8, activation: 'relu' }],
      ['Dense', { units: 4, activation: 'relu' }],
      ['Dense', { units: 2, activation: 'softmax' }],
    );
    const headed = b.graph;
    // A learning rate of 1e-12: what the run starts from is what it ends with.
    const done = await h.train(2, headed, { epochs: 1, learningRate: 1e-12 }, 'current');
    const startWeights = done.weights?.filter((w) => w.name.startsWith('dense_1/')).flatMap((w) => [...w.values]) ?? [];
    expect(h.of('started').at(-1)?.carried).toEqual({ layers: ['dense_1'], fresh: ['dense_2', 'dense_3'] });
    expect(maxDiff(startWeights, dense1)).toBeLessThan(1e-6);
    // A fresh run of the same graph starts from its seed, not from the base.
    const fresh = await h.train(3, headed, { epochs: 1, learningRate: 1e-12 }, 'fresh');
    expect(h.of('started').at(-1)?.carried).toBeUndefined();
    expect(maxDiff(fresh.weights?.filter((w) => w.name.startsWith('dense_1/')).flatMap((w) => [...w.values]) ?? [], dense1)).toBeGreaterThan(1e-3);
  });
});
