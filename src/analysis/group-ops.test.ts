import { describe, expect, it } from 'vitest';
import { extractSubgraph, pasteSubgraph } from '../graph/clipboard';
import { groupsOf, setGroupCollapsed } from '../graph/groups';
import { CARD_EXTRA_HEIGHT, LAYOUT_Y_SPACING, layeredLayout } from '../graph/layout';
import type { Graph } from '../graph/types';
import { analyze } from './analyze';
import { GraphBuilder } from './builder';
import { connect, connectionProblem, removeNodes, renameLayer, setParam } from './ops';
import { addTransformerEncoder } from './transformer-encoder';

/** Input(100) -> Embedding -> TransformerEncoder -> GlobalAveragePooling1D -> Dense(2). */
function classifier() {
  const b = new GraphBuilder();
  const embedding = b.add('Embedding', { input_dim: 5000, output_dim: 32 }, b.input([100]));
  const block = addTransformerEncoder(b, embedding);
  const pool = b.add('GlobalAveragePooling1D', {}, block.output);
  const head = b.add('Dense', { units: 2, activation: 'softmax' }, pool);
  return { graph: b.graph, embedding, block, pool, head };
}

const ok = (r: { ok: true; graph: Graph } | { ok: false; reason: string }): Graph => {
  if (!r.ok) throw new Error(r.reason);
  return r.graph;
};

describe('graph edits keep groups true', () => {
  it('deleting a member leaves the rest grouped; deleting the group deletes its layers', () => {
    const { graph, block } = classifier();
    const [attention = ''] = block.members;
    const fewer = removeNodes(graph, [attention]);
    expect(groupsOf(fewer)[0]?.members).toEqual(block.members.slice(1));
    const gone = removeNodes(graph, [block.group]);
    expect(gone.nodes.map((n) => n.kind)).toEqual(['Input', 'Embedding', 'GlobalAveragePooling1D', 'Dense']);
    expect(gone).not.toHaveProperty('groups');
    expect(gone.edges.every((e) => gone.nodes.some((n) => n.id === e.source) && gone.nodes.some((n) => n.id === e.target))).toBe(true);
  });

  it('keeps groups through param, rename and connect edits', () => {
    const { graph, block } = classifier();
    const [attention = ''] = block.members;
    const edited = ok(setParam(graph, attention, 'num_heads', 4));
    expect(edited.groups).toBe(graph.groups);
    expect(ok(renameLayer(edited, attention, 'self_attention')).groups).toBe(graph.groups);
  });

  it('connects from a group as from its output layer, and refuses a group as the target', () => {
    const { graph, block, embedding } = classifier();
    const b = new GraphBuilder(graph);
    const extra = b.add('Dense', { units: 4 });
    const wired = ok(connect(b.graph, block.group, extra));
    expect(wired.edges.at(-1)).toMatchObject({ source: block.output, target: extra, targetSlot: 0 });
    expect(connectionProblem(b.graph, embedding, block.group)).toBe('Expand TransformerEncoder to connect to one of its layers');
    expect(connect(b.graph, embedding, block.group)).toEqual({ ok: false, reason: 'Expand TransformerEncoder to connect to one of its layers' });
  });

  it('copies a whole group as a new group of the copies, and a partial selection without it', () => {
    const { graph, block } = classifier();
    const whole = pasteSubgraph(graph, extractSubgraph(graph, block.members));
    const [original, copy] = groupsOf(whole.graph);
    expect(copy).toMatchObject({ title: 'TransformerEncoder', collapsed: true, members: whole.ids });
    expect(copy?.id).not.toBe(original?.id);
    expect(original).toEqual(groupsOf(graph)[0]);
    const part = extractSubgraph(graph, block.members.slice(0, 3));
    expect(part).not.toHaveProperty('groups');
    expect(pasteSubgraph(graph, part).graph.groups).toEqual(graph.groups);
  });

  it('lays out a collapsed group as one row, its layers from there', () => {
    const { graph, block, pool } = classifier();
    const laid = layeredLayout(graph);
    const y = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)?.position.y ?? NaN;
    expect(y(laid, block.members[0] ?? '')).toBe(2 * LAYOUT_Y_SPACING);
    expect(y(laid, block.output)).toBe(2 * LAYOUT_Y_SPACING + 8 * LAYOUT_Y_SPACING);
    // The card is taller than a layer, so the row below it leaves room for that.
    expect(y(laid, pool)).toBe(3 * LAYOUT_Y_SPACING + CARD_EXTRA_HEIGHT);
    // Expanded, the pooling layer moves below the block's last row.
    const open = setGroupCollapsed(laid, block.group, false);
    expect(y(open, pool)).toBeGreaterThan(y(open, block.output));
    expect(layeredLayout(open).nodes.find((n) => n.id === pool)?.position.y).toBe(11 * LAYOUT_Y_SPACING);
  });

  it('never changes what analysis sees', () => {
    const { graph, block } = classifier();
    const { groups: _groups, ...plain } = graph;
    const strip = (g: Graph) => JSON.stringify(analyze(g));
    expect(strip(graph)).toBe(strip(plain));
    expect(strip(setGroupCollapsed(graph, block.group, false))).toBe(strip(plain));
  });
});
