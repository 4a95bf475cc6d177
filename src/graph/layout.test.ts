import { describe, expect, it } from 'vitest';
import { LAYOUT_X_SPACING, LAYOUT_Y_SPACING, layeredLayout } from './layout';
import type { Graph, LayerNode } from './types';

const node = (id: string): LayerNode => ({ id, kind: 'Dense', name: id, params: {}, position: { x: 0, y: 0 } });

/** A graph from `a>b` edge strings; node order is the order of `ids`. */
function graph(ids: string, edges: string): Graph {
  return {
    nodes: ids.split(' ').map(node),
    edges: edges
      .split(' ')
      .filter(Boolean)
      .map((pair, i) => {
        const [source = '', target = ''] = pair.split('>');
        return { id: `e${i}`, source, target, targetSlot: 0 };
      }),
  };
}

const rowOf = (g: Graph) => Object.fromEntries(g.nodes.map((n) => [n.id, n.position.y / LAYOUT_Y_SPACING]));
const xOf = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)?.position.x ?? Number.NaN;

describe('layeredLayout', () => {
  it.each([
    ['chain', graph('a b c', 'a>b b>c'), { a: 0, b: 1, c: 2 }],
    ['longest path wins over a skip edge', graph('a b c d', 'a>b b>c c>d a>d'), { a: 0, b: 1, c: 2, d: 3 }],
    ['two inputs', graph('a b m', 'a>m b>m'), { a: 0, b: 0, m: 1 }],
    ['graph order does not matter', graph('c b a', 'a>b b>c'), { a: 0, b: 1, c: 2 }],
    ['a two-node cycle still gets ranks', graph('a b c', 'a>b b>c c>b'), { a: 0, b: 1, c: 2 }],
    ['a cycle with no way in', graph('x y', 'x>y y>x'), { x: 0, y: 1 }],
    ['a self loop', graph('a b', 'a>a a>b'), { a: 0, b: 1 }],
    ['no edges', graph('a b', ''), { a: 0, b: 0 }],
  ])('%s', (_name, g, expected) => {
    expect(rowOf(layeredLayout(g))).toEqual(expected);
  });

  it('spreads a rank horizontally with fixed spacing and non-negative coordinates', () => {
    const out = layeredLayout(graph('a b c m', 'a>m b>m c>m'));
    expect(['a', 'b', 'c'].map((id) => xOf(out, id))).toEqual([0, LAYOUT_X_SPACING, 2 * LAYOUT_X_SPACING]);
    expect(xOf(out, 'm')).toBe(LAYOUT_X_SPACING); // centred under the widest row
  });

  it('orders a rank by the mean x of its parents to avoid crossings', () => {
    // Graph order lists the children crossed over; the layout untangles them.
    const out = layeredLayout(graph('a b cb ca', 'a>ca b>cb'));
    expect(xOf(out, 'ca')).toBeLessThan(xOf(out, 'cb'));
    expect(xOf(out, 'ca')).toBe(xOf(out, 'a'));
    expect(xOf(out, 'cb')).toBe(xOf(out, 'b'));
  });

  it('is pure and deterministic', () => {
    const g = graph('a b c d', 'a>b a>c b>d c>d');
    const before = JSON.stringify(g);
    expect(layeredLayout(g)).toEqual(layeredLayout(g));
    expect(JSON.stringify(g)).toBe(before);
  });

  it('keeps edges and every node field but position', () => {
    const g = graph('a b', 'a>b');
    const out = layeredLayout(g);
    expect(out.edges).toEqual(g.edges);
    expect(out.nodes.map(({ position: _p, ...rest }) => rest)).toEqual(g.nodes.map(({ position: _p, ...rest }) => rest));
  });

  it('lays out a large graph with cycles quickly', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `n${i}`);
    const edges =
      ids
        .slice(1)
        .map((id, i) => `n${i}>${id}`)
        .join(' ') + ' n299>n0 n150>n10';
    const out = layeredLayout(graph(ids.join(' '), edges));
    expect(new Set(out.nodes.map((n) => n.position.y)).size).toBe(300);
  });
});
