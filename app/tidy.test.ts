import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../src/analysis/builder';
import { TEMPLATES, residualBlock } from '../src/analysis/templates';
import type { Graph, Position } from '../src/graph/types';
import { addTransformerEncoder } from '../src/analysis/transformer-encoder';
import { groupsOf, setGroupCollapsed } from '../src/graph/groups';
import { DEFAULT_NODE_SIZE, edgesThroughNodes, tidyLayout } from './tidy';

const overlaps = (a: Position, b: Position, w: number, h: number) => a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;

const byName = (graph: Graph, positions: Map<string, Position>, name: string) => {
  const node = graph.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node ${name}`);
  const position = positions.get(node.id);
  if (!position) throw new Error(`no position for ${name}`);
  return { node, position };
};

/** Two residual blocks in a row, each skip in slot 0 as Keras code usually writes `Add()([x, y])`. */
function twoResidualBlocks(): Graph {
  const b = new GraphBuilder();
  let x = b.add('Conv2D', { filters: 8, padding: 'same' }, b.input([32, 32, 3]));
  for (let i = 0; i < 2; i += 1) {
    const y = b.chain(x, ['Conv2D', { filters: 8, padding: 'same' }], ['Conv2D', { filters: 8, padding: 'same' }]);
    x = b.add('Add', {}, x, y);
  }
  b.chain(x, ['Flatten'], ['Dense', { units: 10 }]);
  return b.graph;
}

const sizeOf = () => DEFAULT_NODE_SIZE;

describe('tidyLayout', () => {
  it('puts a residual Add below both of its inputs', () => {
    const graph = residualBlock();
    const positions = tidyLayout(graph, {});
    const add = graph.nodes.find((n) => n.kind === 'Add');
    expect(add).toBeDefined();
    const addY = positions.get(add?.id ?? '')?.y ?? 0;
    const inputs = graph.edges.filter((e) => e.target === add?.id);
    expect(inputs).toHaveLength(2);
    for (const e of inputs) expect(positions.get(e.source)?.y ?? Infinity).toBeLessThan(addY);
  });

  // A template's collapsed groups (the Transformer's encoder) are checked expanded, every layer drawn.
  const expanded = (graph: Graph) => groupsOf(graph).reduce((g, group) => setGroupCollapsed(g, group.id, false), graph);

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('leaves no two nodes overlapping in %s', (_id, template) => {
    const graph = expanded(template.build());
    const positions = tidyLayout(graph, {});
    expect(positions.size).toBe(graph.nodes.length);
    const all = [...positions.values()];
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => expect(overlaps(a, b, DEFAULT_NODE_SIZE.width, DEFAULT_NODE_SIZE.height)).toBe(false)));
  });

  it.each([...TEMPLATES.map((t) => [t.id, expanded(t.build())] as const), ['two residual blocks', twoResidualBlocks()] as const])(
    'draws no edge through a node in %s',
    (_id, graph) => {
      expect(edgesThroughNodes(graph, tidyLayout(graph, {}), sizeOf)).toBe(0);
    },
  );

  it('counts an edge drawn through a node', () => {
    const graph = residualBlock();
    const stacked = new Map(graph.nodes.map((n, i) => [n.id, { x: 0, y: i * 132 }]));
    expect(edgesThroughNodes(graph, stacked, sizeOf)).toBe(2);
  });

  it('is deterministic', () => {
    const graph = residualBlock();
    expect([...tidyLayout(graph, {})]).toEqual([...tidyLayout(graph, {})]);
  });

  it('uses measured sizes and returns top-left corners', () => {
    const graph = TEMPLATES.find((t) => t.id === 'seed')?.build() ?? { nodes: [], edges: [] };
    const sizes = Object.fromEntries(graph.nodes.map((n) => [n.id, { width: 300, height: 100 }]));
    const positions = tidyLayout(graph, sizes);
    const first = byName(graph, positions, graph.nodes[0]?.name ?? '').position;
    const second = byName(graph, positions, graph.nodes[1]?.name ?? '').position;
    // A chain stacks vertically: same left edge, one node height plus the rank gap apart.
    expect(second.x).toBe(first.x);
    expect(second.y - first.y).toBe(160);
  });

  it('keeps merge inputs in slot order, left to right, whatever the edge order', () => {
    const b = new GraphBuilder();
    const input = b.input([8]);
    const left = b.add('Dense', { units: 4 }, input);
    const right = b.add('Dense', { units: 4 }, input);
    b.add('Concatenate', {}, left, right);
    const { nodes, edges } = b.graph;
    for (const graph of [
      { nodes, edges },
      { nodes: [...nodes].reverse(), edges: [...edges].reverse() },
    ]) {
      const positions = tidyLayout(graph, {});
      expect(positions.get(left)?.x ?? 0).toBeLessThan(positions.get(right)?.x ?? 0);
    }
  });

  it('lays out a collapsed group as its card, and keeps other layers out of an expanded group', () => {
    const b = new GraphBuilder();
    const embedding = b.add('Embedding', { input_dim: 100, output_dim: 16 }, b.input([10]));
    const block = addTransformerEncoder(b, embedding);
    const pool = b.add('GlobalAveragePooling1D', {}, block.output);
    // A second branch from the Embedding, which dagre could otherwise place beside the block's layers.
    b.add('Flatten', {}, embedding);
    const collapsed = b.graph;
    const positions = tidyLayout(collapsed, {});
    expect(positions.size).toBe(collapsed.nodes.length);
    const at = (id: string) => positions.get(id) ?? { x: NaN, y: NaN };
    // The pooling layer sits one rank below the card, which sits one below the Embedding.
    expect(at(pool).y - at(embedding).y).toBe(2 * (DEFAULT_NODE_SIZE.height + 60));
    expect(at(block.members[0] ?? '').y).toBe(at(embedding).y + DEFAULT_NODE_SIZE.height + 60);

    const expanded = setGroupCollapsed(collapsed, block.group, false);
    const open = tidyLayout(expanded, {});
    const inside = block.members.map((id) => open.get(id) ?? { x: NaN, y: NaN });
    const [left, right] = [Math.min(...inside.map((p) => p.x)), Math.max(...inside.map((p) => p.x)) + DEFAULT_NODE_SIZE.width];
    const [top, bottom] = [Math.min(...inside.map((p) => p.y)), Math.max(...inside.map((p) => p.y)) + DEFAULT_NODE_SIZE.height];
    for (const node of expanded.nodes.filter((n) => !block.members.includes(n.id))) {
      const p = open.get(node.id) ?? { x: NaN, y: NaN };
      const within = p.x < right && p.x + DEFAULT_NODE_SIZE.width > left && p.y < bottom && p.y + DEFAULT_NODE_SIZE.height > top;
      expect(within, node.name).toBe(false);
    }
  });
});
