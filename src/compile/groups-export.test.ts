import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { addTransformerEncoder } from '../analysis/transformer-encoder';
import { setGroupCollapsed } from '../graph/groups';
import type { Graph } from '../graph/types';
import { trainingConfigSchema } from '../settings/training';
import { exportFreshModel } from './tfjs-export';
import { kerasScript } from './to-keras-python';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Transformer text classifier, its encoder grouped. */
function grouped(): { graph: Graph; group: string } {
  const b = new GraphBuilder();
  const embedding = b.add('Embedding', { input_dim: 500, output_dim: 16 }, b.input([20]));
  const block = addTransformerEncoder(b, embedding);
  b.chain(block.output, ['GlobalAveragePooling1D'], ['Dense', { units: 2, activation: 'softmax' }]);
  return { graph: b.graph, group: block.group };
}

const script = (graph: Graph) =>
  kerasScript({ name: 'transformer', graph, training: trainingConfigSchema.parse({}), data: { kind: 'none' } }, { strategy: 'none' });

describe('groups never reach the model', () => {
  it('exports the same model.json and Keras script with the group collapsed, expanded or gone', async () => {
    const { graph, group } = grouped();
    const { groups: _groups, ...plain } = graph;
    const expanded = setGroupCollapsed(graph, group, false);
    // Expanding moves layers below the group; positions are not part of the model either.
    const variants = [graph, expanded, plain];
    const jsons = await Promise.all(variants.map(async (g) => (await exportFreshModel(tf, g)).modelJson));
    expect(new Set(jsons).size).toBe(1);
    expect(new Set(variants.map(script)).size).toBe(1);
    expect(jsons[0]).not.toMatch(/TransformerEncoder|group/i);
    expect(script(graph)).not.toMatch(/TransformerEncoder/);
  });
});
