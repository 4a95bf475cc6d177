import type { Analysis } from '../analysis/analyze';
import { formatShape } from '../graph/shape';
import type { LayerNode, Shape } from '../graph/types';
import { layerSpec } from '../layers/registry';
import { runsWidth, type TextRun } from './plot-text';

/** What a layer's box shows; each part can be turned off, as in `keras.utils.plot_model`. */
export interface BoxOptions {
  /** `name (ClassName)` in the title; off, the class alone. */
  readonly showLayerNames: boolean;
  /** The input and output shapes row. */
  readonly showShapes: boolean;
  /** `Activation: relu` for layers that have one. */
  readonly showActivations: boolean;
  /** A green `Trainable` or red `Non-trainable` cell for layers with weights. */
  readonly showTrainable: boolean;
}

/** One cell of a box, placed relative to the box's top-left corner. */
export interface PlotCell {
  readonly runs: readonly TextRun[];
  /** Font size in px. */
  readonly size: number;
  readonly fill: string;
  readonly color: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A layer's box: a black table of cells, as Keras's Graphviz label draws it. */
export interface PlotBox {
  readonly width: number;
  readonly height: number;
  readonly cells: readonly PlotCell[];
}

type CellContent = Pick<PlotCell, 'runs' | 'size' | 'fill' | 'color'>;

// Keras's table: cellpadding 10, Graphviz's cellspacing 2 and cellborder 1, so 3 px of black
// frame around the cells and 4 px between two of them.
const PAD = 10;
const FRAME = 3;
const GAP = 4;
const LINE = 1.2;
const TITLE_SIZE = 16;
const BODY_SIZE = 14;

/** Keras's colours: Graphviz's black, forestgreen and firebrick. */
export const PLOT_COLORS = { frame: '#000000', body: '#ffffff', text: '#000000', trainable: '#228b22', frozen: '#b22222' } as const;

const plain = (text: string): TextRun => ({ text, bold: false });
const bold = (text: string): TextRun => ({ text, bold: true });
const body = (runs: readonly TextRun[]): CellContent => ({ runs, size: BODY_SIZE, fill: PLOT_COLORS.body, color: PLOT_COLORS.text });

/** Shapes as Keras prints `layer.input`'s: one tuple, a list of them for several inputs, `?` when unknown. */
function formatShapes(shapes: readonly (Shape | null)[]): string {
  const one = (s: Shape | null | undefined) => (s === null || s === undefined ? '?' : formatShape(s));
  return shapes.length === 1 ? one(shapes[0]) : `[${shapes.map(one).join(', ')}]`;
}

/** The activation a layer applies, for the layers whose spec has one (Dense, Conv2D, LSTM, Activation...). */
function activationOf(node: LayerNode): string | undefined {
  const spec = layerSpec(node.kind).params as Readonly<Record<string, { readonly default: unknown }>>;
  const param = spec.activation;
  if (param === undefined) return undefined;
  const value = node.params.activation ?? param.default;
  return typeof value === 'string' ? value : undefined;
}

/** The rows of a layer's box, top to bottom, as Keras's `make_layer_label` builds them. */
function rowsOf(node: LayerNode, analysis: Analysis, options: BoxOptions): CellContent[][] {
  const className = layerSpec(node.kind).kerasClass;
  const title = options.showLayerNames ? [bold(node.name), plain(` (${className})`)] : [bold(className)];
  const rows: CellContent[][] = [[{ runs: title, size: TITLE_SIZE, fill: PLOT_COLORS.frame, color: PLOT_COLORS.body }]];
  const activation = options.showActivations ? activationOf(node) : undefined;
  if (activation !== undefined) rows.push([body([plain('Activation: '), bold(activation)])]);
  const facts: CellContent[] = [];
  const a = analysis.nodes[node.id];
  if (options.showShapes) {
    if (node.kind !== 'Input') {
      const inputs = (a?.inputs ?? []).map((id) => analysis.nodes[id]?.shape ?? null);
      facts.push(body([plain('Input shape: '), bold(formatShapes(inputs.length === 0 ? [null] : inputs))]));
    }
    facts.push(body([plain('Output shape: '), bold(formatShapes([a?.shape ?? null]))]));
  }
  const weights = (a?.params.trainable ?? 0) + (a?.params.nonTrainable ?? 0);
  if (options.showTrainable && weights > 0) {
    const frozen = node.trainable === false;
    facts.push({
      runs: [bold(frozen ? 'Non-trainable' : 'Trainable')],
      size: BODY_SIZE,
      fill: frozen ? PLOT_COLORS.frozen : PLOT_COLORS.trainable,
      color: PLOT_COLORS.body,
    });
  }
  if (facts.length > 0) rows.push(facts);
  return rows;
}

/** A cell's width with nothing to spare: its text, padding and 1 px border each side. */
const naturalWidth = (cell: CellContent) => Math.ceil(runsWidth(cell.runs, cell.size)) + 2 * PAD + 2;
const rowHeight = (row: readonly CellContent[]) => Math.ceil(Math.max(...row.map((c) => c.size)) * LINE) + 2 * PAD + 2;

/**
 * Lays out a layer's box like a Graphviz HTML table: every row as wide as the widest, the spare
 * width of a narrower row shared out evenly among its cells.
 */
export function layerBox(node: LayerNode, analysis: Analysis, options: BoxOptions): PlotBox {
  const rows = rowsOf(node, analysis, options);
  const inner = Math.max(...rows.map((row) => row.reduce((sum, c) => sum + naturalWidth(c), 0) + GAP * (row.length - 1)));
  const cells: PlotCell[] = [];
  let y = FRAME;
  for (const row of rows) {
    const height = rowHeight(row);
    const spare = (inner - GAP * (row.length - 1) - row.reduce((sum, c) => sum + naturalWidth(c), 0)) / row.length;
    let x = FRAME;
    for (const cell of row) {
      const width = naturalWidth(cell) + spare;
      cells.push({ ...cell, x, y, width, height });
      x += width + GAP;
    }
    y += height + GAP;
  }
  return { width: inner + 2 * FRAME, height: y - GAP + FRAME, cells };
}
