import { assertNever } from '../lib/assert-never';
import type { Graph, LayerNode } from '../graph/types';
import type { RunRecord } from './run-record';

/** Which settings a {@link RunChange} of kind `setting` belongs to. */
export type SettingSection = 'training' | 'callbacks' | 'fine-tune' | 'data';

/** One difference between two runs: layers (matched by name), their params, the wiring, the settings. */
export type RunChange =
  | { readonly kind: 'layer-added'; readonly layer: string; readonly layerKind: string }
  | { readonly kind: 'layer-removed'; readonly layer: string; readonly layerKind: string }
  | { readonly kind: 'layer-kind'; readonly layer: string; readonly before: string; readonly after: string }
  | { readonly kind: 'param'; readonly layer: string; readonly param: string; readonly before: string; readonly after: string }
  | { readonly kind: 'trainable'; readonly layer: string; readonly trainable: boolean }
  | { readonly kind: 'edge-added'; readonly from: string; readonly to: string }
  | { readonly kind: 'edge-removed'; readonly from: string; readonly to: string }
  | { readonly kind: 'setting'; readonly section: SettingSection; readonly key: string; readonly before: string; readonly after: string };

/** A value as the diff shows it: `64`, `relu`, `[3, 3]`, `None` for null, `default` when absent. */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'default';
  if (value === null) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return `[${value.map(shownValue).join(', ')}]`;
  return JSON.stringify(value);
}

const byName = (graph: Graph) => new Map(graph.nodes.map((n) => [n.name, n]));

function layerChanges(before: LayerNode, after: LayerNode): RunChange[] {
  if (before.kind !== after.kind) return [{ kind: 'layer-kind', layer: after.name, before: before.kind, after: after.kind }];
  const keys = [...new Set([...Object.keys(before.params), ...Object.keys(after.params)])];
  const changes: RunChange[] = keys.flatMap((param): RunChange[] => {
    const was = shownValue(before.params[param]);
    const now = shownValue(after.params[param]);
    return was === now ? [] : [{ kind: 'param', layer: after.name, param, before: was, after: now }];
  });
  if ((before.trainable ?? true) !== (after.trainable ?? true)) changes.push({ kind: 'trainable', layer: after.name, trainable: after.trainable ?? true });
  return changes;
}

/** Each edge as `source>target#slot` by layer names, so renumbered ids do not count as changes. */
function edgeKeys(graph: Graph): Map<string, { from: string; to: string }> {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const out = new Map<string, { from: string; to: string }>();
  for (const e of graph.edges) {
    const from = names.get(e.source) ?? e.source;
    const to = names.get(e.target) ?? e.target;
    out.set(`${from}>${to}#${e.targetSlot}`, { from, to });
  }
  return out;
}

/** Layers added, removed and changed from graph `a` to graph `b`, then edges added and removed. */
export function diffGraphs(a: Graph, b: Graph): RunChange[] {
  const before = byName(a);
  const after = byName(b);
  const changes: RunChange[] = [];
  for (const [name, node] of before) if (!after.has(name)) changes.push({ kind: 'layer-removed', layer: name, layerKind: node.kind });
  for (const [name, node] of after) {
    const old = before.get(name);
    changes.push(...(old ? layerChanges(old, node) : [{ kind: 'layer-added' as const, layer: name, layerKind: node.kind }]));
  }
  const edgesA = edgeKeys(a);
  const edgesB = edgeKeys(b);
  for (const [key, e] of edgesA) if (!edgesB.has(key)) changes.push({ kind: 'edge-removed', ...e });
  for (const [key, e] of edgesB) if (!edgesA.has(key)) changes.push({ kind: 'edge-added', ...e });
  return changes;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object's leaves by dotted path (`earlyStopping.patience`); lists of named objects (a plan's
 * columns) by their names (`plan.columns[species].role`), other lists as one value.
 */
function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else if (Array.isArray(value) && value.length > 0 && value.every((v) => isPlainObject(v) && typeof v.name === 'string')) {
    for (const item of value as Record<string, unknown>[]) leaves(item, `${prefix}[${String(item.name)}]`, out);
  } else {
    out.set(prefix, shownValue(value));
  }
  return out;
}

function settingChanges(section: SettingSection, a: unknown, b: unknown): RunChange[] {
  const before = leaves(a, '', new Map());
  const after = leaves(b, '', new Map());
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.flatMap((key): RunChange[] => {
    const was = before.get(key) ?? 'default';
    const now = after.get(key) ?? 'default';
    return was === now ? [] : [{ kind: 'setting', section, key, before: was, after: now }];
  });
}

/** The data config without what is fitted from the data: it follows from the rest, and can be large. */
const dataSettings = (data: RunRecord['data']) => {
  if (data.kind === 'csv' || data.kind === 'sample') {
    const { fitted: _fitted, ...rest } = data;
    return rest;
  }
  return data;
};

/**
 * What changed from run `a` to run `b`: the graph's layers (by name), params, trainable flags and
 * edges, then the training, callback, fine-tune and data settings (the seed is a training setting).
 */
export function diffRuns(a: RunRecord, b: RunRecord): RunChange[] {
  return [
    ...diffGraphs(a.graph, b.graph),
    ...settingChanges('training', a.training, b.training),
    ...settingChanges('callbacks', a.callbacks, b.callbacks),
    ...settingChanges('fine-tune', a.fineTune, b.fineTune),
    ...settingChanges('data', dataSettings(a.data), dataSettings(b.data)),
  ];
}

const SECTION_PREFIX: Readonly<Record<SettingSection, string>> = { training: '', callbacks: 'callbacks ', 'fine-tune': 'fine-tune ', data: 'data ' };

/** A change in words: "conv2d_2: filters 32 -> 64", "layer dense_3 added", "optimizer adam -> sgd". */
export function describeChange(change: RunChange): string {
  switch (change.kind) {
    case 'layer-added':
      return `layer ${change.layer} added (${change.layerKind})`;
    case 'layer-removed':
      return `layer ${change.layer} removed (${change.layerKind})`;
    case 'layer-kind':
      return `${change.layer}: kind ${change.before} -> ${change.after}`;
    case 'param':
      return `${change.layer}: ${change.param} ${change.before} -> ${change.after}`;
    case 'trainable':
      return `${change.layer}: ${change.trainable ? 'unfrozen' : 'frozen'}`;
    case 'edge-added':
      return `connection ${change.from} -> ${change.to} added`;
    case 'edge-removed':
      return `connection ${change.from} -> ${change.to} removed`;
    case 'setting':
      return `${SECTION_PREFIX[change.section]}${change.key} ${change.before} -> ${change.after}`;
    default:
      return assertNever(change, 'run change');
  }
}
