import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import type { Graph } from '../graph/types';
import { makeToy } from '../data/toy';
import type { SplitDataset } from '../data/types';
import { toTfjsModel } from '../compile/to-tfjs';
import { trainingConfigSchema } from '../settings/training';
import { runTraining, seededBuild } from './run-training';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Dense -> BatchNormalization -> Dense -> softmax, with the first two layers frozen. */
function frozenModel(): { graph: Graph; frozen: string[] } {
  const b = new GraphBuilder();
  const dense = b.add('Dense', { units: 8, activation: 'relu' }, b.input([2]));
  const norm = b.add('BatchNormalization', {}, dense);
  b.chain(norm, ['Dense', { units: 2, activation: 'softmax' }]);
  return { graph: setTrainable(b.graph, [dense, norm], false), frozen: ['dense_1', 'batch_normalization_1'] };
}

const toy = makeToy('xor', { n: 128, noise: 0.05, seed: 3 });
const data: SplitDataset = { train: toy, validation: { ...toy, count: 0, x: new Float32Array(0), y: new Float32Array(0) } };
const config = trainingConfigSchema.parse({ epochs: 3, batchSize: 16, learningRate: 0.05 });

const weightsOf = (model: tf.LayersModel, layer: string) =>
  model
    .getLayer(layer)
    .getWeights()
    .map((w) => Array.from(w.dataSync()));

describe('frozen layers (Keras trainable = False)', () => {
  it('count all their weights as non-trainable, as tfjs does (BatchNormalization statistics included)', () => {
    const { graph } = frozenModel();
    const analysis = analyze(graph);
    const model = toTfjsModel(tf, graph);
    const count = (ws: readonly tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce<number>((a, d) => a * (d ?? 0), 1), 0);
    for (const node of graph.nodes) {
      const layer = model.getLayer(node.name);
      expect([node.name, analysis.nodes[node.id]?.params]).toEqual([
        node.name,
        { trainable: count(layer.trainableWeights), nonTrainable: count(layer.nonTrainableWeights) },
      ]);
    }
    expect(analysis.total).toEqual({ trainable: 8 * 2 + 2, nonTrainable: 2 * 8 + 8 + 4 * 8 });
    model.dispose();
  });

  it('keep their weights bit-identical through fit while the rest trains', async () => {
    const { graph, frozen } = frozenModel();
    const result = await runTraining(tf, { graph, config, data });
    expect(result.status).toBe('completed');
    // The same seed builds the same initial weights: compare against a build that never trained.
    const initial = seededBuild(config.seed, () => toTfjsModel(tf, graph));
    for (const name of frozen) expect(weightsOf(result.model, name)).toEqual(weightsOf(initial, name));
    expect(weightsOf(result.model, 'dense_2')).not.toEqual(weightsOf(initial, 'dense_2'));
    [result.model, initial].forEach((m) => m.dispose());
  });

  it('train again once unfrozen, continuing from the same model', async () => {
    const { graph, frozen } = frozenModel();
    const first = await runTraining(tf, { graph, config, data });
    const before = frozen.map((name) => weightsOf(first.model, name));
    const thawed = setTrainable(
      graph,
      graph.nodes.map((n) => n.id),
      true,
    );
    const second = await runTraining(tf, { graph: thawed, config, data, model: first.model });
    expect(second.model).toBe(first.model);
    frozen.forEach((name, i) => expect(weightsOf(second.model, name)).not.toEqual(before[i]));
    second.model.dispose();
  });

  it('say trainable: false in the saved topology', () => {
    const { graph } = frozenModel();
    const model = toTfjsModel(tf, graph);
    const json = model.toJSON(null, false) as unknown as { config: { layers: { name: string; config: { trainable: boolean } }[] } };
    const flags = Object.fromEntries(json.config.layers.map((l) => [l.name, l.config.trainable]));
    expect(flags).toMatchObject({ dense_1: false, batch_normalization_1: false, dense_2: true });
    model.dispose();
  });
});
