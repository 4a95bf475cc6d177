import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetTensors } from './tensors';
import { createInsightSampler } from './insight-sampler';
import { insightSchedule } from './insight-schedule';
import type { InsightSnapshot } from './insight-types';
import { runTraining } from './run-training';
import { XOR, config, mlp } from './trainer-test-support';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A schedule that samples every step. */
const everyStep = () => insightSchedule(() => performance.now(), 0, Infinity);

async function run(fields: Record<string, unknown>, sample: boolean) {
  const snapshots: InsightSnapshot[] = [];
  const sampler = sample ? createInsightSampler(tf, XOR, { sample: 0 }, (s) => snapshots.push(s), undefined, everyStep()) : undefined;
  const result = await runTraining(tf, { graph: mlp(), config: config(fields), data: XOR }, sampler?.hooks ?? {});
  sampler?.dispose();
  const weights = result.model.getWeights().flatMap((w) => [...(w.dataSync() as Float32Array)]);
  result.model.dispose();
  return { snapshots, weights, sampler };
}

describe('the sampler in a run', () => {
  it('measures the gradient of the real step: the norms of tf.variableGrads on the same batch, and the SGD update', async () => {
    const fields = {
      epochs: 1,
      batchSize: XOR.train.count,
      shuffle: false,
      optimizer: 'sgd',
      learningRate: 0.1,
      loss: 'categorical_crossentropy',
      metrics: [],
    };
    const [x, y] = datasetTensors(tf, XOR.train);
    const norm = (ts: tf.Tensor[]) => Math.sqrt(ts.reduce((a, t) => a + (tf.sum(tf.square(t)).dataSync()[0] ?? NaN), 0));
    let expected: { layer: string; grad: number; weight: number }[] = [];
    const snapshots: InsightSnapshot[] = [];
    const sampler = createInsightSampler(tf, XOR, { sample: 0 }, (s) => snapshots.push(s), undefined, everyStep());
    // The gradients of the whole training set (the one batch) at the weights the run starts from.
    const onCompiled: typeof sampler.hooks.onCompiled = (model, optimizer) => {
      const { grads } = tf.variableGrads(() => tf.mean(tf.metrics.categoricalCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar);
      expected = model.layers
        .filter((l) => l.trainableWeights.length > 0)
        .map((l) => ({
          layer: l.name,
          grad: norm(l.trainableWeights.map((w) => grads[(w.read() as tf.Variable).name] as tf.Tensor)),
          weight: norm(l.trainableWeights.map((w) => w.read())),
        }));
      tf.dispose(Object.values(grads));
      sampler.hooks.onCompiled(model, optimizer);
    };
    const result = await runTraining(tf, { graph: mlp(), config: config(fields), data: XOR }, { ...sampler.hooks, onCompiled });
    sampler.dispose();
    result.model.dispose();
    const first = snapshots[0];
    expect(first?.step).toBe(0);
    expect(expected.length).toBe(2);
    for (const e of expected) {
      const got = first?.layers.find((l) => l.layer === e.layer);
      expect(Math.abs((got?.gradNorm ?? NaN) - e.grad)).toBeLessThan(1e-5);
      // SGD: w_after - w_before = -lr * grad.
      expect(got?.updateRatio).toBeCloseTo((0.1 * e.grad) / e.weight, 5);
      expect(got?.gradFlag).toBeUndefined();
    }
    tf.dispose([x, y]);
  });

  it('ends with the same weights as a run without views, sampling every step', async () => {
    const fields = { epochs: 3, batchSize: 16, shuffle: true, optimizer: 'adam' };
    const off = await run(fields, false);
    const before = tf.memory().numTensors;
    const on = await run(fields, true);
    // Nothing the views made outlives the run.
    expect(tf.memory().numTensors).toBe(before);
    expect(on.snapshots).toHaveLength(30);
    expect(on.weights).toEqual(off.weights);
  });

  it('counts steps from the run start, names epoch and batch, and every layer', async () => {
    const { snapshots } = await run({ epochs: 2, batchSize: 40 }, true);
    expect(snapshots.map((s) => [s.epoch, s.batch, s.step])).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [0, 2, 2],
      [0, 3, 3],
      [1, 0, 4],
      [1, 1, 5],
      [1, 2, 6],
      [1, 3, 7],
    ]);
    const last = snapshots.at(-1);
    expect(last?.layers).toHaveLength(3);
    expect(last?.layers.filter((l) => l.activation !== undefined)).toHaveLength(2);
    expect(last?.layers[1]?.activation?.deadShare).toBeGreaterThanOrEqual(0);
    expect(last?.boundary?.layers.map((l) => l.output)).toEqual([false, true]);
    expect(last?.ms).toBeGreaterThan(0);
  });

  it('leaves steps out when its schedule says so and switches sample with setOptions', async () => {
    const snapshots: InsightSnapshot[] = [];
    let t = 0;
    // Each clock read moves 1 ms: the first step is due, the others wait 1000 ms that never come but at epoch ends.
    const sampler = createInsightSampler(
      tf,
      XOR,
      { sample: 2 },
      (s) => {
        snapshots.push(s);
        sampler.setOptions({ sample: 7 });
      },
      () => (t += 1),
      insightSchedule(() => (t += 1), 1000, Infinity),
    );
    const result = await runTraining(tf, { graph: mlp(), config: config({ epochs: 3, batchSize: 16 }), data: XOR }, sampler.hooks);
    sampler.dispose();
    result.model.dispose();
    expect(snapshots.map((s) => [s.epoch, s.batch])).toEqual([
      [0, 0],
      [0, 9],
      [1, 9],
      [2, 9],
    ]);
    expect(snapshots.map((s) => s.sample)).toEqual([2, 7, 7, 7]);
    expect(sampler.count).toBe(4);
  });

  it('charges every snapshot but the first (which warms the probe up) to the schedule', async () => {
    const schedule = everyStep();
    const snapshots: InsightSnapshot[] = [];
    const sampler = createInsightSampler(tf, XOR, { sample: 0 }, (s) => snapshots.push(s), undefined, schedule);
    const result = await runTraining(tf, { graph: mlp(), config: config({ epochs: 1, batchSize: 80 }), data: XOR }, sampler.hooks);
    sampler.dispose();
    result.model.dispose();
    expect(snapshots).toHaveLength(2);
    expect(schedule.total).toBeCloseTo(snapshots[1]?.ms ?? NaN, 6);
  });
});
