import { describe, expect, it } from 'vitest';
import { groupById } from '../graph/groups';
import type { Graph } from '../graph/types';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';
import { BLOCKS, blockSpec } from './blocks';
import { DEFAULT_D_MODEL, addTransformerEncoder, insertTransformerEncoder } from './transformer-encoder';

/** Input(100) -> Embedding(5000, 32): the text classifier's stem. */
function stem(outputDim = 32) {
  const b = new GraphBuilder();
  const embedding = b.add('Embedding', { input_dim: 5000, output_dim: outputDim }, b.input([100]));
  return { b, embedding };
}

const byId = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id);

describe('the TransformerEncoder block', () => {
  it('builds the Keras guide’s encoder after a layer, wired, named and grouped', () => {
    const { b, embedding } = stem();
    const block = addTransformerEncoder(b, embedding);
    const graph = b.graph;
    const layers = block.members.map((id) => byId(graph, id));
    expect(layers.map((n) => n?.kind)).toEqual([
      'MultiHeadAttention',
      'Dropout',
      'Add',
      'LayerNormalization',
      'Dense',
      'Dense',
      'Dropout',
      'Add',
      'LayerNormalization',
    ]);
    expect(layers.map((n) => n?.name)).toEqual([
      'encoder1_attention',
      'encoder1_dropout1',
      'encoder1_add1',
      'encoder1_norm1',
      'encoder1_ffn1',
      'encoder1_ffn2',
      'encoder1_dropout2',
      'encoder1_add2',
      'encoder1_norm2',
    ]);
    const [attention, dropout1, add1, norm1, ffn1, ffn2, dropout2, add2, norm2] = block.members as string[];
    expect(byId(graph, attention ?? '')?.params).toMatchObject({ num_heads: 2, key_dim: 16, use_causal_mask: false });
    expect(byId(graph, norm1 ?? '')?.params).toMatchObject({ epsilon: 1e-6 });
    expect(byId(graph, ffn1 ?? '')?.params).toMatchObject({ units: 32, activation: 'relu' });
    expect(byId(graph, ffn2 ?? '')?.params).toMatchObject({ units: 32, activation: 'linear' });
    expect(byId(graph, dropout2 ?? '')?.params).toMatchObject({ rate: 0.1 });
    // Self-attention on the block input; each residual Add takes the skip first, as `inputs + x`.
    const into = (id = '') =>
      graph.edges
        .filter((e) => e.target === id)
        .sort((x, y) => x.targetSlot - y.targetSlot)
        .map((e) => e.source);
    expect(into(attention)).toEqual([embedding]);
    expect(into(add1)).toEqual([embedding, dropout1]);
    expect(into(add2)).toEqual([norm1, dropout2]);
    expect(into(norm2)).toEqual([add2]);
    expect(block.output).toBe(norm2);
    expect(groupById(graph, block.group)).toEqual({
      id: block.group,
      title: 'TransformerEncoder',
      kind: 'TransformerEncoder',
      members: block.members,
      collapsed: true,
    });
  });

  it('keeps the input’s shape and counts the weights Keras 3 counts', () => {
    const { b, embedding } = stem();
    const block = addTransformerEncoder(b, embedding);
    const analysis = analyze(b.graph);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes[block.output]?.shape).toEqual([null, 100, 32]);
    // Keras 3.15's count_params() for the guide's block on (None, 100, 32), layer by layer.
    expect(block.members.map((id) => analysis.nodes[id]?.params.trainable)).toEqual([4224, 0, 0, 64, 1056, 1056, 0, 0, 64]);
  });

  it('takes d_model from the input’s last size, the default when it is unknown, or the option', () => {
    const wide = stem(48);
    const ffn2 = (b: GraphBuilder, id: string) => {
      const block = addTransformerEncoder(b, id);
      return byId(b.graph, block.members[5] ?? '')?.params.units;
    };
    expect(ffn2(wide.b, wide.embedding)).toBe(48);
    const unfed = new GraphBuilder();
    expect(ffn2(unfed, unfed.add('Dense'))).toBe(DEFAULT_D_MODEL);
    const chosen = stem();
    const block = addTransformerEncoder(chosen.b, chosen.embedding, { dModel: 32, numHeads: 4, ffDim: 64, collapsed: false });
    expect(byId(chosen.b.graph, block.members[0] ?? '')?.params.num_heads).toBe(4);
    expect(byId(chosen.b.graph, block.members[4] ?? '')?.params.units).toBe(64);
    expect(groupById(chosen.b.graph, block.group)?.collapsed).toBe(false);
  });

  it('names a second block encoder2_ and stacks it after the first', () => {
    const { b, embedding } = stem();
    const first = addTransformerEncoder(b, embedding);
    const second = addTransformerEncoder(b, first.output);
    expect(byId(b.graph, second.members[0] ?? '')?.name).toBe('encoder2_attention');
    expect(analyze(b.graph).diagnostics).toEqual([]);
  });

  it('inserts into a graph after a layer or a group, in a free column below it, or says why not', () => {
    const { b, embedding } = stem();
    b.add('LSTM', { units: 8 }, embedding);
    const graph = b.graph;
    const anchor = byId(graph, embedding)?.position ?? { x: 0, y: 0 };
    const result = insertTransformerEncoder(graph, embedding);
    if (!result.ok) throw new Error(result.reason);
    const attention = byId(result.graph, result.block.members[0] ?? '');
    // The LSTM sits right below the Embedding, so the block takes the next column.
    expect(attention?.position.y).toBe(anchor.y + 120);
    expect(attention?.position.x).not.toBe(anchor.x);
    expect(result.graph.nodes.slice(0, graph.nodes.length)).toEqual(graph.nodes);
    // After the group itself: fed by its output layer.
    const again = insertTransformerEncoder(result.graph, result.block.group);
    if (!again.ok) throw new Error(again.reason);
    expect(again.graph.edges.filter((e) => e.target === again.block.members[0]).map((e) => e.source)).toEqual([result.block.output]);
    expect(again.graph.groups).toHaveLength(2);
    expect(insertTransformerEncoder(graph, 'gone')).toEqual({ ok: false, reason: 'That layer no longer exists' });
  });

  it('is offered as a palette block in the Attention category', () => {
    expect(BLOCKS.map((block) => [block.id, block.category])).toEqual([['TransformerEncoder', 'Attention']]);
    const { b, embedding } = stem();
    const result = blockSpec('TransformerEncoder')?.insertAfter(b.graph, embedding);
    expect(result?.ok).toBe(true);
    expect(blockSpec('Nope')).toBeUndefined();
  });
});
