import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';
import { addLayer, applyFix, connect, connectionProblem, removeNodes, renameLayer, setParam } from './ops';
import type { Graph } from '../graph/types';

const ok = (r: { ok: true; graph: Graph } | { ok: false; reason: string }): Graph => {
  if (!r.ok) throw new Error(r.reason);
  return r.graph;
};

describe('graph operations', () => {
  it('adds layers with Keras names and default params', () => {
    const a = addLayer({ nodes: [], edges: [] }, 'Dense', { x: 0, y: 0 });
    const b = addLayer(a.graph, 'Dense', { x: 0, y: 100 }, { units: 3 });
    expect([a.node.name, b.node.name]).toEqual(['dense_1', 'dense_2']);
    expect(b.node.params).toMatchObject({ units: 3, activation: 'linear', use_bias: true });
  });

  it('connects into the next free slot of a merge and refuses bad connections with a reason', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const d1 = b.add('Dense', {}, x);
    const d2 = b.add('Dense', {}, x);
    const add = b.add('Add');
    let g = ok(connect(b.graph, d1, add));
    g = ok(connect(g, d2, add));
    expect(g.edges.filter((e) => e.target === add).map((e) => e.targetSlot)).toEqual([0, 1]);
    const { graph: g2, node: concat } = addLayer(g, 'Concatenate', { x: 0, y: 0 });
    expect(connectionProblem(ok(connect(g2, add, concat.id)), concat.id, add)).toBe('Connecting concatenate_1 to add_1 would make a cycle');
    expect(connectionProblem(g, d2, d1)).toMatch(/dense_1 takes one input and already has one/);
    expect(connectionProblem(g, d1, x)).toMatch(/input_1 is an Input/);
    expect(connectionProblem(g, d1, add)).toBe('dense_1 is already connected to add_1');
  });

  it('removes nodes with their edges and closes gaps in merge slots', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const [d1, d2, d3] = [b.add('Dense', {}, x), b.add('Dense', {}, x), b.add('Dense', {}, x)];
    const add = b.add('Add', {}, d1 as string, d2 as string, d3 as string);
    const g = removeNodes(b.graph, [d1 as string]);
    expect(g.edges.filter((e) => e.target === add).map((e) => [e.source, e.targetSlot])).toEqual([
      [d2, 0],
      [d3, 1],
    ]);
  });

  it('validates params and names at the edit', () => {
    const b = new GraphBuilder();
    const d = b.add('Dense', {}, b.input([4]));
    expect(setParam(b.graph, d, 'units', 0)).toEqual({ ok: false, reason: 'units must be a whole number at least 1' });
    expect(setParam(b.graph, d, 'activation', 'nope')).toMatchObject({ ok: false });
    expect(renameLayer(b.graph, d, '2fast')).toMatchObject({ ok: false });
    expect(renameLayer(b.graph, d, 'input_1')).toEqual({ ok: false, reason: 'Another layer is already named "input_1"' });
    expect(ok(renameLayer(b.graph, d, 'hidden')).nodes[1]?.name).toBe('hidden');
  });

  it('applies the Insert Flatten fix and clears the diagnostic', () => {
    const b = new GraphBuilder();
    b.chain(b.input([28, 28, 1]), ['Conv2D'], ['Dense', { units: 10, activation: 'softmax' }]);
    const [d] = analyze(b.graph).diagnostics;
    expect(d?.code).toBe('dense-needs-flat');
    const fixed = ok(applyFix(b.graph, d?.fix as NonNullable<typeof d>['fix'] & object));
    const after = analyze(fixed);
    expect(after.diagnostics).toEqual([]);
    expect(fixed.nodes.map((n) => n.kind)).toEqual(['Input', 'Conv2D', 'Dense', 'Flatten']);
    expect(after.nodes[fixed.nodes[2]?.id ?? '']?.shape).toEqual([null, 10]);
  });

  it('applies the softmax fix by switching to sigmoid', () => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 1, activation: 'softmax' }, b.input([4]));
    const fix = analyze(b.graph).diagnostics[0]?.fix;
    expect(fix).toMatchObject({ kind: 'set-param', param: 'activation', value: 'sigmoid' });
    expect(analyze(ok(applyFix(b.graph, fix as NonNullable<typeof fix>))).diagnostics).toEqual([]);
  });
});
