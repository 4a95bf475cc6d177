import { describe, expect, it } from 'vitest';
import { dataDiagnostics, wireModel } from '../data/wiring';
import type { DataSignature } from '../data/wiring';
import { analyze } from './analyze';
import { TEMPLATES, lstmTextClassifier, transformerTextClassifier } from './templates';

/** The first-names sample: 15 character ids from a vocabulary of 28, two classes one-hot. */
const names: DataSignature = { featureShape: [15], task: 'classification', classes: 2, encoding: 'onehot', text: { column: 'name', vocabularySize: 28 } };

describe('templates', () => {
  it('every template but the blank one analyses without errors', () => {
    for (const t of TEMPLATES.filter((t) => t.id !== 'blank')) expect(analyze(t.build()).hasErrors, t.id).toBe(false);
  });

  it('the Transformer classifier is the Keras example: shapes and the parameter count Keras reports', () => {
    const g = transformerTextClassifier(5000, 100, 2, 32);
    const a = analyze(g);
    const byKind = (kind: string) => g.nodes.filter((n) => n.kind === kind).map((n) => a.nodes[n.id]?.shape);
    expect(byKind('MultiHeadAttention')).toEqual([[null, 100, 32]]);
    expect(byKind('Add')).toHaveLength(2);
    expect(byKind('Dense').at(-1)).toEqual([null, 2]);
    // (5000 + 100) * 32 embeddings; attention 3 * (32*2*16 + 2*16) + 2*16*32 + 32; two norms 2 * 64;
    // feed-forward 32*64 + 64 + 64*32 + 32; head 32*2 + 2.
    expect(a.total).toEqual({ trainable: 163_200 + 4_224 + 128 + 2_112 + 2_080 + 66, nonTrainable: 0 });
  });

  it.each([
    ['Transformer', transformerTextClassifier(), 'TokenAndPositionEmbedding', 'vocabulary_size'],
    ['LSTM', lstmTextClassifier(), 'Embedding', 'input_dim'],
  ] as const)('the %s text classifier is wired to text data by "fit the model to this data"', (_name, graph, kind, param) => {
    const before = dataDiagnostics(graph, analyze(graph), names);
    expect(before.map((d) => d.code)).toContain('data-input-mismatch');
    const wired = wireModel(graph, analyze(graph), names);
    const after = analyze(wired);
    expect(after.hasErrors).toBe(false);
    expect(dataDiagnostics(wired, after, names)).toEqual([]);
    const table = wired.nodes.find((n) => n.kind === kind);
    // The template's table is bigger than the vocabulary, which is fine; a smaller one is raised.
    expect(table?.params[param]).toBe(5000);
    if (kind === 'TokenAndPositionEmbedding') expect(table?.params.sequence_length).toBe(15);
  });

  it('raises a token table smaller than the vocabulary, with a fix on the layer', () => {
    const graph = transformerTextClassifier(10, 15, 2);
    const [d] = dataDiagnostics(graph, analyze(graph), names);
    expect(d).toMatchObject({ code: 'data-embedding-too-small', fix: { kind: 'set-param', param: 'vocabulary_size', value: 28 } });
    expect(d?.message).toBe(
      'The vocabulary of "name" has 28 entries, but token_and_position_embedding_1 has vocabulary_size 10; token ids past it have no vector',
    );
    const wired = wireModel(graph, analyze(graph), names);
    expect(wired.nodes.find((n) => n.kind === 'TokenAndPositionEmbedding')?.params.vocabulary_size).toBe(28);
  });
});
