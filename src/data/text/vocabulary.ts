/**
 * Fitting a vocabulary to training rows, as Keras's `TextVectorization.adapt` does.
 */
import { UserFileError } from '../../lib/errors';
import { compareCodePoints, textTokens } from './tokenize';
import { OOV_TOKEN, PAD_TOKEN } from './types';
import type { FittedTextVectorizer, TextVectorizerOptions, TextVocabulary } from './types';

/** How often each token occurs in `texts` after standardising and splitting, in first-seen order. */
export function countTokens(texts: Iterable<string>, options: TextVectorizerOptions): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const token of textTokens(text, options.standardize, options.split)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/**
 * The problem with a set of options, or null. Keras refuses `max_tokens` below 2, and with 2
 * (no token to learn) its `adapt` fails building an empty lookup table, so Netloom asks for 3.
 */
export function checkTextOptions(options: TextVectorizerOptions): string | null {
  const { maxTokens, outputSequenceLength } = options;
  if (maxTokens !== null && (!Number.isInteger(maxTokens) || maxTokens < 3)) {
    return `the vocabulary size must be a whole number of at least 3 (padding and unknown included); got ${maxTokens}`;
  }
  if (outputSequenceLength !== null && (!Number.isInteger(outputSequenceLength) || outputSequenceLength < 1)) {
    return `the sequence length must be a whole number of at least 1; got ${outputSequenceLength}`;
  }
  return null;
}

/**
 * Fits a vocabulary to `texts`, which must be the training rows only (validation rows would leak
 * into the vocabulary). Keras's order: `''` and `'[UNK]'`, then tokens by count, most frequent
 * first, and among equal counts in reverse code-point order (Keras sorts with
 * `np.lexsort((tokens, counts))[::-1]`, so `b` comes before `a`); then it keeps the first
 * `maxTokens - 2`. The tokens `''` and `'[UNK]'` are never learned.
 *
 * Throws {@link UserFileError} when the options are invalid (see {@link checkTextOptions}).
 */
export function fitTextVectorizer(texts: Iterable<string>, options: TextVectorizerOptions): TextVocabulary {
  const problem = checkTextOptions(options);
  if (problem !== null) throw new UserFileError(problem);
  const counts = countTokens(texts, options);
  counts.delete(PAD_TOKEN);
  counts.delete(OOV_TOKEN);
  const learned = [...counts.entries()].sort(([a, m], [b, n]) => n - m || compareCodePoints(b, a)).map(([token]) => token);
  const kept = options.maxTokens === null ? learned : learned.slice(0, options.maxTokens - 2);
  return textVocabulary({ version: 1, options, vocabulary: [PAD_TOKEN, OOV_TOKEN, ...kept] });
}

/**
 * A saved vectorizer made ready to use. Throws {@link UserFileError} when it cannot be Keras's:
 * invalid options, a vocabulary that does not start with `''` and `'[UNK]'`, that repeats a token
 * or that is larger than `maxTokens`.
 */
export function textVocabulary(fitted: FittedTextVectorizer): TextVocabulary {
  const problem = checkTextOptions(fitted.options);
  if (problem !== null) throw new UserFileError(problem);
  const { vocabulary, options } = fitted;
  if (vocabulary[0] !== PAD_TOKEN || vocabulary[1] !== OOV_TOKEN) {
    throw new UserFileError(`a text vocabulary must start with '' (padding) and '${OOV_TOKEN}' (unknown)`);
  }
  if (options.maxTokens !== null && vocabulary.length > options.maxTokens) {
    throw new UserFileError(`the text vocabulary has ${vocabulary.length} entries, more than its maximum of ${options.maxTokens}`);
  }
  const index = new Map<string, number>();
  vocabulary.forEach((token, i) => {
    if (index.has(token)) throw new UserFileError(`the text vocabulary lists "${token}" twice`);
    index.set(token, i);
  });
  return { fitted, index };
}
