import { layerSpec } from '../layers/registry';
import type { LayerFix } from '../layers/layer-spec';
import { paramProblem } from '../layers/validate-params';
import type { Diagnostic, Fix } from '../graph/diagnostics';
import { diagnostic } from '../graph/diagnostics';
import { isValidLayerName } from '../graph/names';
import { sizeDiagnostics } from '../graph/size-limits';
import { topoSort } from '../graph/topo';
import type { Edge, Graph, LayerNode, ParamCount, Shape } from '../graph/types';

/** What analysis found for one layer. */
export interface NodeAnalysis {
  /** Output shape, or null when it cannot be known (this layer or one upstream has an error). */
  readonly shape: Shape | null;
  readonly params: ParamCount;
  /** Source node id per input slot, in slot order. */
  readonly inputs: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Everything the editor, summary, compiler and trainer need to know about a graph. */
export interface Analysis {
  /** Topological order of the nodes not on a cycle. */
  readonly order: readonly string[];
  readonly nodes: Readonly<Record<string, NodeAnalysis>>;
  /** Input layer ids, in graph order. */
  readonly inputs: readonly string[];
  /** Output layer ids (consumed by nothing, reachable from an Input), in graph order. */
  readonly outputs: readonly string[];
  readonly total: ParamCount;
  readonly diagnostics: readonly Diagnostic[];
  /** True when any diagnostic is an error: the model cannot be compiled or trained. */
  readonly hasErrors: boolean;
}

const ZERO: ParamCount = { trainable: 0, nonTrainable: 0 };

function withIds(fix: LayerFix | undefined, node: LayerNode): Fix | undefined {
  if (fix === undefined) return undefined;
  return fix.kind === 'insert-layer' ? { ...fix, before: node.id } : { ...fix, nodeId: node.id };
}

function incomingBySlot(graph: Graph): Map<string, Edge[]> {
  const incoming = new Map<string, Edge[]>();
  for (const e of graph.edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e);
    else incoming.set(e.target, [e]);
  }
  for (const list of incoming.values()) list.sort((a, b) => a.targetSlot - b.targetSlot);
  return incoming;
}

function reachableFromInputs(graph: Graph): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set(graph.nodes.filter((n) => n.kind === 'Input').map((n) => n.id));
  const stack = [...seen];
  while (stack.length > 0) {
    for (const t of next.get(stack.pop() as string) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return seen;
}

/** Checks names and parameter values: problems that do not depend on the wiring. */
function staticChecks(graph: Graph, add: (node: LayerNode, d: Diagnostic) => void): void {
  const seen = new Map<string, LayerNode>();
  for (const node of graph.nodes) {
    if (!isValidLayerName(node.name)) {
      add(node, diagnostic('invalid-name', `"${node.name}" is not a valid layer name: use letters, digits and _, not starting with a digit`, node.id));
    } else if (seen.has(node.name)) {
      add(node, diagnostic('invalid-name', `Two layers are named "${node.name}"; layer names must be unique`, node.id));
    }
    seen.set(node.name, node);
    for (const [key, spec] of Object.entries(layerSpec(node.kind).params)) {
      const problem = paramProblem(spec, node.params[key]);
      if (problem !== null) add(node, diagnostic('invalid-param', `${node.name}: ${key} ${problem}`, node.id));
    }
  }
}

/**
 * Checks a graph and infers every layer's output shape and weight count, as Keras would build
 * it. Pure and linear in the size of the graph; problems come back as diagnostics on the node
 * that causes them, never as exceptions. A layer downstream of an error gets no shape and no
 * diagnostic of its own, so one mistake shows once.
 */
export function analyze(graph: Graph): Analysis {
  const perNode = new Map<string, Diagnostic[]>(graph.nodes.map((n) => [n.id, []]));
  const diagnostics: Diagnostic[] = [];
  const add = (node: LayerNode | undefined, d: Diagnostic) => {
    diagnostics.push(d);
    if (node) perNode.get(node.id)?.push(d);
  };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  staticChecks(graph, add);

  const inputs = graph.nodes.filter((n) => n.kind === 'Input');
  if (inputs.length === 0 && graph.nodes.length > 0) {
    add(undefined, diagnostic('no-input', 'The model has no Input layer: add one from the palette and connect it to the first layer'));
  }

  const { order, cycles } = topoSort(graph);
  for (const cycle of cycles) {
    const names = cycle.map((id) => byId.get(id)?.name ?? id).join(' -> ');
    for (const id of new Set(cycle)) add(byId.get(id), diagnostic('cycle', `The graph has a cycle through ${names}; remove one of these connections`, id));
  }

  const incoming = incomingBySlot(graph);
  const reachable = reachableFromInputs(graph);
  const feeds = new Set(graph.edges.map((e) => e.source));
  const shapes = new Map<string, Shape | null>();
  const counts = new Map<string, ParamCount>();
  const invalid = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.nodeId));
  const hasError = (id: string) => perNode.get(id)?.some((d) => d.severity === 'error') ?? false;

  const depth = new Map<string, number>();
  for (const id of order) {
    const node = byId.get(id) as LayerNode;
    const spec = layerSpec(node.kind);
    const edges = incoming.get(id) ?? [];
    depth.set(id, 1 + edges.reduce((d, e) => Math.max(d, depth.get(e.source) ?? 0), 0));
    shapes.set(id, null);
    if (edges.length > spec.arity.max) {
      const what = spec.arity.max === 0 ? 'no inputs' : spec.arity.max === 1 ? 'one input' : `at most ${spec.arity.max} inputs`;
      add(node, diagnostic('too-many-inputs', `${node.name} takes ${what} but has ${edges.length} connected`, id));
      continue;
    }
    if (edges.length < spec.arity.min) {
      const what = spec.arity.min === 1 ? 'an input' : `at least ${spec.arity.min} inputs`;
      add(node, diagnostic('missing-input', `${node.name} needs ${what}: connect a layer into it`, id));
      continue;
    }
    if (node.kind === 'Input' && !feeds.has(id) && graph.nodes.length > 1) {
      add(node, diagnostic('unused-input', `${node.name} feeds no layer: connect it to the first layer of the model`, id));
    } else if (node.kind !== 'Input' && !reachable.has(id)) {
      // A layer fed by a broken one is reported there, once.
      if (edges.some((e) => hasError(e.source))) continue;
      add(node, diagnostic('not-connected', `${node.name} is not connected to any Input, so no data reaches it`, id));
      continue;
    }
    const inputShapes = edges.map((e) => shapes.get(e.source) ?? null);
    if (invalid.has(id) || inputShapes.some((s) => s === null)) continue;
    const known = inputShapes as Shape[];
    const ctx = { name: node.name, inputClasses: edges.map((e) => layerSpec((byId.get(e.source) as LayerNode).kind).kerasClass) };
    const result = spec.inferShape(known, node.params, ctx);
    if (!result.ok) {
      add(node, diagnostic(result.problem.code, result.problem.message, id, withIds(result.problem.fix, node)));
      continue;
    }
    for (const w of result.warnings ?? []) add(node, diagnostic(w.code, w.message, id, withIds(w.fix, node)));
    shapes.set(id, result.shape);
    const count = spec.countParams(known, node.params, result.shape);
    // A frozen layer's weights all count as non-trainable, as tfjs and Keras count them.
    counts.set(id, node.trainable === false ? { trainable: 0, nonTrainable: count.trainable + count.nonTrainable } : count);
  }

  for (const d of sizeDiagnostics(graph.nodes, counts, depth)) add(d.nodeId === undefined ? undefined : byId.get(d.nodeId), d);

  const nodes: Record<string, NodeAnalysis> = {};
  let trainable = 0;
  let nonTrainable = 0;
  for (const node of graph.nodes) {
    const params = counts.get(node.id) ?? ZERO;
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
    nodes[node.id] = {
      shape: shapes.get(node.id) ?? null,
      params,
      inputs: (incoming.get(node.id) ?? []).map((e) => e.source),
      diagnostics: perNode.get(node.id) ?? [],
    };
  }
  const outputs = graph.nodes.filter((n) => n.kind !== 'Input' && !feeds.has(n.id) && reachable.has(n.id)).map((n) => n.id);
  return {
    order,
    nodes,
    inputs: inputs.map((n) => n.id),
    outputs,
    total: { trainable, nonTrainable },
    diagnostics,
    hasErrors: diagnostics.some((d) => d.severity === 'error'),
  };
}
