/**
 * The vocabulary of the text pipeline: a Keras `TextVectorization` configuration (the subset
 * Netloom supports, `output_mode='int'`) and its fitted form.
 */

/** Keras `standardize`: lowercase ASCII and strip ASCII punctuation, or leave the text as it is. */
export type TextStandardize = 'lower_and_strip_punctuation' | null;

/** Keras `split`: runs of ASCII whitespace, or one token per Unicode code point. */
export type TextSplit = 'whitespace' | 'character';

/** The Keras arguments of one `TextVectorization` layer, with their Keras names in camelCase. */
export interface TextVectorizerOptions {
  readonly standardize: TextStandardize;
  readonly split: TextSplit;
  /** Vocabulary size including the padding and OOV entries; null for no limit. At least 3. */
  readonly maxTokens: number | null;
  /** Every row is padded with 0 or cut at the end to this length; null keeps each row's length. */
  readonly outputSequenceLength: number | null;
}

/** The options Keras starts from, as `TextVectorization()` with no arguments. */
export const DEFAULT_TEXT_OPTIONS: TextVectorizerOptions = {
  standardize: 'lower_and_strip_punctuation',
  split: 'whitespace',
  maxTokens: null,
  outputSequenceLength: null,
};

/** Index 0: padding, Keras's mask token (the empty string). */
export const PAD_INDEX = 0;
/** Index 1: any token not in the vocabulary. */
export const OOV_INDEX = 1;
/** Keras's mask token, listed at index 0 by `get_vocabulary()`. */
export const PAD_TOKEN = '';
/** Keras's OOV token, listed at index 1 by `get_vocabulary()`. */
export const OOV_TOKEN = '[UNK]';

/**
 * The saved form of a fitted vectorizer: its options and the vocabulary exactly as Keras's
 * `get_vocabulary()` lists it (`''`, `'[UNK]'`, then the learned tokens). JSON.
 */
export interface FittedTextVectorizer {
  readonly version: 1;
  readonly options: TextVectorizerOptions;
  readonly vocabulary: readonly string[];
}

/** A fitted vectorizer ready to use: the saved form plus a token -> index lookup. */
export interface TextVocabulary {
  readonly fitted: FittedTextVectorizer;
  readonly index: ReadonlyMap<string, number>;
}
