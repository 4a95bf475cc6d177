import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { trainReadiness } from '../analysis/readiness';
import { digitsCnn, seedExample } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { withDataDiagnostics } from './data-analysis';
import { wireModel } from './wiring';
import type { DataSignature } from './wiring';

const IRIS: DataSignature = { featureShape: [4], task: 'classification', classes: 3, encoding: 'onehot' };

/** What the data-fit verdict and the Train button read: readiness over the analysis with the data's problems. */
const verdict = (graph: Graph) => trainReadiness(graph, withDataDiagnostics(graph, analyze(graph), IRIS));
const codes = (graph: Graph) => verdict(graph).problems.map((d) => d.code);
const fitted = (graph: Graph) => wireModel(graph, analyze(graph), IRIS);

describe('withDataDiagnostics + trainReadiness on Iris', () => {
  it('passes the seed model, before and after fitting it', () => {
    expect(verdict(seedExample()).ready).toBe(true);
    expect(verdict(fitted(seedExample(13, 2))).ready).toBe(true);
  });

  it('puts the data problems on their nodes and into the list', () => {
    const graph = seedExample(13, 2);
    const analysis = withDataDiagnostics(graph, analyze(graph), IRIS);
    const input = graph.nodes.find((n) => n.kind === 'Input')?.id ?? '';
    expect(analysis.hasErrors).toBe(true);
    expect(analysis.nodes[input]?.diagnostics.map((d) => d.code)).toEqual(['data-input-mismatch']);
    expect(codes(graph)).toEqual(['data-input-mismatch', 'data-output-mismatch']);
  });

  it('never passes an empty canvas or an Input alone, fitted or not', () => {
    const b = new GraphBuilder();
    b.input([4]);
    expect(codes({ nodes: [], edges: [] })).toEqual(['empty-model']);
    expect(codes(fitted({ nodes: [], edges: [] }))).toEqual(['empty-model']);
    expect(codes(b.graph)).toEqual(['no-output']);
    expect(codes(fitted(b.graph))).toEqual(['no-output']);
  });

  it('does not pass the CNN template fitted to Iris: its first Conv2D cannot take a row of 4', () => {
    const cnn = digitsCnn();
    expect(codes(cnn)).toEqual(['data-input-mismatch', 'data-output-mismatch']);
    const after = fitted(cnn);
    expect(codes(after)).toEqual(['wrong-rank']);
    expect(verdict(after).problems[0]?.nodeId).toBe(after.nodes.find((n) => n.name === 'conv2d_1')?.id);
  });
});
