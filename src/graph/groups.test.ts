import { describe, expect, it } from 'vitest';
import { contractCollapsed, groupOutput, groupPorts, groupProblem, memberIds, pruneGroups, setGroupCollapsed, shownIds, ungroup, withGroups } from './groups';
import type { Graph, LayerNode, NodeGroup } from './types';

const node = (id: string, y: number, x = 0): LayerNode => ({ id, kind: 'Dense', name: id, params: {}, position: { x, y } });
const edge = (source: string, target: string, targetSlot = 0) => ({ id: `${source}>${target}`, source, target, targetSlot });
const group = (members: string[], collapsed = true): NodeGroup => ({ id: 'g', title: 'Block', kind: 'Group', members, collapsed });

/** in -> a -> b -> out, with a skip in -> b: a and b in group g; `side` sits beside the group. */
function sample(collapsed = true): Graph {
  return {
    nodes: [node('in', 0), node('a', 120), node('b', 240), node('out', 360), node('side', 240, 600)],
    edges: [edge('in', 'a'), edge('a', 'b'), edge('in', 'b', 1), edge('b', 'out')],
    groups: [group(['a', 'b'], collapsed)],
  };
}

describe('group bookkeeping', () => {
  it('drops members that are gone and groups left empty, and keeps the graph object when nothing changed', () => {
    const g = sample();
    expect(pruneGroups(g)).toBe(g);
    const oneLeft = pruneGroups({ ...g, nodes: g.nodes.filter((n) => n.id !== 'a') });
    expect(oneLeft.groups).toEqual([expect.objectContaining({ members: ['b'] })]);
    const none = pruneGroups({ ...g, nodes: g.nodes.filter((n) => n.id !== 'a' && n.id !== 'b') });
    expect(none).not.toHaveProperty('groups');
  });

  it('says why layers cannot form a group', () => {
    const g = sample();
    expect(groupProblem(g, 'g2', ['in', 'out'])).toBeNull();
    expect(groupProblem(g, 'g2', [])).toBe('a group needs at least one layer');
    expect(groupProblem(g, 'g2', ['nope'])).toBe('"nope" is not a layer of this graph');
    expect(groupProblem(g, 'g2', ['a'])).toBe('a is already in the group Block');
    expect(groupProblem(g, 'in', ['out'])).toBe('the id "in" is already used');
    expect(groupProblem(g, 'g', ['out'])).toBe('the id "g" is already used');
    expect(groupProblem(g, 'g2', ['out', 'out'])).toBe('a layer is listed twice');
  });

  it('stands a group id for its members, and a hidden member for its collapsed group', () => {
    const g = sample();
    expect(memberIds(g, ['in', 'g', 'a'])).toEqual(['in', 'a', 'b']);
    expect(shownIds(g, ['in', 'a', 'b'])).toEqual(['in', 'g']);
    expect(shownIds(sample(false), ['in', 'a'])).toEqual(['in', 'a']);
  });

  it('finds the edges into and out of a group and its one output', () => {
    const g = sample();
    const ports = groupPorts(g, group(['a', 'b']));
    expect(ports.incoming.map((e) => e.id)).toEqual(['in>a', 'in>b']);
    expect(ports.outgoing.map((e) => e.id)).toEqual(['b>out']);
    expect(ports.outputs).toEqual(['b']);
    expect(groupOutput(g, group(['a', 'b']))).toBe('b');
    // Two layers whose outputs both leave: no single output.
    expect(groupOutput(g, group(['in', 'a']))).toBeUndefined();
  });

  it('ungroups without touching layers, and writes no groups key when none are left', () => {
    const g = sample();
    const plain = ungroup(g, 'g');
    expect(plain).toEqual({ nodes: g.nodes, edges: g.edges });
    expect(ungroup(g, 'unknown')).toBe(g);
    expect(withGroups(plain, [])).not.toHaveProperty('groups');
  });

  it('makes room below a group when it expands and takes it back when it collapses', () => {
    const collapsed = sample(true);
    const expanded = setGroupCollapsed(collapsed, 'g', false);
    expect(expanded.groups?.[0]?.collapsed).toBe(false);
    const y = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)?.position.y;
    // The group spans 120 px of rows (a at 120, b at 240): out moves down by that; side is in another column.
    expect([y(expanded, 'in'), y(expanded, 'a'), y(expanded, 'b'), y(expanded, 'out'), y(expanded, 'side')]).toEqual([0, 120, 240, 480, 240]);
    expect(expanded.edges).toBe(collapsed.edges);
    expect(expanded.nodes.map((n) => n.params)).toEqual(collapsed.nodes.map((n) => n.params));
    expect(setGroupCollapsed(expanded, 'g', true)).toEqual(collapsed);
    expect(setGroupCollapsed(collapsed, 'g', true)).toBe(collapsed);
  });

  it('contracts a collapsed group to one stand-in node for layout', () => {
    const { graph, inner } = contractCollapsed(sample());
    expect(graph.nodes.map((n) => n.id)).toEqual(['in', 'g', 'out', 'side']);
    expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
      ['in', 'g'],
      ['in', 'g'],
      ['g', 'out'],
    ]);
    expect(inner.get('g')?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(inner.get('g')?.edges.map((e) => e.id)).toEqual(['a>b']);
    expect(contractCollapsed(sample(false)).inner.size).toBe(0);
  });
});
