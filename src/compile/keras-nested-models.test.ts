import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { digitsCnn } from '../analysis/templates';
import { addTransformerEncoder } from '../analysis/transformer-encoder';
import { groupSelection } from '../graph/group-selection';
import { withGroups } from '../graph/groups';
import type { Graph } from '../graph/types';
import { trainingConfigSchema } from '../settings/training';
import { groupBoundary } from './keras-nested-models';
import { kerasScript } from './to-keras-python';

const script = (graph: Graph, name = 'nested') =>
  kerasScript({ name, graph, training: trainingConfigSchema.parse({}), data: { kind: 'none' } }, { strategy: 'none' });

const idOf = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name)?.id ?? name;

/** `graph` with the layers named `names` grouped from a selection, as Ctrl+G does. */
function grouped(graph: Graph, names: readonly string[]): Graph {
  const result = groupSelection(
    graph,
    'g',
    names.map((n) => idOf(graph, n)),
  );
  if (!result.ok) throw new Error(result.reason);
  return result.graph;
}

/** A `Model` group of `names` written straight onto the graph, for shapes grouping a selection refuses. */
const forced = (graph: Graph, names: readonly string[]): Graph =>
  withGroups(graph, [{ id: 'g', title: 'functional', kind: 'Model', members: names.map((n) => idOf(graph, n)), collapsed: true }]);

/** input_1 feeds dense_1 and dense_2, concatenated by concatenate_1, then dense_3. */
function twoBranches(): Graph {
  const b = new GraphBuilder();
  const input = b.input([4]);
  const left = b.add('Dense', { units: 3 }, input);
  const right = b.add('Dense', { units: 3 }, input);
  b.add('Dense', { units: 2 }, b.add('Concatenate', {}, left, right));
  return b.graph;
}

const boundary = (graph: Graph) => {
  const group = graph.groups?.[0];
  if (!group) throw new Error('no group');
  return groupBoundary(graph, analyze(graph), group);
};

describe('which Model groups become nested models', () => {
  it('takes a group with one tensor in and one out, even when that tensor feeds several members', () => {
    const graph = grouped(twoBranches(), ['dense_1', 'dense_2', 'concatenate_1']);
    expect(boundary(graph)).toEqual({
      ok: true,
      source: idOf(graph, 'input_1'),
      output: idOf(graph, 'concatenate_1'),
      members: ['dense_1', 'dense_2', 'concatenate_1'].map((n) => idOf(graph, n)),
    });
    const text = script(graph);
    expect(text).toContain('concatenate_1 = layers.Concatenate(name="concatenate_1")([dense_1, dense_2])');
    expect(text).toContain('functional = keras.Model(inputs=functional_input, outputs=concatenate_1, name="functional")');
    expect(text).toContain('functional_output = functional(input_1)');
    expect(text).toContain('(functional_output)\nmodel = keras.Model(inputs=input_1, outputs=dense_3');
  });

  it('refuses two tensors in, two out, and a group holding the model input, and writes those flat with why', () => {
    const twoIn = forced(twoBranches(), ['dense_1', 'concatenate_1']);
    expect(boundary(twoIn)).toEqual({ ok: false, reason: expect.stringContaining('take 2 tensors from outside (input_1, dense_2)') });
    const twoOut = forced(twoBranches(), ['dense_1', 'dense_2']);
    expect(boundary(twoOut)).toEqual({ ok: false, reason: expect.stringContaining('2 of its layers give tensors to the outside (dense_1, dense_2)') });
    const withInput = grouped(twoBranches(), ['input_1', 'dense_1']);
    expect(boundary(withInput)).toEqual({ ok: false, reason: expect.stringContaining('holds the model input input_1') });
    for (const graph of [twoIn, twoOut, withInput]) {
      const text = script(graph);
      expect(text).toContain('# The group "functional" is written as plain layers, not a nested model: ');
      expect(text).not.toContain('keras.Model(inputs=functional_input');
      expect(text.replace(/^# The group .*\n/m, '')).toBe(script({ ...graph, groups: [] }));
    }
  });

  it('counts a member that is a model output as leaving the group', () => {
    const b = new GraphBuilder();
    const dense = b.add('Dense', { units: 3 }, b.input([4]));
    b.add('Dense', { units: 1 }, dense);
    const graph = forced(b.graph, ['dense_1', 'dense_2']);
    expect(boundary(graph)).toMatchObject({ ok: true, output: idOf(graph, 'dense_2') });
    expect(script(graph)).toContain('model = keras.Model(inputs=input_1, outputs=functional_output, name="nested")');
  });

  it('leaves groups of other kinds flat without a word', () => {
    const b = new GraphBuilder();
    const embedding = b.add('Embedding', { input_dim: 50, output_dim: 8 }, b.input([10]));
    const block = addTransformerEncoder(b, embedding);
    b.chain(block.output, ['GlobalAveragePooling1D'], ['Dense', { units: 2 }]);
    expect(script(b.graph)).toBe(script({ ...b.graph, groups: [] }));
  });
});

describe('nested models in the script', () => {
  it('names the nested model clear of layer names and the outer model', () => {
    const graph = grouped(twoBranches(), ['dense_1', 'dense_2', 'concatenate_1']);
    const renamed = withGroups(graph, [{ ...(graph.groups?.[0] as NonNullable<Graph['groups']>[number]), title: 'Dense 3' }]);
    expect(script(renamed)).toContain('dense_3_1 = keras.Model(inputs=dense_3_1_input, outputs=concatenate_1, name="dense_3_1")');
    expect(script(graph, 'functional')).toContain('functional_1 = keras.Model(inputs=functional_1_input, outputs=concatenate_1, name="functional_1")');
  });

  it('freezes some members through the nested model, and the rest of the model as before', () => {
    const base = digitsCnn();
    const graph = setTrainable(grouped(base, ['conv2d_1', 'max_pooling2d_1', 'conv2d_2']), [idOf(base, 'conv2d_1'), idOf(base, 'dense_1')], false);
    const text = script(graph);
    expect(text).toContain('functional.get_layer("conv2d_1").trainable = False\nfunctional_output = functional(input_1)');
    expect(text).not.toContain('functional.trainable = False');
    expect(text).not.toContain('model.get_layer("conv2d_1")');
    expect(text).toContain('model.get_layer("dense_1").trainable = False\nmodel.compile(');
  });
});
