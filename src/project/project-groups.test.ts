import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { addTransformerEncoder } from '../analysis/transformer-encoder';
import { setGroupCollapsed } from '../graph/groups';
import { emptyProject, parseProjectFile, serializeProject, type Project } from './project-file';

function transformerProject(): { project: Project; group: string; members: readonly string[] } {
  const b = new GraphBuilder();
  const embedding = b.add('Embedding', { input_dim: 5000, output_dim: 32 }, b.input([100]));
  const block = addTransformerEncoder(b, embedding);
  b.chain(block.output, ['GlobalAveragePooling1D'], ['Dense', { units: 2, activation: 'softmax' }]);
  return { project: { ...emptyProject('Transformer'), graph: b.graph }, group: block.group, members: block.members };
}

/** The graph of a project file as JSON. */
type FileGraph = { nodes: { id: string }[]; groups: Record<string, unknown>[] };

/** The project's file with one change to its parsed JSON, as text. */
function edited(change: (graph: FileGraph) => void): string {
  const doc = JSON.parse(serializeProject(transformerProject().project)) as { graph: FileGraph };
  change(doc.graph);
  return JSON.stringify(doc);
}

describe('groups in the project file', () => {
  it('round-trips groups, collapsed or not, byte for byte', () => {
    const { project, group } = transformerProject();
    const text = serializeProject(project);
    expect(parseProjectFile(text)).toEqual(project);
    expect(serializeProject(parseProjectFile(text))).toBe(text);
    const open = { ...project, graph: setGroupCollapsed(project.graph, group, false) };
    expect(parseProjectFile(serializeProject(open)).graph.groups?.[0]?.collapsed).toBe(false);
  });

  it('writes the group after the edges, in a fixed key order, and no groups key without groups', () => {
    const { project, group, members } = transformerProject();
    const doc = JSON.parse(serializeProject(project)) as { graph: Record<string, unknown> };
    expect(Object.keys(doc.graph)).toEqual(['nodes', 'edges', 'groups']);
    expect(doc.graph.groups).toEqual([{ id: group, title: 'TransformerEncoder', kind: 'TransformerEncoder', members, collapsed: true }]);
    const { groups: _groups, ...plain } = project.graph;
    expect(serializeProject({ ...project, graph: plain })).not.toContain('"groups"');
  });

  it.each([
    ['a member that is not a node', (g: FileGraph) => (g.groups[0] = { ...g.groups[0], members: ['ghost'] }), /lists "ghost", which is not a node/],
    [
      'a layer in two groups',
      (g: FileGraph) => g.groups.push({ ...g.groups[0], id: 'other' }),
      /graph.groups\[1\] \(TransformerEncoder\) lists ".*", which is already in the group/,
    ],
    ['a group id a node has', (g: FileGraph) => (g.groups[0] = { ...g.groups[0], id: g.nodes[0]?.id }), /graph.groups\[0\] reuses the id/],
    ['no members', (g: FileGraph) => (g.groups[0] = { ...g.groups[0], members: [] }), /graph.groups\[0\].members: too small/],
    ['an unknown field', (g: FileGraph) => (g.groups[0] = { ...g.groups[0], colour: 'red' }), /colour/],
  ])('refuses %s with a message naming it', (_what, change, message) => {
    expect(() => parseProjectFile(edited(change))).toThrow(message);
  });
});
