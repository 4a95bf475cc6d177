import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';
import { formatShape } from '../graph/shape';
import type { Graph } from '../graph/types';

const shapeOf = (graph: Graph, name: string) => {
  const node = graph.nodes.find((n) => n.name === name);
  const shape = node ? analyze(graph).nodes[node.id]?.shape : undefined;
  return shape ? formatShape(shape) : null;
};
const codes = (graph: Graph) => analyze(graph).diagnostics.map((d) => d.code);
const nodeNamed = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name);

describe('analyze', () => {
  it('infers the Keras seed example: shapes and params', () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 3, activation: 'softmax' }]);
    const a = analyze(b.graph);
    expect(a.diagnostics).toEqual([]);
    expect(shapeOf(b.graph, 'dense_1')).toBe('(None, 64)');
    expect(shapeOf(b.graph, 'dense_2')).toBe('(None, 3)');
    expect(a.total).toEqual({ trainable: 4 * 64 + 64 + 64 * 3 + 3, nonTrainable: 0 });
    expect(a.outputs).toEqual([b.graph.nodes[2]?.id]);
    expect(a.order.map((id) => b.graph.nodes.find((n) => n.id === id)?.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
  });

  it('warns on Dense after Conv2D with a Flatten fix on that node', () => {
    const b = new GraphBuilder();
    const conv = b.add('Conv2D', { filters: 32 }, b.input([28, 28, 1]));
    const dense = b.add('Dense', { units: 10 }, conv);
    const [d] = analyze(b.graph).diagnostics;
    expect(d).toMatchObject({ code: 'dense-needs-flat', severity: 'warning', nodeId: dense });
    expect(d?.message).toBe(
      'Dense after Conv2D gets a 4-D input (None, 26, 26, 32); Keras would apply it to the last axis only. Insert Flatten (or GlobalAveragePooling2D) before it',
    );
    expect(d?.fix).toEqual({ kind: 'insert-layer', label: 'Insert Flatten', before: dense, slot: 0, layer: 'Flatten' });
  });

  it('reports a Concatenate mismatch on the merge node', () => {
    const b = new GraphBuilder();
    const x = b.input([8]);
    const y = b.add('Reshape', { target_shape: [4, 2] }, b.input([8]));
    const cat = b.add('Concatenate', {}, x, y);
    const d = analyze(b.graph).diagnostics.find((x) => x.code === 'merge-mismatch');
    expect(d?.nodeId).toBe(cat);
    expect(d?.message).toContain('(None, 8) is 2-D but (None, 4, 2) is 3-D');
  });

  it('names a cycle and puts it on each node of it', () => {
    const b = new GraphBuilder();
    const d1 = b.add('Dense', {}, b.input([4]));
    const d2 = b.add('Dense', {}, d1);
    const d3 = b.add('Dense', {}, d2);
    const g = b.graph;
    const graph: Graph = { ...g, edges: [...g.edges.filter((e) => e.target !== d2), { id: 'x', source: d3, target: d2, targetSlot: 0 }] };
    const cycle = analyze(graph).diagnostics.filter((d) => d.code === 'cycle');
    expect(cycle.map((d) => d.nodeId).sort()).toEqual([d2, d3].sort());
    expect(cycle[0]?.message).toMatch(/cycle through dense_(2|3) -> dense_(2|3) -> dense_\d/);
  });

  it.each([
    ['no Input layer', (b: GraphBuilder) => b.add('Dense'), ['no-input', 'missing-input']],
    [
      'a layer with nothing connected',
      (b: GraphBuilder) => {
        b.add('Dense', {}, b.input([4]));
        b.add('Dense');
      },
      ['missing-input'],
    ],
    [
      'an unused input',
      (b: GraphBuilder) => {
        b.add('Dense', {}, b.input([4]));
        b.input([3]);
      },
      ['unused-input'],
    ],
    ['a merge with one input', (b: GraphBuilder) => b.add('Add', {}, b.input([4])), ['missing-input']],
    ['softmax with 1 unit', (b: GraphBuilder) => b.add('Dense', { units: 1, activation: 'softmax' }, b.input([4])), ['softmax-one-unit']],
    ['a kernel larger than the image', (b: GraphBuilder) => b.add('Conv2D', { kernel_size: [9, 9] }, b.input([4, 4, 1])), ['empty-output']],
    ['LSTM on flat input', (b: GraphBuilder) => b.add('LSTM', {}, b.input([4])), ['wrong-rank']],
    ['a bad reshape', (b: GraphBuilder) => b.add('Reshape', { target_shape: [3, 3] }, b.input([8])), ['reshape-mismatch']],
    ['an invalid param', (b: GraphBuilder) => b.add('Dense', { units: 0 }, b.input([4])), ['invalid-param']],
    ['a dilated Conv2D TF.js cannot train', (b: GraphBuilder) => b.add('Conv2D', { dilation_rate: [2, 2] }, b.input([16, 16, 1])), ['cannot-train']],
    ['BatchNormalization without center', (b: GraphBuilder) => b.add('BatchNormalization', { center: false }, b.input([4])), ['cannot-train']],
  ] as const)('reports %s', (_label, build, code: readonly string[]) => {
    const b = new GraphBuilder();
    build(b);
    expect(codes(b.graph)).toEqual(code);
  });

  it('reports a layer fed only by a disconnected chain once, at its start', () => {
    const b = new GraphBuilder();
    b.add('Dense', {}, b.input([4]));
    b.add('Dense', {}, b.add('Dense'));
    expect(codes(b.graph)).toEqual(['missing-input']);
  });

  it('reports invalid and duplicate names', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    b.rename(b.add('Dense', {}, x), 'class');
    b.rename(b.add('Dense', {}, x), 'input_1');
    expect(codes(b.graph)).toEqual(['invalid-name', 'invalid-name']);
  });

  it('gives no shape downstream of an error and no cascade of diagnostics', () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['LSTM'], ['Dense'], ['Dense']);
    const a = analyze(b.graph);
    expect(a.diagnostics).toHaveLength(1);
    expect(a.hasErrors).toBe(true);
    expect(shapeOf(b.graph, 'dense_2')).toBeNull();
  });

  it('builds a residual block with Add, several outputs and totals', () => {
    const b = new GraphBuilder();
    const x = b.input([16, 16, 8]);
    const c1 = b.add('Conv2D', { filters: 8, padding: 'same', activation: 'relu' }, x);
    const c2 = b.add('Conv2D', { filters: 8, padding: 'same' }, c1);
    const sum = b.add('Add', {}, x, c2);
    b.add('GlobalAveragePooling2D', {}, sum);
    b.add('BatchNormalization', {}, sum);
    const a = analyze(b.graph);
    expect(a.diagnostics).toEqual([]);
    expect(a.outputs).toHaveLength(2);
    expect(shapeOf(b.graph, 'add_1')).toBe('(None, 16, 16, 8)');
    expect(a.total).toEqual({ trainable: 2 * (3 * 3 * 8 * 8 + 8) + 16, nonTrainable: 16 });
    expect(nodeNamed(b.graph, 'add_1')).toBeDefined();
  });

  it('analyses an empty graph without complaint', () => {
    expect(analyze({ nodes: [], edges: [] }).diagnostics).toEqual([]);
  });
});
