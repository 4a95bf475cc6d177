import { describe, expect, it } from 'vitest';
import { lengthStats, oovShare, summarizeText } from './summary';
import { DEFAULT_TEXT_OPTIONS } from './types';
import { fitTextVectorizer } from './vocabulary';

const train = ['the cat sat', 'the dog sat down', 'the cat', ''];

describe('summarizeText', () => {
  it('counts the vocabulary, top tokens and lengths', () => {
    const vocab = fitTextVectorizer(train, { ...DEFAULT_TEXT_OPTIONS, maxTokens: 5, outputSequenceLength: 3 });
    const s = summarizeText(train, vocab, 2);
    expect(s.vocabularySize).toBe(5);
    expect(s.distinctTokens).toBe(5);
    expect(s.topTokens).toEqual([
      { token: 'the', index: 2, count: 3 },
      { token: 'sat', index: 3, count: 2 },
    ]);
    expect(s.lengths).toMatchObject({ rows: 4, min: 0, max: 4, mean: 9 / 4, p95: 4, truncated: 1 });
    // maxTokens 5 keeps the, sat, cat: dog and down (2 of 9 tokens) are unknown.
    expect(s.trainOov).toEqual({ tokens: 9, oov: 2, share: 2 / 9 });
  });
});

describe('oovShare', () => {
  const vocab = fitTextVectorizer(train, DEFAULT_TEXT_OPTIONS);
  it.each([
    [['the cat'], { tokens: 2, oov: 0, share: 0 }],
    [['the zebra', 'a b'], { tokens: 4, oov: 3, share: 3 / 4 }],
    [[''], { tokens: 0, oov: 0, share: 0 }],
  ])('%j', (texts, expected) => {
    expect(oovShare(texts, vocab)).toEqual(expected);
  });
});

describe('lengthStats', () => {
  const vocab = fitTextVectorizer([], DEFAULT_TEXT_OPTIONS);
  it('bins token counts in equal whole-number widths', () => {
    const texts = Array.from({ length: 45 }, (_, i) => 'w '.repeat(i));
    const s = lengthStats(texts, vocab, 20);
    expect(s.bins).toHaveLength(15);
    expect(s.bins[0]).toEqual({ from: 0, to: 2, rows: 3 });
    expect(s.bins.reduce((n, b) => n + b.rows, 0)).toBe(45);
    expect(s.p95).toBe(42);
  });

  it('is empty for no rows', () => {
    expect(lengthStats([], vocab)).toMatchObject({ rows: 0, bins: [] });
  });
});
