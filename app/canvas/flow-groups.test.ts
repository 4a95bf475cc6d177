import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/analysis/builder';
import { addTransformerEncoder } from '../../src/analysis/transformer-encoder';
import { setGroupCollapsed } from '../../src/graph/groups';
import { canvasEdges, edgeLabel, graphEdgeIds } from './flow-groups';
import { FRAME_HEAD, FRAME_PAD, dragPositions, frameBox, groupPosition } from './group-geometry';

function classifier() {
  const b = new GraphBuilder();
  const embedding = b.add('Embedding', { input_dim: 100, output_dim: 16 }, b.input([10]));
  const block = addTransformerEncoder(b, embedding);
  const pool = b.add('GlobalAveragePooling1D', {}, block.output);
  return { graph: b.graph, embedding, block, pool };
}

describe('groups on the canvas', () => {
  it('attaches edges to a collapsed group’s card, drawing two into it as one', () => {
    const { graph, embedding, block, pool } = classifier();
    const drawn = canvasEdges(graph, new Set(), []);
    expect(drawn.map((c) => [c.flow.source, c.flow.target])).toEqual([
      [graph.nodes[0]?.id, embedding],
      [embedding, block.group],
      [block.group, pool],
    ]);
    // The attention's input and the first residual's skip are both Embedding -> block.
    const into = drawn[1];
    expect(into?.edges).toHaveLength(2);
    expect(graphEdgeIds(graph, [into?.flow.id ?? ''])).toEqual(into?.edges);
    const open = setGroupCollapsed(graph, block.group, false);
    expect(canvasEdges(open, new Set(), [])).toHaveLength(open.edges.length);
  });

  it('selects a drawn edge when any edge it stands for is selected, and labels merge slots of visible layers only', () => {
    const { graph, block } = classifier();
    const adds = new Set([block.members[2] ?? '', block.members[7] ?? '']);
    const [, second] = canvasEdges(graph, adds, []).map((c) => c.edges);
    const drawn = canvasEdges(graph, adds, [second?.[1] ?? '']);
    expect(drawn[1]?.flow.selected).toBe(true);
    expect(drawn.every((c) => c.flow.label === undefined)).toBe(true);
    const open = setGroupCollapsed(graph, block.group, false);
    expect(canvasEdges(open, adds, []).filter((c) => c.flow.label !== undefined)).toHaveLength(4);
  });

  it('names edges by layer names and shapes, never by ids', () => {
    const { graph, embedding, block } = classifier();
    const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? '';
    const ends = new Map([
      [embedding, { name: name(embedding), shape: '(None, 10, 16)' }],
      [block.group, { name: 'group Transformer encoder' }],
    ]);
    const into = canvasEdges(graph, new Set(), [], ends)[1];
    expect(into?.flow.ariaLabel).toBe(`${name(embedding)} (None, 10, 16) to group Transformer encoder`);
    expect(edgeLabel('a', 'b', new Map([['b', { name: 'add_1' }]]), 2)).toBe('a to add_1 input 2');
  });

  it('moves every layer of a group by as much as its card or frame was dragged', () => {
    const { graph, block, embedding } = classifier();
    const group = graph.groups?.[0];
    if (!group) throw new Error('no group');
    const card = groupPosition(graph, group, {});
    const moved = dragPositions(graph, new Map([[block.group, { x: card.x + 30, y: card.y - 10 }]]), {});
    expect(moved.size).toBe(9);
    for (const id of block.members) {
      const before = graph.nodes.find((n) => n.id === id)?.position;
      expect(moved.get(id)).toEqual({ x: (before?.x ?? 0) + 30, y: (before?.y ?? 0) - 10 });
    }
    // A layer dragged along with its own group's frame follows the frame only.
    const open = setGroupCollapsed(graph, block.group, false);
    const openGroup = open.groups?.[0] ?? group;
    const frame = frameBox(open, openGroup, {});
    expect(groupPosition(open, openGroup, {})).toEqual({ x: frame.x, y: frame.y });
    const first = open.nodes.find((n) => n.id === block.members[0])?.position ?? { x: 0, y: 0 };
    expect(frame.x).toBe(first.x - FRAME_PAD);
    expect(frame.y).toBe(first.y - FRAME_HEAD);
    const both = dragPositions(
      open,
      new Map([
        [block.group, { x: frame.x + 5, y: frame.y }],
        [block.members[0] ?? '', { x: 999, y: 999 }],
        [embedding, { x: 1, y: 2 }],
      ]),
      {},
    );
    expect(both.get(block.members[0] ?? '')).toEqual({ x: first.x + 5, y: first.y });
    expect(both.get(embedding)).toEqual({ x: 1, y: 2 });
  });
});
