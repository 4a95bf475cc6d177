// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { digitsCnn, residualBlock, transformerTextClassifier } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { plotModelSvg } from './plot-model';
import { escapeXml, textWidth } from './plot-text';

/**
 * Throws unless `text` is well-formed XML: one root, tags nested and closed, attributes quoted,
 * `&` only in the five entities or a character reference, no `<` in text. happy-dom's DOMParser
 * accepts a bare `&`, so this checks what a strict parser (resvg, an XML tool) would refuse.
 */
function assertWellFormed(text: string): void {
  const body = text.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, close, name, attrs, selfClose, chars, stray] = m;
    if (stray !== undefined) throw new Error(`bad markup at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    const data = chars ?? attrs ?? '';
    const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.exec(data);
    if (amp) throw new Error(`bare & at ${m.index}: ${data.slice(amp.index, amp.index + 20)}`);
    if (chars !== undefined) {
      if (stack.length === 0 && chars.trim() !== '') throw new Error('text outside the root');
      continue;
    }
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong tag`);
    } else if (!selfClose) {
      if (stack.length === 0) roots += 1;
      stack.push(name as string);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0 || roots !== 1) throw new Error(`unclosed ${stack.join(', ')} or ${roots} roots`);
}

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
/** Each layer box's cells' texts, by the box's title (`name (Class)`). */
function boxes(svg: string): Map<string, string[]> {
  const doc = parse(svg);
  return new Map(
    [...doc.querySelectorAll('g.layer')].map((g) => [
      g.querySelector('title')?.textContent ?? '',
      [...g.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    ]),
  );
}
const rename = (graph: Graph, from: string, to: string): Graph => ({ ...graph, nodes: graph.nodes.map((n) => (n.name === from ? { ...n, name: to } : n)) });

describe('plotModelSvg', () => {
  it('is a standalone SVG document: namespace, size, viewBox and font', () => {
    const svg = plotModelSvg(digitsCnn());
    assertWellFormed(svg);
    const root = parse(svg).documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const [w, h] = [Number(root.getAttribute('width')), Number(root.getAttribute('height'))];
    expect(w).toBeGreaterThan(300);
    expect(h).toBeGreaterThan(w);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${w} ${h}`);
    expect(root.getAttribute('font-family')).toBe("Helvetica, Arial, 'Liberation Sans', sans-serif");
    expect(plotModelSvg(digitsCnn())).toBe(svg);
  });

  it("shows each layer's name, class, shapes, activation and trainable mark as Keras draws them", () => {
    const shown = boxes(plotModelSvg(digitsCnn()));
    // A chain is a Keras Sequential model, which plot_model draws without its InputLayer.
    expect([...shown.keys()]).toEqual([
      'conv2d_1 (Conv2D)',
      'max_pooling2d_1 (MaxPooling2D)',
      'conv2d_2 (Conv2D)',
      'max_pooling2d_2 (MaxPooling2D)',
      'flatten_1 (Flatten)',
      'dropout_1 (Dropout)',
      'dense_1 (Dense)',
      'dense_2 (Dense)',
    ]);
    expect(shown.get('conv2d_1 (Conv2D)')).toEqual([
      'conv2d_1 (Conv2D)',
      'Activation: relu',
      'Input shape: (None, 28, 28, 1)',
      'Output shape: (None, 26, 26, 16)',
      'Trainable',
    ]);
    // No activation, no weights: no activation row, no trainable mark.
    expect(shown.get('flatten_1 (Flatten)')).toEqual(['flatten_1 (Flatten)', 'Input shape: (None, 5, 5, 32)', 'Output shape: (None, 800)']);
    expect(shown.get('dense_2 (Dense)')).toEqual([
      'dense_2 (Dense)',
      'Activation: softmax',
      'Input shape: (None, 64)',
      'Output shape: (None, 10)',
      'Trainable',
    ]);
  });

  it('marks a frozen layer Non-trainable in red and a trainable one in green', () => {
    const graph = digitsCnn();
    const frozen = { ...graph, nodes: graph.nodes.map((n) => (n.name === 'conv2d_1' ? { ...n, trainable: false } : n)) };
    const doc = parse(plotModelSvg(frozen));
    const cell = (label: string) =>
      [...doc.querySelectorAll('text')].filter((t) => t.textContent === label).map((t) => t.previousElementSibling?.getAttribute('fill'));
    expect(cell('Non-trainable')).toEqual(['#b22222']);
    expect(cell('Trainable')).toEqual(['#228b22', '#228b22', '#228b22']);
  });

  it('draws a merge: the Input box of a functional model, a list of input shapes, one arrow per edge into separate ports', () => {
    const graph = residualBlock();
    const svg = plotModelSvg(graph);
    assertWellFormed(svg);
    const shown = boxes(svg);
    expect(shown.get('input_1 (InputLayer)')).toEqual(['input_1 (InputLayer)', 'Output shape: (None, 32, 32, 3)']);
    expect(shown.get('add_1 (Add)')).toEqual(['add_1 (Add)', 'Input shape: [(None, 32, 32, 16), (None, 32, 32, 16)]', 'Output shape: (None, 32, 32, 16)']);
    const doc = parse(svg);
    expect(doc.querySelectorAll('g.edge')).toHaveLength(graph.edges.length);
    // Every route is orthogonal, and the two arrows into Add end at different points of its top.
    const tips = [...doc.querySelectorAll('g.edge polygon')].map((p) => (p.getAttribute('points') ?? '').split(' ')[0]);
    expect(new Set(tips).size).toBe(tips.length);
    for (const path of doc.querySelectorAll('g.edge path')) {
      const points = (path.getAttribute('d') ?? '')
        .split(/ ?[ML]/)
        .filter(Boolean)
        .map((p) => p.split(' ').map(Number));
      points.slice(1).forEach((p, i) => expect(p[0] === points[i]?.[0] || p[1] === points[i]?.[1]).toBe(true));
    }
  });

  it("keeps a merge's first input on the left and a layer's outputs in graph order, grouped or not", () => {
    const b = new GraphBuilder();
    const features = b.input([8], 'features');
    const extra = b.input([4], 'extra');
    const joined = b.add('Concatenate', {}, b.add('Dense', { units: 16 }, features), b.add('Dense', { units: 16 }, extra));
    const hidden = b.add('Dense', { units: 8 }, joined);
    b.add('Dense', { units: 1, activation: 'sigmoid' }, hidden);
    b.add('Dense', { units: 3, activation: 'softmax' }, hidden);
    const left = (svg: string) => {
      const xs = new Map(
        [...parse(svg).querySelectorAll('g.layer')].map((g) => [
          g.querySelector('title')?.textContent?.split(' ')[0],
          Number(/translate\(([\d.]+)/.exec(g.getAttribute('transform') ?? '')?.[1]),
        ]),
      );
      return (a: string, c: string) => (xs.get(a) ?? 0) < (xs.get(c) ?? 0);
    };
    const second = b.graph.nodes.find((n) => n.name === 'dense_2')?.id as string;
    for (const graph of [b.graph, { ...b.graph, groups: [{ id: 'g', title: 'functional', kind: 'Model', members: [second], collapsed: false }] }]) {
      const isLeft = left(plotModelSvg(graph));
      expect([isLeft('features', 'extra'), isLeft('dense_1', 'dense_2'), isLeft('dense_4', 'dense_5')]).toEqual([true, true, true]);
    }
  });

  it('escapes names and group titles, and replaces characters XML forbids', () => {
    const b = new GraphBuilder();
    const dense = b.add('Dense', { units: 2 }, b.input([3]));
    b.group('A <b> & "c" \u0001', 'Model', [dense], false);
    const graph = rename(b.graph, 'dense_1', 'x<y&z>\'"');
    const svg = plotModelSvg(graph);
    assertWellFormed(svg);
    expect(svg).not.toContain('\u0001');
    expect(boxes(svg).has('x<y&z>\'" (Dense)')).toBe(true);
    expect(parse(svg).querySelector('g.group text')?.textContent).toBe('A <b> & "c" \ufffd');
    expect(escapeXml('a&b<"\'>\ud800')).toBe('a&amp;b&lt;&quot;&apos;&gt;\ufffd');
  });

  it('draws two layers that share a name as two boxes (the name is shown, never used as a key)', () => {
    const b = new GraphBuilder();
    const x = b.input([3]);
    b.add('Concatenate', {}, b.add('Dense', { units: 2 }, x), b.add('Dense', { units: 4 }, x));
    const svg = plotModelSvg(rename(b.graph, 'dense_2', 'dense_1'));
    assertWellFormed(svg);
    const titles = [...parse(svg).querySelectorAll('g.layer title')].map((t) => t.textContent);
    expect(titles.filter((t) => t === 'dense_1 (Dense)')).toHaveLength(2);
    expect(parse(svg).querySelectorAll('g.edge')).toHaveLength(4);
  });

  it("draws a group's layers inside a dashed frame titled with its name, or flat", () => {
    const graph = transformerTextClassifier();
    const svg = plotModelSvg(graph);
    assertWellFormed(svg);
    const doc = parse(svg);
    expect([...doc.querySelectorAll('g.group text')].map((t) => t.textContent)).toEqual(['TransformerEncoder']);
    const frame = doc.querySelector('g.group rect');
    expect(frame?.getAttribute('stroke-dasharray')).toBe('5 3');
    // The frame holds the block's nine layers and nothing else.
    const [fx, fy, fw, fh] = ['x', 'y', 'width', 'height'].map((a) => Number(frame?.getAttribute(a)));
    const inside = [...doc.querySelectorAll('g.layer')].filter((g) => {
      const [x, y] = (/translate\(([\d.]+) ([\d.]+)\)/.exec(g.getAttribute('transform') ?? '') ?? []).slice(1).map(Number);
      return (
        (x as number) > (fx as number) &&
        (y as number) > (fy as number) &&
        (x as number) < (fx as number) + (fw as number) &&
        (y as number) < (fy as number) + (fh as number)
      );
    });
    expect(inside.map((g) => g.querySelector('title')?.textContent?.split(' ')[0])).toEqual(
      graph.groups?.[0]?.members.map((id) => graph.nodes.find((n) => n.id === id)?.name),
    );
    expect(parse(plotModelSvg(graph, { groups: 'flat' })).querySelectorAll('g.group')).toHaveLength(0);
  });

  it('leaves out what the options turn off, as plot_model does', () => {
    const shown = boxes(plotModelSvg(digitsCnn(), { showShapes: false, showActivations: false, showTrainable: false }));
    expect(shown.get('conv2d_1 (Conv2D)')).toEqual(['conv2d_1 (Conv2D)']);
    const classes = boxes(plotModelSvg(digitsCnn(), { showLayerNames: false }));
    expect(classes.get('conv2d_1 (Conv2D)')?.[0]).toBe('Conv2D');
  });

  it('draws left to right with --rankdir LR: arrows end moving right', () => {
    const doc = parse(plotModelSvg(residualBlock(), { rankdir: 'LR' }));
    const root = doc.documentElement;
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(Number(root.getAttribute('height')));
    for (const polygon of doc.querySelectorAll('g.edge polygon')) {
      const [tip, left] = (polygon.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
      expect((tip?.[0] ?? 0) - (left?.[0] ?? 0)).toBeCloseTo(10);
    }
  });

  it('shows ? for shapes a broken layer leaves unknown, and draws an empty graph as an empty picture', () => {
    const b = new GraphBuilder();
    b.chain(b.input([4]), ['Conv2D', { filters: 2, kernel_size: [3, 3] }], ['Dense', { units: 1 }]);
    expect(boxes(plotModelSvg(b.graph)).get('dense_1 (Dense)')).toContain('Input shape: ?');
    const empty = plotModelSvg({ nodes: [], edges: [] });
    assertWellFormed(empty);
    expect(empty).not.toContain('class="layer"');
  });

  it('measures text from Helvetica metrics, with non-Latin characters a full em', () => {
    expect(textWidth('Dense', 14)).toBeCloseTo(((722 + 556 + 556 + 500 + 556) * 14) / 1000);
    expect(textWidth('Dense', 14, true)).toBeGreaterThan(textWidth('Dense', 14));
    expect(textWidth('層', 10)).toBe(10);
  });
});

describe('the golden picture of the digits CNN', () => {
  it('is up to date (npx tsx scripts/plot-model-golden.ts writes it)', () => {
    const golden = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/digits-cnn.plot.svg'), 'utf8');
    expect(plotModelSvg(digitsCnn())).toBe(golden);
  });
});
