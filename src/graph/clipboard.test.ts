import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { extractSubgraph, pasteSubgraph } from './clipboard';

describe('clipboard', () => {
  it('pastes a copy with fresh ids and names, keeping inner edges only', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const d1 = b.add('Dense', { units: 8 }, x);
    const d2 = b.add('Dense', { units: 2 }, d1);
    const clip = extractSubgraph(b.graph, [d1, d2]);
    expect(clip.edges).toHaveLength(1);
    const { graph, ids } = pasteSubgraph(b.graph, clip);
    expect(graph.nodes.map((n) => n.name)).toEqual(['input_1', 'dense_1', 'dense_2', 'dense_3', 'dense_4']);
    expect(ids).toHaveLength(2);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(5);
    const pasted = graph.edges.filter((e) => ids.includes(e.target));
    expect(pasted).toEqual([expect.objectContaining({ source: ids[0], target: ids[1], targetSlot: 0 })]);
    expect(graph.nodes[3]?.position).toEqual({ x: 40, y: 160 });
    expect(graph.nodes[3]?.params).toMatchObject({ units: 8 });
    // The pasted chain is unfed until the user connects it.
    expect(analyze(graph).diagnostics.map((d) => d.code)).toEqual(['missing-input']);
  });
});
