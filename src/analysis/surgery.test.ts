import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';
import { attachHead, cutAfter, setTrainableThrough } from './surgery';
import { digitsCnn } from './templates';

const byName = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name)?.id ?? '';
const names = (graph: Graph) => graph.nodes.map((n) => n.name);
const ok = (r: { ok: true; graph: Graph } | { ok: false; reason: string }): Graph => {
  if (!r.ok) throw new Error(r.reason);
  return r.graph;
};

describe('freeze through a layer', () => {
  it('freezes the layer and all its ancestors, and unfreezes them again', () => {
    const cnn = digitsCnn();
    const frozen = setTrainableThrough(cnn, byName(cnn, 'conv2d_2'), false);
    expect(frozen.nodes.filter((n) => n.trainable === false).map((n) => n.name)).toEqual(['input_1', 'conv2d_1', 'max_pooling2d_1', 'conv2d_2']);
    const a = analyze(frozen);
    // conv2d_1: 160 weights, conv2d_2: 4,640; Dense layers stay trainable.
    expect(a.total.nonTrainable).toBe(160 + 4640);
    expect(
      setTrainableThrough(frozen, byName(frozen, 'max_pooling2d_1'), true)
        .nodes.filter((n) => n.trainable === false)
        .map((n) => n.name),
    ).toEqual(['conv2d_2']);
  });

  it('follows every branch into a merge', () => {
    const b = new GraphBuilder();
    const x = b.input([8]);
    const left = b.add('Dense', { units: 4 }, x);
    const right = b.add('Dense', { units: 4 }, x);
    const sum = b.add('Add', {}, left, right);
    const after = b.add('Dense', { units: 2 }, sum);
    const frozen = setTrainableThrough(b.graph, sum, false);
    expect(frozen.nodes.filter((n) => n.trainable === false).map((n) => n.id)).toEqual([x, left, right, sum]);
    expect(frozen.nodes.find((n) => n.id === after)?.trainable).toBeUndefined();
  });
});

describe('cut after a layer (feature extractor)', () => {
  it('removes everything downstream, so the layer is the output', () => {
    const cnn = digitsCnn();
    const cut = ok(cutAfter(cnn, byName(cnn, 'max_pooling2d_2')));
    expect(names(cut)).toEqual(['input_1', 'conv2d_1', 'max_pooling2d_1', 'conv2d_2', 'max_pooling2d_2']);
    expect(cut.edges).toHaveLength(4);
    expect(analyze(cut).outputs).toEqual([byName(cnn, 'max_pooling2d_2')]);
  });

  it('drops a side branch left feeding only what went, keeps what feeds the layer', () => {
    const b = new GraphBuilder();
    const x = b.input([8]);
    const trunk = b.add('Dense', { units: 4 }, x);
    const side = b.add('Dense', { units: 4 }, x);
    const sum = b.add('Add', {}, trunk, side);
    b.add('Dense', { units: 2 }, sum);
    const cut = ok(cutAfter(b.graph, trunk));
    expect(cut.nodes.map((n) => n.id)).toEqual([x, trunk]);
  });

  it('says so when nothing follows, or the layer is gone', () => {
    const cnn = digitsCnn();
    expect(cutAfter(cnn, byName(cnn, 'dense_2'))).toEqual({ ok: false, reason: "Nothing follows dense_2: its output is already the model's output" });
    expect(cutAfter(cnn, 'nope')).toEqual({ ok: false, reason: 'That layer no longer exists' });
  });

  it('keeps the groups of what stays and drops emptied ones', () => {
    const b = new GraphBuilder(digitsCnn());
    b.group('functional', 'Model', [byName(b.graph, 'flatten_1'), byName(b.graph, 'dropout_1')]);
    const cut = ok(cutAfter(b.graph, byName(b.graph, 'max_pooling2d_2')));
    expect(cut.groups).toBeUndefined();
  });
});

describe('attach a new head', () => {
  const head = { units: 10, activation: 'softmax' };

  it('on a 4-D output: GlobalAveragePooling2D, Dropout(0.2), Dense, replacing the old head', () => {
    const cnn = digitsCnn();
    const result = attachHead(cnn, analyze(cnn), byName(cnn, 'max_pooling2d_2'), head);
    if (!result.ok) throw new Error(result.reason);
    const g = result.graph;
    expect(names(g)).toEqual(['input_1', 'conv2d_1', 'max_pooling2d_1', 'conv2d_2', 'max_pooling2d_2', 'head_pool', 'head_dropout', 'head_dense']);
    expect(result.added.map((id) => g.nodes.find((n) => n.id === id)?.kind)).toEqual(['GlobalAveragePooling2D', 'Dropout', 'Dense']);
    expect(g.nodes.find((n) => n.name === 'head_dropout')?.params.rate).toBe(0.2);
    const a = analyze(g);
    expect(a.hasErrors).toBe(false);
    expect(a.nodes[byName(g, 'head_pool')]?.shape).toEqual([null, 32]);
    expect(a.nodes[byName(g, 'head_dense')]?.shape).toEqual([null, 10]);
    // 160 + 4,640 conv weights, then Dense(32 -> 10).
    expect(a.total.trainable).toBe(160 + 4640 + 330);
  });

  it('on a 3-D output: GlobalAveragePooling1D', () => {
    const b = new GraphBuilder();
    const seq = b.add('Embedding', { input_dim: 100, output_dim: 8 }, b.input([20]));
    const result = attachHead(b.graph, analyze(b.graph), seq, { units: 1, activation: 'sigmoid' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.added.map((id) => result.graph.nodes.find((n) => n.id === id)?.kind)).toEqual(['GlobalAveragePooling1D', 'Dropout', 'Dense']);
    expect(analyze(result.graph).nodes[result.added[2] ?? '']?.shape).toEqual([null, 1]);
  });

  it('on a 2-D output: no pooling; names taken get a suffix', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const hidden = b.rename(b.add('Dense', { units: 16 }, x), 'head_dense');
    const result = attachHead(b.graph, analyze(b.graph), hidden, { units: 3, activation: 'softmax' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.added.map((id) => result.graph.nodes.find((n) => n.id === id)?.name)).toEqual(['head_dropout', 'head_dense_1']);
  });

  it('refuses an unknown shape or a 5-D one, saying why', () => {
    const b = new GraphBuilder();
    const x = b.input([4, 4, 4, 1]);
    const conv = b.add('Conv3D', { filters: 2, kernel_size: [3, 3, 3] }, x);
    expect(attachHead(b.graph, analyze(b.graph), conv, head)).toEqual({
      ok: false,
      reason: 'conv3d_1 outputs (None, 2, 2, 2, 2); a head attaches to a 2-D, 3-D (sequence) or 4-D (image) output',
    });
    const broken = new GraphBuilder();
    const flat = broken.add('Flatten', {});
    expect(attachHead(broken.graph, analyze(broken.graph), flat, head)).toEqual({
      ok: false,
      reason: "flatten_1's output shape is not known yet; fix its problems before attaching a head",
    });
  });
});
