import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { digitsCnn } from '../analysis/templates';
import { groupSelection, nestedModelTitle, selectionGroupProblem } from './group-selection';
import { groupsOf } from './groups';
import type { Graph } from './types';

const ids = (graph: Graph, ...names: string[]) => names.map((name) => graph.nodes.find((n) => n.name === name)?.id ?? name);

describe('group the selected layers as a nested model', () => {
  it('makes a collapsed Model group titled as Keras names nested models, members in graph order', () => {
    const cnn = digitsCnn();
    const members = ids(cnn, 'max_pooling2d_1', 'conv2d_1', 'conv2d_2');
    const result = groupSelection(cnn, 'g1', members);
    if (!result.ok) throw new Error(result.reason);
    expect(result.group).toEqual({
      id: 'g1',
      title: 'functional',
      kind: 'Model',
      members: ids(cnn, 'conv2d_1', 'max_pooling2d_1', 'conv2d_2'),
      collapsed: true,
    });
    expect(groupsOf(result.graph)).toEqual([result.group]);
    expect(nestedModelTitle(result.graph)).toBe('functional_1');
    const next = groupSelection(result.graph, 'g2', ids(cnn, 'flatten_1', 'dropout_1'));
    if (!next.ok) throw new Error(next.reason);
    expect(next.group.title).toBe('functional_1');
    // Layers, edges and params are as they were: a group is an editing aid.
    expect(next.graph.edges).toEqual(cnn.edges);
    expect(next.graph.nodes.map(({ position: _p, ...n }) => n)).toEqual(cnn.nodes.map(({ position: _p, ...n }) => n));
  });

  it('refuses fewer than two layers, layers not joined, a gap in a chain and grouped layers', () => {
    const cnn = digitsCnn();
    expect(selectionGroupProblem(cnn, 'g', ids(cnn, 'conv2d_1'))).toBe('Select at least two connected layers to group them');
    expect(selectionGroupProblem(cnn, 'g', ids(cnn, 'conv2d_1', 'conv2d_2'))).toBe(
      'Cannot group these layers: conv2d_2 is not connected to conv2d_1; select layers that form one piece',
    );
    const grouped = groupSelection(cnn, 'g1', ids(cnn, 'conv2d_1', 'max_pooling2d_1'));
    if (!grouped.ok) throw new Error(grouped.reason);
    expect(selectionGroupProblem(grouped.graph, 'g2', ids(cnn, 'max_pooling2d_1', 'conv2d_2'))).toBe(
      'Cannot group these layers: max_pooling2d_1 is already in the group functional',
    );
    const [conv = ''] = ids(cnn, 'conv2d_1');
    expect(selectionGroupProblem(cnn, conv, ids(cnn, 'conv2d_1', 'max_pooling2d_1'))).toBe(`Cannot group these layers: the id "${conv}" is already used`);
  });

  it('refuses a selection that a path leaves and comes back into', () => {
    const b = new GraphBuilder();
    const x = b.input([8]);
    const a = b.add('Dense', { units: 4 }, x);
    const mid = b.add('Dense', { units: 4 }, a);
    const sum = b.add('Add', {}, a, mid);
    expect(selectionGroupProblem(b.graph, 'g', [a, sum])).toBe('Cannot group these layers: dense_2 lies between dense_1 and add_1; select it too');
    expect(selectionGroupProblem(b.graph, 'g', [a, mid, sum])).toBeNull();
  });
});
