import type { Analysis } from '../analysis/analyze';
import { formatShape } from '../graph/shape';
import type { Graph, LayerNode, Shape } from '../graph/types';
import { layerSpec } from '../layers/registry';
import { formatCount } from '../lib/format-count';

/** One row of a model summary. */
export interface SummaryRow {
  readonly name: string;
  readonly className: string;
  /** Null when the shape cannot be inferred (the layer or one before it has an error). */
  readonly outputShape: Shape | null;
  readonly params: number;
  /** Input tensors as Keras prints them: `dense_1[0][0]`. */
  readonly connectedTo: readonly string[];
}

/** A model summary as data: what `model.summary()` prints, for the UI, the CLI and `--json`. */
export interface Summary {
  readonly name: string;
  /** True for a single chain, printed like a Keras Sequential model. */
  readonly sequential: boolean;
  readonly rows: readonly SummaryRow[];
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
}

/**
 * True when the graph is one chain from one Input to one output, i.e. a Keras `Sequential`
 * model: every layer has at most one input and feeds at most one layer.
 */
export function isSequential(graph: Graph, analysis: Analysis): boolean {
  if (analysis.inputs.length !== 1 || analysis.outputs.length !== 1) return false;
  if (analysis.order.length !== graph.nodes.length) return false;
  const outDegree = new Map<string, number>();
  for (const e of graph.edges) outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
  return graph.nodes.every((n) => (outDegree.get(n.id) ?? 0) <= 1 && (analysis.nodes[n.id]?.inputs.length ?? 0) <= 1);
}

/** The summary of an analysed graph, layers in topological order (then any on a cycle). */
export function summarize(graph: Graph, analysis: Analysis, name = 'model'): Summary {
  const byId = new Map<string, LayerNode>(graph.nodes.map((n) => [n.id, n]));
  const ordered = new Set(analysis.order);
  const ids = [...analysis.order, ...graph.nodes.map((n) => n.id).filter((id) => !ordered.has(id))];
  const rows = ids.map((id): SummaryRow => {
    const node = byId.get(id) as LayerNode;
    const a = analysis.nodes[id];
    return {
      name: node.name,
      className: layerSpec(node.kind).kerasClass,
      outputShape: a?.shape ?? null,
      params: (a?.params.trainable ?? 0) + (a?.params.nonTrainable ?? 0),
      connectedTo: (a?.inputs ?? []).map((src) => `${byId.get(src)?.name ?? src}[0][0]`),
    };
  });
  return {
    name,
    sequential: isSequential(graph, analysis),
    rows,
    totalParams: analysis.total.trainable + analysis.total.nonTrainable,
    trainableParams: analysis.total.trainable,
    nonTrainableParams: analysis.total.nonTrainable,
  };
}

/** Bytes of float32 weights the way Keras 3 prints them: `17.76 KB`. */
export function formatBytes(params: number): string {
  let size = params * 4;
  const units = ['B', 'KB', 'MB', 'GB'];
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(2)} ${units[unit]}`;
}

const pad = (text: string, width: number) => (text.length >= width ? `${text.slice(0, width - 1)} ` : text.padEnd(width));

/**
 * The summary as Keras prints it: `Layer (type) | Output Shape | Param #`, plus `Connected to`
 * for a graph that is not a chain (whose Input rows are shown, as Keras does for functional
 * models), then total, trainable and non-trainable params.
 */
export function formatSummary(summary: Summary): string {
  const widths = summary.sequential ? [29, 26, 12] : [29, 26, 12, 30];
  const lineWidth = widths.reduce((a, b) => a + b, 0) + 1;
  const header = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'].slice(0, widths.length);
  const line = (cells: readonly string[]) =>
    ` ${cells
      .slice(0, widths.length)
      .map((c, i) => pad(c, widths[i] ?? 10))
      .join('')}`.trimEnd();
  const rows = summary.rows.filter((r) => !(summary.sequential && r.className === 'InputLayer'));
  const out = [`Model: "${summary.name}"`, '_'.repeat(lineWidth), line(header), '='.repeat(lineWidth)];
  rows.forEach((r, i) => {
    const shape = r.outputShape === null ? '?' : formatShape(r.outputShape);
    const [first = '', ...more] = r.connectedTo;
    out.push(line([`${r.name} (${r.className})`, shape, formatCount(r.params), first]));
    for (const extra of more) out.push(line(['', '', '', extra]));
    if (i < rows.length - 1) out.push(summary.sequential ? '' : '_'.repeat(lineWidth));
  });
  out.push('='.repeat(lineWidth));
  out.push(`Total params: ${formatCount(summary.totalParams)} (${formatBytes(summary.totalParams)})`);
  out.push(`Trainable params: ${formatCount(summary.trainableParams)} (${formatBytes(summary.trainableParams)})`);
  out.push(`Non-trainable params: ${formatCount(summary.nonTrainableParams)} (${formatBytes(summary.nonTrainableParams)})`);
  out.push('_'.repeat(lineWidth));
  return out.join('\n');
}

/** The `--json` form: `{layers:[{name,class_name,output_shape,params}], total_params, ...}`. */
export function summaryJson(summary: Summary) {
  return {
    name: summary.name,
    layers: summary.rows.map((r) => ({
      name: r.name,
      class_name: r.className,
      output_shape: r.outputShape,
      params: r.params,
      ...(summary.sequential ? {} : { connected_to: r.connectedTo }),
    })),
    total_params: summary.totalParams,
    trainable_params: summary.trainableParams,
    non_trainable_params: summary.nonTrainableParams,
  };
}
