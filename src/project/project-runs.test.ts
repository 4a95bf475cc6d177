import { describe, expect, it } from 'vitest';
import { packWeights } from '../graph/inline-weights';
import { sampleRun } from '../runs/run-test-support';
import { emptyProject, parseProjectFile, serializeProject } from './project-file';
import { seedExample } from '../analysis/templates';

const project = () => ({ ...emptyProject('With runs'), graph: seedExample() });

describe('a project file with its run history', () => {
  it('round-trips runs, with and without packed weights, byte for byte', () => {
    const weightData = packWeights([{ name: 'dense_1/kernel', shape: [1, 2], values: new Float32Array([0.5, -1]) }]);
    const runs = [
      { ...sampleRun(), weightData },
      sampleRun({}, { id: 'r2', name: 'Run 2', status: 'failed', message: 'lost', weightBytes: undefined }),
      // A continued run: its epochs counted on from the fourth.
      sampleRun({}, { id: 'r3', name: 'Run 3', initialEpoch: 3 }),
    ];
    const text = serializeProject({ ...project(), runs });
    const read = parseProjectFile(text);
    expect(read.runs).toEqual(runs);
    expect(serializeProject(read)).toBe(text);
    expect(read.runs?.[2]?.initialEpoch).toBe(3);
  });

  it('leaves the field out when there are no runs to save, and reads files without it', () => {
    const text = serializeProject(project());
    expect(text).not.toContain('"runs"');
    expect(parseProjectFile(text)).not.toHaveProperty('runs');
  });

  it('refuses a run whose fields or graph are bad, naming the field', () => {
    const doc = JSON.parse(serializeProject({ ...project(), runs: [sampleRun()] })) as { runs: Record<string, unknown>[] };
    const badStatus = { ...doc, runs: [{ ...doc.runs[0], status: 'great' }] };
    expect(() => parseProjectFile(JSON.stringify(badStatus), 'p.netloom.json')).toThrow(/runs\[0\]\.status/);
    const graph = doc.runs[0]?.graph as { nodes: { kind: string }[]; edges: unknown[] };
    const badGraph = { ...doc, runs: [{ ...doc.runs[0], graph: { ...graph, nodes: [{ ...graph.nodes[0], kind: 'Nope' }] } }] };
    expect(() => parseProjectFile(JSON.stringify(badGraph))).toThrow(/Nope/);
  });
});
