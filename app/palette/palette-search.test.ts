import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../src/layers/registry';
import { PALETTE_ENTRIES, matchScore, paletteGroups, searchPalette } from './palette-search';

const ids = (query: string) => searchPalette(query).map((e) => e.id);
const entry = (id: string) => {
  const found = PALETTE_ENTRIES.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

describe('palette search', () => {
  it('offers every layer kind once and the TransformerEncoder block first in Attention', () => {
    expect(PALETTE_ENTRIES.filter((e) => e.type === 'layer')).toHaveLength(LAYER_KINDS.length);
    const attention = paletteGroups().find((g) => g.category === 'Attention');
    expect(attention?.entries.map((e) => e.id)).toEqual(['TransformerEncoder', 'MultiHeadAttention', 'PositionEmbedding', 'TokenAndPositionEmbedding']);
    expect(
      paletteGroups()
        .find((g) => g.category === 'Core')
        ?.entries.map((e) => e.id),
    ).not.toContain('MultiHeadAttention');
  });

  it('ranks the exact name first, then names, keywords, the category and descriptions', () => {
    expect(ids('dense')[0]).toBe('Dense');
    expect(ids('relu').slice(0, 4)).toEqual(['ReLU', 'LeakyReLU', 'PReLU', 'ThresholdedReLU']);
    expect(ids('relu')).toEqual(expect.arrayContaining(['Dense', 'Activation']));
    expect(ids('relu').indexOf('Dense')).toBeGreaterThan(ids('relu').indexOf('ThresholdedReLU'));
    expect(ids('multi head attention')[0]).toBe('MultiHeadAttention');
    const scores = ['Dense', 'Conv2D'].map((id) => matchScore(entry(id), 'image'));
    expect(scores[0]).toBe(0);
    expect(scores[1]).toBeGreaterThan(0);
  });

  it('finds the Transformer pieces by "transformer" and by "attention"', () => {
    const pieces = ['TransformerEncoder', 'MultiHeadAttention', 'PositionEmbedding', 'TokenAndPositionEmbedding'];
    expect(ids('transformer')[0]).toBe('TransformerEncoder');
    expect(ids('transformer')).toEqual(expect.arrayContaining(pieces));
    expect(ids('attention')[0]).toBe('MultiHeadAttention');
    expect(ids('attention')).toEqual(expect.arrayContaining(pieces));
  });

  it('finds image layers by "image" and text layers by "text"', () => {
    expect(ids('image')).toEqual(expect.arrayContaining(['Conv2D', 'MaxPooling2D', 'Rescaling', 'Resizing', 'DepthwiseConv2D']));
    expect(ids('image')[0]).toBe('Conv2D');
    expect(ids('text')).toEqual(expect.arrayContaining(['Embedding', 'TokenAndPositionEmbedding', 'LSTM', 'Conv1D']));
    expect(ids('textvectorization')).toEqual(expect.arrayContaining(['Embedding', 'TokenAndPositionEmbedding']));
  });

  it('needs every word of the query to match, and finds nothing for nonsense', () => {
    expect(ids('pool 2d')).toEqual(expect.arrayContaining(['MaxPooling2D', 'AveragePooling2D']));
    expect(ids('pool 2d')).not.toContain('MaxPooling1D');
    expect(ids('zzqqxx')).toEqual([]);
    expect(ids('   ')).toHaveLength(PALETTE_ENTRIES.length);
  });
});
