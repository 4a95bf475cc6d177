import { z } from '../lib/zod';
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { isLayerKind, layerSpec } from '../layers/registry';
import type { ParamSpec } from '../layers/params';
import type { LayerKind } from '../graph/layer-kinds';
import { withGroups } from '../graph/groups';
import type { Edge, Graph, LayerNode, NodeGroup, ParamValue, Params, WrappedLayer } from '../graph/types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The graph as a project file stores it; kinds and params are checked against the registry after. */
export const graphFileSchema = z.strictObject({
  nodes: z.array(
    z.strictObject({
      id: z.string().min(1),
      kind: z.string(),
      name: z.string(),
      // Each value is checked against its layer's spec below, where the message can say what was
      // expected. Taken as parsed rather than through z.record, which silently drops a
      // "__proto__" key (it never copies one), so that key is refused like any unknown one.
      params: z.custom<Record<string, unknown>>(isObject, { error: 'expected an object of parameters' }),
      position: z.strictObject({ x: z.number(), y: z.number() }),
      trainable: z.boolean().optional(),
    }),
  ),
  edges: z.array(
    z.strictObject({
      id: z.string().min(1),
      source: z.string(),
      target: z.string(),
      targetSlot: z.number().int().min(0),
    }),
  ),
  // Added within version 4 without a bump: optional, and a file without it means what it meant
  // (docs/groups.md). Groups only say how the canvas draws layers; the model never reads them.
  groups: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: z.string().min(1).max(80),
        kind: z.string().min(1).max(80),
        members: z.array(z.string()).min(1),
        collapsed: z.boolean(),
      }),
    )
    .optional(),
});

type GraphFile = z.infer<typeof graphFileSchema>;

const isWhole = (n: unknown) => typeof n === 'number' && Number.isInteger(n);
const isFiniteNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const isWrapped = (v: unknown): v is RawWrapped => isObject(v) && typeof v.kind === 'string' && isObject(v.params);

/** A value as a message shows it: short, and `Infinity` rather than JSON's `null` for 1e400. */
function shown(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Why `value` is not of the type `spec` describes, or undefined when it is. Only the type is
 * checked: ranges, option lists and tuple lengths are user-fixable, so the analysis reports them
 * as diagnostics on the node instead of refusing the whole file.
 */
function typeProblem(spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.type) {
    // A fraction where a whole number belongs is the user's to fix: the analysis says so on the node.
    case 'int':
    case 'float':
      return isFiniteNumber(value) || (value === null && spec.nullable) ? undefined : spec.type === 'int' ? 'a whole number' : 'a number';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'choice':
      return typeof value === 'string' ? undefined : 'a string';
    case 'ints':
      if (value === null) return spec.nullable ? undefined : 'a list of whole numbers';
      return Array.isArray(value) && value.every((n) => isWhole(n) || (n === null && spec.noneDims))
        ? undefined
        : `a list of whole numbers${spec.noneDims ? ' (null for an unknown size)' : ''}`;
    case 'pairs':
      return Array.isArray(value) && value.every((p) => Array.isArray(p) && p.every(isWhole)) ? undefined : 'a list of (before, after) pairs';
    case 'layer':
      return isWrapped(value) ? undefined : 'a layer {"kind": ..., "params": {...}}';
    case 'layers':
      return Array.isArray(value) && value.length > 0 && value.every(isWrapped) ? undefined : 'a list of layers {"kind": ..., "params": {...}}';
    default:
      return assertNever(spec, 'param spec');
  }
}

/** The params of a layer (or of a layer wrapped inside one), each of its spec's type; missing ones defaulted. */
function checkParams(kind: LayerKind, raw: Readonly<Record<string, unknown>>, where: string): Params {
  const specs = layerSpec(kind).params;
  const params: Record<string, ParamValue> = {};
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(specs, key)) throw new UserFileError(`${where}: ${kind} has no parameter "${key}"`);
  }
  // Parameters a newer layer spec added are missing from older files: they take their defaults.
  for (const [key, spec] of Object.entries(specs)) {
    const value = raw[key] ?? (Object.hasOwn(raw, key) ? null : spec.default);
    const problem = typeProblem(spec, value);
    if (problem) throw new UserFileError(`${where}: parameter "${key}" should be ${problem}, not ${shown(value)}`);
    if (spec.type === 'layer') params[key] = checkWrapped(value as RawWrapped, where, key);
    else if (spec.type === 'layers') params[key] = (value as RawWrapped[]).map((v, i) => checkWrapped(v, where, `${key}[${i}]`));
    else params[key] = value as ParamValue;
  }
  return params;
}

type RawWrapped = { kind: string; params: Record<string, unknown> };

/** A wrapped layer (`key` names it, `cell[1]` in a list) of a known kind, its params checked as a node's are. */
function checkWrapped(inner: RawWrapped, where: string, key: string): WrappedLayer {
  if (!isLayerKind(inner.kind)) throw new UserFileError(`${where}: parameter "${key}" wraps unknown layer kind "${inner.kind}"`);
  return { kind: inner.kind, params: checkParams(inner.kind, inner.params, `${where} ${key}`) };
}

function checkNode(node: GraphFile['nodes'][number], index: number): LayerNode {
  const where = `graph.nodes[${index}]`;
  if (!isLayerKind(node.kind)) throw new UserFileError(`${where} has unknown layer kind "${node.kind}"`);
  const { trainable, ...rest } = node;
  return {
    ...rest,
    kind: node.kind,
    params: checkParams(node.kind, node.params as Record<string, unknown>, `${where} (${node.name})`),
    ...(trainable === false ? { trainable: false } : {}),
  };
}

/**
 * The graph of a project file, checked beyond its JSON shape: known layer kinds, parameters of the
 * right types (unknown ones refused, missing ones defaulted), unique ids, edges between existing
 * nodes. Throws UserFileError (without a file name).
 */
export function graphFromFile(file: GraphFile): Graph {
  const nodes = file.nodes.map(checkNode);
  const ids = new Set<string>();
  for (const [i, node] of nodes.entries()) {
    if (ids.has(node.id)) throw new UserFileError(`graph.nodes[${i}] reuses the id "${node.id}"`);
    ids.add(node.id);
  }
  const edgeIds = new Set<string>();
  const edges: Edge[] = file.edges.map((edge, i) => {
    const where = `graph.edges[${i}]`;
    if (edgeIds.has(edge.id)) throw new UserFileError(`${where} reuses the id "${edge.id}"`);
    edgeIds.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!ids.has(edge[end])) throw new UserFileError(`${where} has ${end} "${edge[end]}", which is not a node`);
    }
    return edge;
  });
  return withGroups({ nodes, edges }, checkGroups(file.groups ?? [], ids));
}

/** Groups whose ids are new (to nodes too: the canvas draws a group as a node) and whose members are distinct, ungrouped nodes. */
function checkGroups(groups: NonNullable<GraphFile['groups']>, nodeIds: ReadonlySet<string>): NodeGroup[] {
  const taken = new Set(nodeIds);
  const owner = new Map<string, string>();
  return groups.map((group, i) => {
    const where = `graph.groups[${i}]`;
    if (taken.has(group.id)) throw new UserFileError(`${where} reuses the id "${group.id}"`);
    taken.add(group.id);
    for (const member of group.members) {
      if (!nodeIds.has(member)) throw new UserFileError(`${where} (${group.title}) lists "${member}", which is not a node`);
      const other = owner.get(member);
      if (other !== undefined) throw new UserFileError(`${where} (${group.title}) lists "${member}", which is already in the group "${other}"`);
      owner.set(member, group.id);
    }
    return group;
  });
}
