import { analyze, type Analysis } from '../analysis/analyze';
import { groupsOf } from '../graph/groups';
import { mergeConstraints, slotOrder } from '../graph/slot-order';
import type { Graph, LayerNode } from '../graph/types';
import { layerSpec } from '../layers/registry';
import { layerBox, PLOT_COLORS, type BoxOptions, type PlotBox } from './plot-box';
import { layoutPlot, type Point, type RankDir } from './plot-layout';
import { escapeXml, PLOT_FONT_FAMILY, type TextRun } from './plot-text';
import { isSequential } from './summary';

/** How to draw the model: `keras.utils.plot_model`'s switches, all on by default here. */
export interface PlotOptions extends Partial<BoxOptions> {
  /** `TB` (default) draws the graph top to bottom, `LR` left to right. */
  readonly rankdir?: RankDir;
  /**
   * `cluster` (default) draws each group's layers inside a dashed frame titled with the group's
   * name, as Keras's `expand_nested` draws a nested model; `flat` ignores groups.
   */
  readonly groups?: 'cluster' | 'flat';
  /** The analysis of `graph`, when the caller has it already. */
  readonly analysis?: Analysis;
}

/** The scale a PNG of the picture is drawn at, by the CLI and the app: twice the SVG's size, crisp on high-density screens. */
export const PLOT_PNG_SCALE = 2;

const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 4.5;
const EDGE_WIDTH = 2;

/** A number in the SVG: at most one decimal, no trailing `.0`. */
const num = (n: number) => String(Math.round(n * 10) / 10);

function runsSvg(runs: readonly TextRun[]): string {
  return runs.map((r) => (r.bold ? `<tspan font-weight="bold">${escapeXml(r.text)}</tspan>` : escapeXml(r.text))).join('');
}

function boxSvg(node: LayerNode, box: PlotBox, at: Point): string {
  const className = layerSpec(node.kind).kerasClass;
  const cells = box.cells.map((c) => {
    const rect = `<rect x="${num(c.x + 1)}" y="${num(c.y + 1)}" width="${num(c.width - 2)}" height="${num(c.height - 2)}" fill="${c.fill}"/>`;
    const baseline = c.y + c.height / 2 + c.size * 0.35;
    return `${rect}<text x="${num(c.x + c.width / 2)}" y="${num(baseline)}" font-size="${c.size}" fill="${c.color}" text-anchor="middle">${runsSvg(c.runs)}</text>`;
  });
  return (
    `<g class="layer" transform="translate(${num(at.x)} ${num(at.y)})"><title>${escapeXml(`${node.name} (${className})`)}</title>` +
    `<rect width="${num(box.width)}" height="${num(box.height)}" fill="${PLOT_COLORS.frame}"/>${cells.join('')}</g>`
  );
}

/** An edge's line, stopped short of its end, and a filled arrowhead whose tip is that end. */
function edgeSvg(route: readonly Point[]): string {
  const end = route[route.length - 1] as Point;
  const before = route[route.length - 2] ?? end;
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  const base = { x: end.x - ux * ARROW_LENGTH, y: end.y - uy * ARROW_LENGTH };
  const line = [...route.slice(0, -1), base].map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ');
  const left = { x: base.x - uy * ARROW_HALF_WIDTH, y: base.y + ux * ARROW_HALF_WIDTH };
  const right = { x: base.x + uy * ARROW_HALF_WIDTH, y: base.y - ux * ARROW_HALF_WIDTH };
  const head = [end, left, right].map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
  return `<g class="edge"><path d="${line}" fill="none" stroke="${PLOT_COLORS.text}" stroke-width="${EDGE_WIDTH}"/><polygon points="${head}" fill="${PLOT_COLORS.text}"/></g>`;
}

/**
 * The layers the picture draws: all of them, except that a model Keras would build as
 * `keras.Sequential` (one chain) has no InputLayer box, as `plot_model` draws a Sequential model.
 */
function drawnNodes(graph: Graph, analysis: Analysis): readonly LayerNode[] {
  // Inputs in slot order, outputs in graph order: dagre keeps that order left to right.
  const ordered = new Map(slotOrder(graph).map((id, i) => [id, i]));
  const nodes = [...graph.nodes].sort((a, b) => (ordered.get(a.id) ?? Infinity) - (ordered.get(b.id) ?? Infinity));
  return isSequential(graph, analysis) && graph.nodes.length > 1 ? nodes.filter((n) => n.kind !== 'Input') : nodes;
}

/**
 * A picture of the model as a standalone SVG document, in the style of Keras 3's
 * `keras.utils.plot_model(show_shapes=True, show_layer_names=True, show_layer_activations=True,
 * show_trainable=True)`: one black table per layer titled `name (ClassName)`, its activation, its
 * input and output shapes and whether it trains, joined by arrows along the graph. The text is
 * sized from a fixed font-metric table, so the same graph always gives the same SVG.
 */
export function plotModelSvg(graph: Graph, options: PlotOptions = {}): string {
  const analysis = options.analysis ?? analyze(graph);
  const boxOptions: BoxOptions = {
    showLayerNames: options.showLayerNames ?? true,
    showShapes: options.showShapes ?? true,
    showActivations: options.showActivations ?? true,
    showTrainable: options.showTrainable ?? true,
  };
  const nodes = drawnNodes(graph, analysis);
  const drawn = new Set(nodes.map((n) => n.id));
  const boxes = new Map(nodes.map((n) => [n.id, layerBox(n, analysis, boxOptions)]));
  const keys = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const key = (id: string) => keys.get(id) ?? 'n-1';
  // Each layer's incoming edges, grouped once: the picture of a large graph stays linear in its size.
  const into = new Map<string, (typeof graph.edges)[number][]>();
  for (const e of graph.edges) into.set(e.target, [...(into.get(e.target) ?? []), e]);
  const edges = nodes.flatMap((n) =>
    (into.get(n.id) ?? [])
      .filter((e) => drawn.has(e.source))
      .sort((a, b) => a.targetSlot - b.targetSlot)
      .map((e) => ({ id: `e:${e.id}`, source: key(e.source), target: key(e.target) })),
  );
  const clusters =
    (options.groups ?? 'cluster') === 'flat'
      ? []
      : groupsOf(graph).map((group, i) => ({ group, id: `g${i}`, members: group.members.filter((m) => drawn.has(m)).map(key) }));
  const shownClusters = clusters.filter((c) => c.members.length > 0);
  const layout = layoutPlot({
    boxes: nodes.map((n) => ({ id: key(n.id), ...(boxes.get(n.id) as PlotBox) })),
    edges,
    clusters: shownClusters,
    // A merge's first input on its left, and a layer's outputs in graph order, as Keras lists them.
    constraints: mergeConstraints(graph, { fanOut: true })
      .filter((c) => drawn.has(c.left) && drawn.has(c.right))
      .map((c) => ({ left: key(c.left), right: key(c.right) })),
    rankdir: options.rankdir ?? 'TB',
  });
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(PLOT_FONT_FAMILY)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const c of shownClusters) {
    const r = layout.clusters.get(c.id);
    if (r === undefined) continue;
    parts.push(
      `<g class="group"><rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}" fill="none" stroke="${PLOT_COLORS.text}" stroke-dasharray="5 3"/>` +
        `<text x="${num(r.x + 8)}" y="${num(r.y + 15)}" font-size="14" fill="${PLOT_COLORS.text}">${escapeXml(c.group.title)}</text></g>`,
    );
  }
  for (const e of edges) parts.push(edgeSvg(layout.edges.get(e.id) ?? []));
  for (const n of nodes) parts.push(boxSvg(n, boxes.get(n.id) as PlotBox, layout.boxes.get(key(n.id)) ?? { x: 0, y: 0 }));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
