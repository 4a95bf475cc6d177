import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { cutAfter } from '../analysis/surgery';
import { digitsCnn } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { attachHeadForData } from './head';
import type { DataSignature } from './wiring';
import { dataDiagnostics } from './wiring';

const byName = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name)?.id ?? '';
const digits: DataSignature = { featureShape: [28, 28, 1], task: 'classification', classes: 10, encoding: 'onehot' };
const binary: DataSignature = { featureShape: [28, 28, 1], task: 'classification', classes: 2, encoding: 'binary' };

const dense = (graph: Graph) => graph.nodes.find((n) => n.name === 'head_dense')?.params;

describe('attach a head for the data', () => {
  it('sizes the Dense for the classes, with the loss for them, and the data then fits', () => {
    const cnn = digitsCnn(3);
    const result = attachHeadForData(cnn, analyze(cnn), byName(cnn, 'max_pooling2d_2'), digits);
    if (!result.ok) throw new Error(result.reason);
    expect(dense(result.graph)).toMatchObject({ units: 10, activation: 'softmax' });
    expect(result.loss).toBe('categorical_crossentropy');
    const g = result.graph;
    expect(dataDiagnostics(g, analyze(g), digits)).toEqual([]);
  });

  it('uses Dense(1, sigmoid) for a binary target', () => {
    const cnn = digitsCnn();
    const result = attachHeadForData(cnn, analyze(cnn), byName(cnn, 'conv2d_2'), binary);
    if (!result.ok) throw new Error(result.reason);
    expect(dense(result.graph)).toMatchObject({ units: 1, activation: 'sigmoid' });
    expect(result.loss).toBe('binary_crossentropy');
  });

  it('without data keeps the classes of the output it replaces, and asks for data when there is none', () => {
    const cnn = digitsCnn(7);
    const result = attachHeadForData(cnn, analyze(cnn), byName(cnn, 'max_pooling2d_2'), null);
    if (!result.ok) throw new Error(result.reason);
    expect(dense(result.graph)).toMatchObject({ units: 7, activation: 'softmax' });
    expect(result.loss).toBeNull();
    const cut = cutAfter(cnn, byName(cnn, 'max_pooling2d_2'));
    if (!cut.ok) throw new Error(cut.reason);
    expect(attachHeadForData(cut.graph, analyze(cut.graph), byName(cnn, 'max_pooling2d_2'), null)).toEqual({
      ok: false,
      reason: 'Load data first (the Data tab): the new head is sized for the classes of the data',
    });
  });

  it('passes on why a head cannot go there', () => {
    const b = new GraphBuilder();
    const conv = b.add('Conv3D', { filters: 2, kernel_size: [3, 3, 3] }, b.input([4, 4, 4, 1]));
    const result = attachHeadForData(b.graph, analyze(b.graph), conv, digits);
    expect(result.ok).toBe(false);
  });
});
