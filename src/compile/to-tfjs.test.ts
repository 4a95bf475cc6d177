import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { TEMPLATES, seedExample } from '../analysis/templates';
import { GraphError, toTfjsModel } from './to-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('toTfjsModel', () => {
  it('names layers and weights after the graph: <layer>/<param>', () => {
    const model = toTfjsModel(tf, seedExample(4, 3), 'seed');
    expect(model.name).toBe('seed');
    expect(model.layers.map((l) => l.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(model.weights.map((w) => w.originalName)).toEqual(['dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias']);
    model.dispose();
  });

  it.each(TEMPLATES.filter((t) => t.id !== 'blank').map((t) => [t.title, t] as const))('%s runs a forward pass', (_title, template) => {
    const model = toTfjsModel(tf, template.build());
    const shape = model.inputs[0]?.shape.map((d) => d ?? 2) ?? [];
    const before = tf.memory().numTensors;
    const [batch, total] = tf.tidy(() => {
      const out = model.predict(tf.zeros(shape)) as tf.Tensor;
      return [out.shape[0], out.sum().arraySync() as number];
    });
    expect(batch).toBe(2);
    expect(Number.isFinite(total)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('builds several inputs and outputs in graph order', () => {
    const b = new GraphBuilder();
    const a = b.input([3], 'numbers');
    const c = b.input([5], 'more');
    const joined = b.add('Concatenate', {}, a, c);
    b.add('Dense', { units: 2, activation: 'softmax' }, joined);
    b.add('Dense', { units: 1 }, joined);
    const model = toTfjsModel(tf, b.graph);
    expect(model.inputs.map((t) => t.shape)).toEqual([
      [null, 3],
      [null, 5],
    ]);
    expect(model.outputs.map((t) => t.shape)).toEqual([
      [null, 2],
      [null, 1],
    ]);
    model.dispose();
  });

  it('refuses a graph with errors and carries the diagnostics', () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Flatten']);
    let error: unknown;
    try {
      toTfjsModel(tf, b.graph);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).diagnostics.map((d) => d.code)).toEqual(['wrong-rank']);
    expect((error as GraphError).message).toContain('already flat; remove the Flatten');
  });
});
