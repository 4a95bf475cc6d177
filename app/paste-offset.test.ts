import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../src/analysis/builder';
import { extractSubgraph } from '../src/graph/clipboard';
import { PASTE_GAP, pasteOffset } from './paste-offset';

const CARD = { width: 236, height: 74 };
const size = () => CARD;

describe('pasteOffset', () => {
  it('puts a copied layer beside the original, a card and a gap to the right', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const d = b.add('Dense', {}, x);
    expect(pasteOffset(b.graph, extractSubgraph(b.graph, [d]), size)).toEqual({ x: CARD.width + PASTE_GAP, y: 0 });
  });

  it('steps further right past a layer already beside it', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const d = b.add('Dense', {}, x);
    b.place(b.add('Dense', {}, x), { x: CARD.width + PASTE_GAP, y: 130 });
    expect(pasteOffset(b.graph, extractSubgraph(b.graph, [d]), size)).toEqual({ x: 2 * (CARD.width + PASTE_GAP), y: 0 });
  });

  it('moves a copied chain by the chain’s width, so no copy covers an original', () => {
    const b = new GraphBuilder();
    const x = b.input([4]);
    const d1 = b.place(b.add('Dense', {}, x), { x: 0, y: 120 });
    const d2 = b.place(b.add('Dense', {}, d1), { x: 300, y: 240 });
    const offset = pasteOffset(b.graph, extractSubgraph(b.graph, [d1, d2]), size);
    expect(offset).toEqual({ x: 300 + CARD.width + PASTE_GAP, y: 0 });
  });

  it('offsets an empty clipboard by one gap each way', () => {
    expect(pasteOffset({ nodes: [], edges: [] }, { nodes: [], edges: [] }, size)).toEqual({ x: PASTE_GAP, y: PASTE_GAP });
  });
});
