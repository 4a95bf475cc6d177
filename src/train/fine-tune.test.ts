import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { digitsCnn } from '../analysis/templates';
import { toTfjsModel } from '../compile/to-tfjs';
import { makeToy } from '../data/toy';
import type { SplitDataset } from '../data/types';
import type { Graph } from '../graph/types';
import { trainingConfigSchema } from '../settings/training';
import { fineTuneSchema } from '../settings/fine-tune';
import { runPhases } from './fine-tune';
import { createInsightSampler } from './insight-sampler';
import { insightSchedule } from './insight-schedule';
import type { InsightSnapshot } from './insight-types';
import { runTraining } from './run-training';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A pretrained-looking base (Dense -> BatchNormalization -> Dense), frozen, under a Dense head. */
function frozenBase(): Graph {
  const b = new GraphBuilder();
  const head = b.chain(
    b.input([2]),
    ['Dense', { units: 8, activation: 'relu' }],
    ['BatchNormalization'],
    ['Dense', { units: 8, activation: 'relu' }],
    ['Dense', { units: 2, activation: 'softmax' }],
  );
  return setTrainable(
    b.graph,
    b.graph.nodes.filter((n) => n.id !== head).map((n) => n.id),
    false,
  );
}

const toy = makeToy('xor', { n: 128, noise: 0.05, seed: 3 });
const data: SplitDataset = { train: toy, validation: { ...toy, count: 0, x: new Float32Array(0), y: new Float32Array(0) } };
const config = trainingConfigSchema.parse({ epochs: 2, batchSize: 16, learningRate: 0.05 });
const fineTune = fineTuneSchema.parse({ enabled: true, unfreeze: 1, learningRate: 0.01, epochs: 3 });

const weightsOf = (model: tf.LayersModel, layer: string) =>
  model
    .getLayer(layer)
    .getWeights()
    .map((w) => Array.from(w.dataSync()));

describe('fine-tuning in two phases (Keras’s transfer-learning guide)', () => {
  it('lets the views count steps on through phase 2, where the unfrozen layer gets its gradients', async () => {
    const snapshots: InsightSnapshot[] = [];
    const sampler = createInsightSampler(
      tf,
      data,
      { sample: 0 },
      (snap) => snapshots.push(snap),
      undefined,
      insightSchedule(() => performance.now(), 0, Infinity),
    );
    const result = await runPhases(tf, { graph: frozenBase(), config, fineTune }, data, undefined, sampler.hooks);
    sampler.dispose();
    result.model.dispose();
    // 128 samples at batch 16: 8 steps an epoch, 2 epochs then 3, every step sampled.
    expect(snapshots.map((snap) => snap.step)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(snapshots.map((snap) => snap.epoch)).toEqual(Array.from({ length: 40 }, (_, i) => Math.floor(i / 8)));
    const grad = (snap: InsightSnapshot | undefined) => snap?.layers.find((l) => l.layer === 'dense_2')?.gradNorm;
    expect(grad(snapshots[15])).toBeUndefined();
    expect(grad(snapshots[16])).toBeGreaterThan(0);
  });

  it('counts phase 2’s epochs on from phase 1’s, at its own learning rate, unfreezing only the top layer', async () => {
    const epochs: [number, number][] = [];
    const phases: [number, readonly string[]][] = [];
    let afterPhase1: Record<string, number[][]> = {};
    const graph = frozenBase();
    const result = await runPhases(
      tf,
      { graph, config, fineTune },
      data,
      undefined,
      { onEpoch: (epoch, _logs, lr) => epochs.push([epoch, lr]) },
      (epoch, unfrozen) => phases.push([epoch, unfrozen]),
    );
    expect(result.status).toBe('completed');
    expect(result.epochsRun).toBe(5);
    expect(result.history.epoch).toEqual([0, 1, 2, 3, 4]);
    expect(result.history.loss).toHaveLength(5);
    expect(epochs.map(([e]) => e)).toEqual([0, 1, 2, 3, 4]);
    expect(epochs.map(([, lr]) => Number(lr.toPrecision(3)))).toEqual([0.05, 0.05, 0.01, 0.01, 0.01]);
    expect(phases).toEqual([[2, ['dense_2']]]);
    // Phase 1 again, alone, gives the weights phase 2 started from (the same seed, graph and data).
    const phase1 = await runTraining(tf, { graph, config, data });
    afterPhase1 = Object.fromEntries(['dense_1', 'batch_normalization_1', 'dense_2'].map((name) => [name, weightsOf(phase1.model, name)]));
    // Below the top N, still frozen; BatchNormalization frozen too: its moving statistics stay as they were.
    expect(weightsOf(result.model, 'dense_1')).toEqual(afterPhase1.dense_1);
    expect(weightsOf(result.model, 'batch_normalization_1')).toEqual(afterPhase1.batch_normalization_1);
    expect(weightsOf(result.model, 'dense_2')).not.toEqual(afterPhase1.dense_2);
    // The model keeps the trainable flags phase 2 trained with; the user's graph is unchanged.
    expect(result.model.getLayer('dense_2').trainable).toBe(true);
    expect(result.model.getLayer('batch_normalization_1').trainable).toBe(false);
    expect(graph.nodes.find((n) => n.name === 'dense_2')?.trainable).toBe(false);
    [result.model, phase1.model].forEach((m) => m.dispose());
  });

  it('skips phase 2 when phase 1 is stopped', async () => {
    let phase2 = false;
    const result = await runPhases(tf, { graph: frozenBase(), config, fineTune }, data, undefined, { shouldStop: () => true }, () => {
      phase2 = true;
    });
    expect(result.status).toBe('stopped');
    expect(phase2).toBe(false);
    result.model.dispose();
  });

  it('refuses, before training, a model with nothing frozen', async () => {
    await expect(runPhases(tf, { graph: digitsCnn(), config, fineTune }, data, undefined, {})).rejects.toThrow(/needs a frozen base/);
  });

  it('is one plain run with the preset off', async () => {
    const result = await runPhases(tf, { graph: frozenBase(), config, fineTune: { ...fineTune, enabled: false } }, data, undefined, {});
    expect(result.history.epoch).toEqual([0, 1]);
    result.model.dispose();
  });
});

/** How many times each kernel runs in one training step of `graph`. */
async function kernelsOfStep(graph: Graph): Promise<Record<string, number>> {
  const model = toTfjsModel(tf, graph);
  model.compile({ optimizer: tf.train.adam(), loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([4, 28, 28, 1]);
  const y = tf.oneHot(tf.tensor1d([1, 2, 3, 4], 'int32'), 10);
  await model.trainOnBatch(x, y);
  const info = await tf.profile(async () => {
    await model.trainOnBatch(x, y);
  });
  [x, y].forEach((t) => t.dispose());
  model.dispose();
  const counts: Record<string, number> = {};
  for (const k of info.kernels) counts[k.name] = (counts[k.name] ?? 0) + 1;
  return counts;
}

const convs = (graph: Graph) => graph.nodes.filter((n) => n.kind === 'Conv2D').map((n) => n.id);

describe('no gradients for frozen layers (tfjs minimizes over the trainable weights only)', () => {
  it('a frozen Conv2D base runs forward only: no Conv2DBackpropFilter, no Conv2DBackpropInput', async () => {
    const all = await kernelsOfStep(digitsCnn());
    expect([all.Conv2DBackpropFilter, all.Conv2DBackpropInput]).toEqual([2, 1]);
    const graph = digitsCnn();
    const frozen = await kernelsOfStep(setTrainable(graph, convs(graph), false));
    expect(frozen.Conv2D).toBe(2);
    expect([frozen.Conv2DBackpropFilter, frozen.Conv2DBackpropInput, frozen.MaxPoolGrad]).toEqual([undefined, undefined, undefined]);
  });

  it('a frozen Conv2D above a trained one passes the gradient through (input) but computes none for its own filter', async () => {
    const graph = digitsCnn();
    const [, second] = convs(graph);
    const counts = await kernelsOfStep(setTrainable(graph, [second as string], false));
    expect([counts.Conv2DBackpropFilter, counts.Conv2DBackpropInput]).toEqual([1, 1]);
  });
});
