import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_OPTIONS } from './types';
import { sequenceOfIds, tokenSequence, tokenize, vectorize, vectorizeBatch } from './vectorize';
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

describe('tokenSequence', () => {
  const reviews = fitTextVectorizer(['I liked it', 'i hated it', 'it was fine'], { ...DEFAULT_TEXT_OPTIONS, outputSequenceLength: 5 });

  it('shows "I loved it!!" as the model gets it: standardised, loved unknown (id 1), two padding ids', () => {
    const seq = tokenSequence('I loved it!!', reviews);
    expect(seq.tokens).toEqual([
      { token: 'i', index: reviews.index.get('i'), oov: false },
      { token: 'loved', index: 1, oov: true },
      { token: 'it', index: reviews.index.get('it'), oov: false },
    ]);
    expect(seq).toMatchObject({ cut: 0, padding: 2 });
    expect(seq.ids).toEqual(vectorize('I loved it!!', reviews));
    expect(Array.from(seq.ids)).toEqual([reviews.index.get('i'), 1, reviews.index.get('it'), 0, 0]);
  });

  it('keeps only the tokens within the sequence length and counts the ones cut', () => {
    const seq = tokenSequence('it was fine, i liked it a lot', reviews);
    expect(seq.tokens.map((t) => t.token)).toEqual(['it', 'was', 'fine', 'i', 'liked']);
    expect(seq).toMatchObject({ cut: 3, padding: 0 });
    expect(seq.ids).toEqual(vectorize('it was fine, i liked it a lot', reviews));
    expect(tokenSequence('!!!', reviews)).toMatchObject({ tokens: [], cut: 0, padding: 5 });
  });

  it('reads a sample back from its ids (as float32, the dataset type): tokens, [UNK] for unknown ones, the padding', () => {
    const ids = vectorize('I loved it!!', reviews);
    const seq = sequenceOfIds(Float32Array.from(ids), reviews.fitted);
    expect(seq.tokens.map((t) => [t.token, t.oov])).toEqual([
      ['i', false],
      ['[UNK]', true],
      ['it', false],
    ]);
    expect(seq).toMatchObject({ cut: 0, padding: 2 });
    expect(seq.ids).toEqual(ids);
    // Each known token is the one tokenSequence gives for the text.
    expect(seq.tokens.filter((t) => !t.oov)).toEqual(tokenSequence('I loved it!!', reviews).tokens.filter((t) => !t.oov));
    expect(sequenceOfIds([999, 0], reviews.fitted).tokens).toEqual([{ token: '[UNK]', index: 1, oov: true }]);
    expect(sequenceOfIds([0, 0, 0], reviews.fitted)).toMatchObject({ tokens: [], padding: 3 });
  });
});
