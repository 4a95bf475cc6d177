import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { fittedTextVectorizerSchema } from './schema';
import { DEFAULT_TEXT_OPTIONS } from './types';
import type { TextVectorizerOptions } from './types';
import { checkTextOptions, fitTextVectorizer, textVocabulary } from './vocabulary';

const opts = (o: Partial<TextVectorizerOptions> = {}): TextVectorizerOptions => ({ ...DEFAULT_TEXT_OPTIONS, ...o });

describe('fitTextVectorizer', () => {
  it.each([
    { texts: ['b a a c b', 'd', 'e e d'], o: {}, vocab: ['', '[UNK]', 'e', 'd', 'b', 'a', 'c'] },
    { texts: ['b a a c b', 'd', 'e e d'], o: { maxTokens: 4 }, vocab: ['', '[UNK]', 'e', 'd'] },
    { texts: ['x [UNK] [UNK]'], o: { standardize: null }, vocab: ['', '[UNK]', 'x'] },
    { texts: ['', '  '], o: {}, vocab: ['', '[UNK]'] },
    { texts: ['ab ba'], o: { split: 'character' as const }, vocab: ['', '[UNK]', 'b', 'a', ' '] },
    { texts: ['\ue000 😀 \uff01'], o: { standardize: null }, vocab: ['', '[UNK]', '😀', '\uff01', '\ue000'] },
  ])('$texts with $o', ({ texts, o, vocab }) => {
    expect(fitTextVectorizer(texts, opts(o)).fitted.vocabulary).toEqual(vocab);
  });

  it.each([
    [{ maxTokens: 2 }, /at least 3/],
    [{ maxTokens: 3.5 }, /whole number/],
    [{ outputSequenceLength: 0 }, /sequence length/],
  ])('refuses %j', (o, message) => {
    expect(checkTextOptions(opts(o))).toMatch(message);
    expect(() => fitTextVectorizer(['a'], opts(o))).toThrow(UserFileError);
  });
});

describe('textVocabulary and the schema', () => {
  const fitted = fitTextVectorizer(['a b b'], opts({ maxTokens: 10, outputSequenceLength: 4 })).fitted;

  it('round-trips through JSON and the schema', () => {
    const parsed = fittedTextVectorizerSchema.parse(JSON.parse(JSON.stringify(fitted)));
    expect(parsed).toEqual(fitted);
    expect(textVocabulary(parsed).index.get('b')).toBe(2);
  });

  it.each([
    ['no reserved entries', { ...fitted, vocabulary: ['a', 'b'] }, /start with/],
    ['a repeated token', { ...fitted, vocabulary: ['', '[UNK]', 'a', 'a'] }, /twice/],
    ['too many entries', { ...fitted, options: { ...fitted.options, maxTokens: 3 } }, /maximum of 3/],
  ])('refuses %s', (_, bad, message) => {
    expect(fittedTextVectorizerSchema.safeParse(bad).success).toBe(false);
    expect(() => textVocabulary(bad)).toThrow(message);
  });

  it('refuses unknown options', () => {
    expect(fittedTextVectorizerSchema.safeParse({ ...fitted, options: { ...fitted.options, split: 'comma' } }).success).toBe(false);
    expect(fittedTextVectorizerSchema.safeParse({ ...fitted, extra: 1 }).success).toBe(false);
  });
});
