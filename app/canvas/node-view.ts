import { formatShape } from '../../src/graph/shape';
import type { Analysis } from '../../src/analysis/analyze';
import type { Graph, LayerNode, WrappedLayer } from '../../src/graph/types';
import type { DataSignature } from '../../src/data/wiring';
import { headlineArgs, headlineText } from '../../src/layers/headline';
import { layerSpec } from '../../src/layers/registry';
import { analysisOf } from '../store/analysis';
import { formatCount } from '../../src/lib/format-count';

// Pure memos, not state: keyed by node lists and nodes, which are never mutated, and gone with them.
const indexCache = new WeakMap<readonly LayerNode[], Map<string, LayerNode>>();

/** The node with `id`, through a per-array index so that 300 node selectors stay O(1) each. */
export function nodeById(graph: Graph, id: string): LayerNode | undefined {
  let index = indexCache.get(graph.nodes);
  if (!index) {
    index = new Map(graph.nodes.map((n) => [n.id, n]));
    indexCache.set(graph.nodes, index);
  }
  return index.get(id);
}

/** What a node on the canvas shows, as primitives so a shallow compare skips unchanged nodes. */
export interface NodeView {
  readonly kind: string;
  /** What the node's head says: the Keras class, with a wrapped layer's in brackets. */
  readonly title: string;
  /** Keras's trainable = False: training leaves its weights alone. */
  readonly frozen: boolean;
  readonly name: string;
  /** Its main settings as the card shows them, `64 · relu`; empty when it has none to show. */
  readonly headline: string;
  /** The same with their Keras keys, `units=64, activation=relu`. */
  readonly headlineArgs: string;
  readonly shape: string;
  readonly params: number;
  readonly errors: number;
  readonly warnings: number;
  /** The first diagnostic's message, shown on the node. */
  readonly message: string;
  readonly fixLabel: string;
}

const EMPTY: NodeView = {
  kind: '',
  title: '',
  frozen: false,
  name: '',
  headline: '',
  headlineArgs: '',
  shape: '',
  params: 0,
  errors: 0,
  warnings: 0,
  message: '',
  fixLabel: '',
};

const viewCache = new WeakMap<LayerNode, { analysis: Analysis; view: NodeView }>();

/**
 * The view of node `id` in `graph`; the same object while the node and the analysis are, so the
 * 300 node selectors of a large graph cost a lookup each while another node is dragged.
 */
export function nodeView(graph: Graph, id: string, signature: DataSignature | null = null): NodeView {
  const node = nodeById(graph, id);
  if (!node) return EMPTY;
  const analysis = analysisOf(graph, signature);
  const cached = viewCache.get(node);
  if (cached && cached.analysis === analysis) return cached.view;
  const view = computeView(node, analysis);
  viewCache.set(node, { analysis, view });
  return view;
}

function computeView(node: LayerNode, analysis: Analysis): NodeView {
  const id = node.id;
  const a = analysis.nodes[id];
  const diagnostics = a?.diagnostics ?? [];
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  const spec = layerSpec(node.kind);
  return {
    kind: node.kind,
    title: layerTitle(node),
    frozen: node.trainable === false,
    name: node.name,
    headline: headlineText(spec, node.params),
    headlineArgs: headlineArgs(spec, node.params),
    shape: a?.shape ? formatShape(a.shape) : '?',
    params: (a?.params.trainable ?? 0) + (a?.params.nonTrainable ?? 0),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    message: first?.message ?? '',
    fixLabel: first?.fix?.label ?? '',
  };
}

const isWrapped = (v: unknown): v is WrappedLayer => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `TimeDistributed(Dense)` for a wrapper, `RNN(LSTM+GRU)` for stacked cells, else the kind. */
function layerTitle(node: LayerNode): string {
  for (const value of Object.values(node.params)) {
    const inner = isWrapped(value) ? [value] : Array.isArray(value) && value.every(isWrapped) && value.length > 0 ? (value as readonly WrappedLayer[]) : [];
    if (inner.length > 0) return `${node.kind}(${inner.map((w) => layerSpec(w.kind).kerasClass).join('+')})`;
  }
  return node.kind;
}

/** A sentence for screen readers: kind, name, settings, shape, params, frozen, and problems. */
export function nodeLabel(view: NodeView): string {
  const problems = view.errors + view.warnings > 0 ? `, problem: ${view.message}` : '';
  const frozen = view.frozen ? ', frozen' : '';
  const settings = view.headlineArgs === '' ? '' : ` (${view.headlineArgs})`;
  return `${view.title} layer ${view.name}${settings}, output ${view.shape}, ${formatCount(view.params)} parameters${frozen}${problems}`;
}

/** Category of a kind, for colour. */
export const categoryOf = (kind: LayerNode['kind']) => layerSpec(kind).category;
