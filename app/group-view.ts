import type { Analysis } from '../src/analysis/analyze';
import type { DataSignature } from '../src/data/wiring';
import { groupById, groupPorts } from '../src/graph/groups';
import { formatShape } from '../src/graph/shape';
import type { Graph, NodeGroup } from '../src/graph/types';
import { formatCount } from '../src/lib/format-count';
import { analysisOf } from './store/analysis';

/** What a group's card, frame and inspector panel show, as primitives so a shallow compare skips unchanged ones. */
export interface GroupView {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly collapsed: boolean;
  readonly layers: number;
  /** The shapes flowing in from outside, e.g. `(None, 100, 32)`; `none` when nothing feeds it. */
  readonly input: string;
  /** The shapes of its output layers; `?` where unknown. */
  readonly output: string;
  readonly trainable: number;
  readonly nonTrainable: number;
  /** Every layer of it is frozen (trainable = False). */
  readonly frozen: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** The first problem among its layers, with the layer's name. */
  readonly message: string;
}

const viewCache = new WeakMap<NodeGroup, { analysis: Analysis; view: GroupView }>();

const shapeOf = (analysis: Analysis, id: string) => {
  const shape = analysis.nodes[id]?.shape;
  return shape ? formatShape(shape) : '?';
};

function computeView(graph: Graph, group: NodeGroup, analysis: Analysis): GroupView {
  const { incoming, outputs } = groupPorts(graph, group);
  const sources = [...new Set(incoming.map((e) => e.source))];
  let trainable = 0;
  let nonTrainable = 0;
  const problems: { name: string; severity: string; message: string }[] = [];
  for (const id of group.members) {
    const a = analysis.nodes[id];
    trainable += a?.params.trainable ?? 0;
    nonTrainable += a?.params.nonTrainable ?? 0;
    const name = graph.nodes.find((n) => n.id === id)?.name ?? id;
    for (const d of a?.diagnostics ?? []) problems.push({ name, severity: d.severity, message: d.message });
  }
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  return {
    id: group.id,
    title: group.title,
    kind: group.kind,
    collapsed: group.collapsed,
    layers: group.members.length,
    input: sources.length === 0 ? 'none' : sources.map((s) => shapeOf(analysis, s)).join(', '),
    output: outputs.map((o) => shapeOf(analysis, o)).join(', ') || '?',
    trainable,
    nonTrainable,
    frozen: group.members.every((id) => graph.nodes.find((n) => n.id === id)?.trainable === false),
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    message: first ? `${first.name}: ${first.message}` : '',
  };
}

/**
 * The view of group `id`, or null when there is none; the same object while the group and the
 * analysis are (a group changes object when it is collapsed, expanded or loses a layer; the
 * analysis when any layer, edge or the data does).
 */
export function groupView(graph: Graph, id: string, signature: DataSignature | null = null): GroupView | null {
  const group = groupById(graph, id);
  if (!group) return null;
  const analysis = analysisOf(graph, signature);
  const cached = viewCache.get(group);
  if (cached && cached.analysis === analysis) return cached.view;
  const view = computeView(graph, group, analysis);
  viewCache.set(group, { analysis, view });
  return view;
}

/** A sentence for screen readers: title, layers, shapes, params, state and problems. */
export function groupLabel(view: GroupView): string {
  const problems = view.errors + view.warnings > 0 ? `, problem: ${view.message}` : '';
  const state = `${view.collapsed ? 'collapsed' : 'expanded'}${view.frozen ? ', frozen' : ''}`;
  return (
    `${view.title} group of ${view.layers} layers, ${state}, input ${view.input}, output ${view.output}, ` +
    `${formatCount(view.trainable)} trainable and ${formatCount(view.nonTrainable)} non-trainable parameters${problems}`
  );
}
