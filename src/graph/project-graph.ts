import { z } from 'zod';
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { isLayerKind, layerSpec } from '../layers/registry';
import type { ParamSpec } from '../layers/params';
import type { Edge, Graph, LayerNode, ParamValue } from './types';

const paramValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.number()), z.null()]);

/** The graph as a project file stores it; kinds and params are checked against the registry after. */
export const graphFileSchema = z.strictObject({
  nodes: z.array(
    z.strictObject({
      id: z.string().min(1),
      kind: z.string(),
      name: z.string(),
      params: z.record(z.string(), paramValueSchema),
      position: z.strictObject({ x: z.number(), y: z.number() }),
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
});

type GraphFile = z.infer<typeof graphFileSchema>;

/**
 * Why `value` is not of the type `spec` describes, or undefined when it is. Only the type is
 * checked: ranges, option lists and tuple lengths are user-fixable, so the analysis reports them
 * as diagnostics on the node instead of refusing the whole file.
 */
function typeProblem(spec: ParamSpec, value: ParamValue): string | undefined {
  switch (spec.type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'a whole number';
    case 'float':
      return typeof value === 'number' ? undefined : 'a number';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'choice':
      return typeof value === 'string' ? undefined : 'a string';
    case 'ints':
      if (value === null) return spec.nullable ? undefined : 'a list of whole numbers';
      return Array.isArray(value) && value.every((n) => Number.isInteger(n)) ? undefined : 'a list of whole numbers';
    default:
      return assertNever(spec, 'param spec');
  }
}

function checkNode(node: GraphFile['nodes'][number], index: number): LayerNode {
  const where = `graph.nodes[${index}]`;
  if (!isLayerKind(node.kind)) throw new UserFileError(`${where} has unknown layer kind "${node.kind}"`);
  const specs = layerSpec(node.kind).params;
  const params: Record<string, ParamValue> = {};
  for (const key of Object.keys(node.params)) {
    if (!Object.hasOwn(specs, key)) throw new UserFileError(`${where} (${node.name}): ${node.kind} has no parameter "${key}"`);
  }
  // Parameters a newer layer spec added are missing from older files: they take their defaults.
  for (const [key, spec] of Object.entries(specs)) {
    const value = node.params[key] ?? (Object.hasOwn(node.params, key) ? null : spec.default);
    const problem = typeProblem(spec, value);
    if (problem) {
      throw new UserFileError(`${where} (${node.name}): parameter "${key}" should be ${problem}, not ${JSON.stringify(value)}`);
    }
    params[key] = value;
  }
  return { ...node, kind: node.kind, params };
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
  return { nodes, edges };
}
