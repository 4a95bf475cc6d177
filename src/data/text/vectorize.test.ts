import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_OPTIONS } from './types';
import { tokenize, vectorize, vectorizeBatch } from './vectorize';
import { fitTextVectorizer } from './vocabulary';

const train = ['the cat sat', 'the dog sat', 'the cat ran'];
const fit = (outputSequenceLength: number | null) => fitTextVectorizer(train, { ...DEFAULT_TEXT_OPTIONS, outputSequenceLength });

describe('vectorize', () => {
  // Vocabulary: '', [UNK], the, sat, cat, ran, dog.
  it.each([
    [null, 'The cat!', [2, 4]],
    [null, '', []],
    [4, 'the cat', [2, 4, 0, 0]],
    [2, 'the cat sat ran', [2, 4]],
    [3, 'a zebra sat', [1, 1, 3]],
  ])('length %j: %j', (length, text, expected) => {
    expect(Array.from(vectorize(text, fit(length)))).toEqual(expected);
  });
});

describe('vectorizeBatch', () => {
  it('pads to the longest row when the length is free, as Keras does for a batch', () => {
    const batch = vectorizeBatch(['the', 'cat sat ran', ''], fit(null));
    expect(batch.length).toBe(3);
    expect(Array.from(batch.values)).toEqual([2, 0, 0, 4, 3, 5, 0, 0, 0]);
  });

  it('writes into a Float32Array for a dataset', () => {
    const out = new Float32Array(6).fill(9);
    const batch = vectorizeBatch(['dog', 'the the the the'], fit(3), out);
    expect(batch.values).toBe(out);
    expect(Array.from(out)).toEqual([6, 0, 0, 2, 2, 2]);
  });

  it('refuses a buffer too small', () => {
    expect(() => vectorizeBatch(['a', 'b'], fit(3), new Int32Array(5))).toThrow(/6/);
  });
});

describe('tokenize', () => {
  it('flags unknown tokens, [UNK] included', () => {
    const vocab = fitTextVectorizer(train, { ...DEFAULT_TEXT_OPTIONS, standardize: null });
    expect(tokenize('the zebra [UNK]', vocab)).toEqual([
      { token: 'the', index: 2, oov: false },
      { token: 'zebra', index: 1, oov: true },
      { token: '[UNK]', index: 1, oov: true },
    ]);
  });
});
