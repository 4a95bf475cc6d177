/**
 * Which of a graph's groups the Keras script writes as nested models: a group of kind `Model`
 * (layers grouped from a selection, docs/groups.md) whose layers take one tensor from outside and
 * give one tensor to the outside becomes `keras.Model(...)` of its own, called once in the outer
 * model, as Keras's transfer-learning guide nests a base model. Every other group stays flat.
 */
import type { Analysis } from '../analysis/analyze';
import { MODEL_GROUP_KIND } from '../graph/group-selection';
import { groupsOf } from '../graph/groups';
import { reachable } from '../graph/reach';
import type { Graph, NodeGroup } from '../graph/types';
import { pyIdentifier } from './keras-python-util';

/** A group the script writes as a nested functional model, with the Python names it uses. */
export interface NestedModel {
  readonly group: NodeGroup;
  /** The nested model's variable, also its Keras layer name: a Python identifier no layer uses. */
  readonly variable: string;
  /** Its `keras.Input`, standing for the tensor it takes from outside. */
  readonly inputVariable: string;
  /** The outer model's tensor that the nested model's call gives. */
  readonly outputVariable: string;
  /** Its layers in the model's (topological) order. */
  readonly members: readonly string[];
  /** The layer outside the group whose output the nested model takes. */
  readonly source: string;
  /** The member whose output leaves the group (or is a model output). */
  readonly output: string;
  /** How many of its members are frozen: all (the whole model is frozen, as the guide does), some, or none. */
  readonly frozen: 'all' | 'some' | 'none';
}

/** The nested models of a script, and the `Model` groups that stay flat with why. */
export interface NestedModelPlan {
  readonly models: readonly NestedModel[];
  readonly flat: readonly { readonly group: NodeGroup; readonly reason: string }[];
}

/** The one tensor in and the one tensor out of a group, or why it has not exactly one of each. */
export type GroupBoundary = { ok: true; source: string; output: string; members: string[] } | { ok: false; reason: string };

/**
 * Where `group` meets the rest of the model: it must take exactly one layer's output from outside
 * (so it holds no Input of its own), give exactly one member's output to the outside (an edge out,
 * or a model output), and its source must not depend on the group, or it could not be called as
 * one layer.
 */
export function groupBoundary(graph: Graph, analysis: Analysis, group: NodeGroup): GroupBoundary {
  const inside = new Set(group.members);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const name = (id: string) => names.get(id) ?? id;
  const members = analysis.order.filter((id) => inside.has(id));
  if (members.length !== inside.size) return { ok: false, reason: 'some of its layers are not connected to an input' };
  const input = graph.nodes.find((n) => inside.has(n.id) && n.kind === 'Input');
  if (input) return { ok: false, reason: `it holds the model input ${input.name}, and a nested model is called on a tensor from outside` };
  const sources = new Set(graph.edges.filter((e) => inside.has(e.target) && !inside.has(e.source)).map((e) => e.source));
  if (sources.size !== 1)
    return { ok: false, reason: `its layers take ${sources.size} tensors from outside (${[...sources].map(name).join(', ')}), and it needs exactly one` };
  const outputs = new Set([
    ...graph.edges.filter((e) => inside.has(e.source) && !inside.has(e.target)).map((e) => e.source),
    ...analysis.outputs.filter((id) => inside.has(id)),
  ]);
  if (outputs.size !== 1)
    return { ok: false, reason: `${outputs.size} of its layers give tensors to the outside (${[...outputs].map(name).join(', ')}), and it needs exactly one` };
  const source = [...sources][0] as string;
  const output = [...outputs][0] as string;
  if (members.some((m) => reachable(graph, m, 'down').has(source))) {
    return { ok: false, reason: `${name(source)}, which feeds it, depends on its own layers` };
  }
  return { ok: true, source, output, members };
}

/**
 * The nested models of `graph`'s script. `taken` holds every name the script already uses (layer
 * names and variables, the script's own names); each nested model gets names outside it, so its
 * Keras name is a unique layer name and its variables shadow nothing.
 */
export function nestedModelPlan(graph: Graph, analysis: Analysis, taken: ReadonlySet<string>): NestedModelPlan {
  const used = new Set(taken);
  const fresh = (base: string) => {
    let name = base;
    for (let n = 1; used.has(name); n += 1) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
  const frozen = new Set(graph.nodes.filter((n) => n.trainable === false).map((n) => n.id));
  const models: NestedModel[] = [];
  const flat: { group: NodeGroup; reason: string }[] = [];
  for (const group of groupsOf(graph)) {
    if (group.kind !== MODEL_GROUP_KIND) continue;
    const boundary = groupBoundary(graph, analysis, group);
    if (!boundary.ok) {
      flat.push({ group, reason: boundary.reason });
      continue;
    }
    const variable = fresh(pyIdentifier(group.title));
    const count = boundary.members.filter((m) => frozen.has(m)).length;
    models.push({
      group,
      variable,
      inputVariable: fresh(`${variable}_input`),
      outputVariable: fresh(`${variable}_output`),
      members: boundary.members,
      source: boundary.source,
      output: boundary.output,
      frozen: count === 0 ? 'none' : count === boundary.members.length ? 'all' : 'some',
    });
  }
  return { models, flat };
}
