import { newId } from '../lib/ids';
import type { LayerKind } from '../graph/layer-kinds';
import { groupProblem, groupsOf, withGroups } from '../graph/groups';
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import { uniqueLayerName } from '../graph/names';
import { invariant } from '../lib/invariant';
import type { Dim, Edge, Graph, LayerNode, NodeGroup, ParamValue, Position } from '../graph/types';

/**
 * Builds graphs in code the way the Keras functional API reads:
 * `const x = b.input([4]); const y = b.add('Dense', {units: 3}, x)`. Used by templates, blocks,
 * tests and benchmarks; names follow Keras (`dense_1`), positions stack top to bottom. Given a
 * graph, it carries on from it (its layers, names and groups kept).
 */
export class GraphBuilder {
  private readonly nodes: LayerNode[];
  private readonly edges: Edge[];
  private readonly groups: NodeGroup[];
  private readonly names: Set<string>;

  constructor(start: Graph = { nodes: [], edges: [] }) {
    this.nodes = [...start.nodes];
    this.edges = [...start.edges];
    this.groups = [...groupsOf(start)];
    this.names = new Set(start.nodes.map((n) => n.name));
  }

  /** Adds an Input layer with the given sample shape; returns its id. */
  input(shape: readonly Dim[], name?: string): string {
    return this.rename(this.add('Input', { shape }), name);
  }

  /** Adds a layer fed by `inputs` (in slot order); unspecified params take their defaults. */
  add(kind: LayerKind, params: Readonly<Record<string, ParamValue>> = {}, ...inputs: string[]): string {
    const name = uniqueLayerName(kind, this.names);
    this.names.add(name);
    const id = newId('node');
    const full = { ...defaultParams(layerSpec(kind).params), ...params };
    this.nodes.push({ id, kind, name, params: full, position: { x: 0, y: this.nodes.length * 120 } });
    inputs.forEach((source, targetSlot) => this.edges.push({ id: newId('edge'), source, target: id, targetSlot }));
    return id;
  }

  /** Gives the layer `id` a chosen name (assumed valid and unused). */
  rename(id: string, name: string | undefined): string {
    if (name === undefined) return id;
    const i = this.nodes.findIndex((n) => n.id === id);
    const node = this.nodes[i];
    if (node) {
      this.names.delete(node.name);
      this.names.add(name);
      this.nodes[i] = { ...node, name };
    }
    return id;
  }

  /** True when a layer already has `name`. */
  hasName(name: string): boolean {
    return this.names.has(name);
  }

  /** Moves the layer `id` on the canvas. */
  place(id: string, position: Position): string {
    const i = this.nodes.findIndex((n) => n.id === id);
    const node = this.nodes[i];
    if (node) this.nodes[i] = { ...node, position };
    return id;
  }

  /** Adds a chain of layers after `from`; returns the last id. */
  chain(from: string, ...layers: readonly [LayerKind, Readonly<Record<string, ParamValue>>?][]): string {
    return layers.reduce((prev, [kind, params]) => this.add(kind, params ?? {}, prev), from);
  }

  /** Groups layers already added (none of them in a group yet) under `title`; returns the group's id. */
  group(title: string, kind: string, members: readonly string[], collapsed = true): string {
    const id = newId('group');
    const problem = groupProblem(this.graph, id, members);
    invariant(problem === null, `cannot group: ${problem ?? ''}`);
    this.groups.push({ id, title, kind, members: [...members], collapsed });
    return id;
  }

  /** The graph built so far. */
  get graph(): Graph {
    return withGroups({ nodes: [...this.nodes], edges: [...this.edges] }, [...this.groups]);
  }
}
