/**
 * Turning text into integer sequences with a fitted vocabulary, as Keras's `TextVectorization`
 * does with `output_mode='int'`, and listing the tokens of one text for the try-it panel.
 */
import { invariant } from '../../lib/invariant';
import { textTokens } from './tokenize';
import { OOV_INDEX, OOV_TOKEN, PAD_INDEX } from './types';
import type { FittedTextVectorizer, TextVocabulary } from './types';

/** One token of a text as the model sees it. */
export interface TextToken {
  readonly token: string;
  /** Its index in the vocabulary; {@link OOV_INDEX} when it is unknown. */
  readonly index: number;
  /** True when the token is not in the vocabulary. */
  readonly oov: boolean;
}

/** The indices of the tokens of `text`, before padding or truncation. */
export function tokenIndices(text: string, vocab: TextVocabulary): number[] {
  const { standardize, split } = vocab.fitted.options;
  return textTokens(text, standardize, split).map((t) => vocab.index.get(t) ?? OOV_INDEX);
}

/**
 * The tokens of `text` with their indices and an OOV flag, before padding or truncation (the
 * try-it panel shows which words the model cannot see). The token `'[UNK]'` itself is OOV.
 */
export function tokenize(text: string, vocab: TextVocabulary): TextToken[] {
  const { standardize, split } = vocab.fitted.options;
  return textTokens(text, standardize, split).map((token) => {
    const index = vocab.index.get(token) ?? OOV_INDEX;
    return { token, index, oov: index === OOV_INDEX };
  });
}

/**
 * One text as Keras's layer returns it: token indices, padded with 0 or cut at the end to
 * `outputSequenceLength` (or as long as the text when that is null).
 */
export function vectorize(text: string, vocab: TextVocabulary): Int32Array {
  const indices = tokenIndices(text, vocab);
  const out = new Int32Array(vocab.fitted.options.outputSequenceLength ?? indices.length);
  writeIndices(indices, out, 0, out.length);
  return out;
}

/** One text as the model gets it, for the try-it panel: the tokens it keeps, and what was cut or padded. */
export interface TokenSequence {
  /** The tokens within the sequence length, in order, with their ids. */
  readonly tokens: readonly TextToken[];
  /** Tokens past the sequence length, which the model never sees. */
  readonly cut: number;
  /** Padding ids (0) after the tokens. */
  readonly padding: number;
  /** Exactly {@link vectorize}'s ids: `tokens`' ids, then the padding. */
  readonly ids: Int32Array;
}

/**
 * The tokens of `text` as Keras's layer gives them to the model: standardised, split, looked up,
 * cut to `outputSequenceLength` and padded. The ids are {@link vectorize}'s own, the ones training used.
 */
export function tokenSequence(text: string, vocab: TextVocabulary): TokenSequence {
  const ids = vectorize(text, vocab);
  const all = tokenize(text, vocab);
  const tokens = all.slice(0, ids.length);
  tokens.forEach((t, i) => invariant(t.index === ids[i], `token ${i} ("${t.token}") has id ${t.index} but the model gets ${ids[i]}`));
  return { tokens, cut: all.length - tokens.length, padding: ids.length - tokens.length, ids };
}

/** Where a text sits in a model's sample: its tokens, the index its ids start at, and every entry's name. */
export interface SamplePositions {
  readonly sequence: TokenSequence;
  readonly offset: number;
  readonly featureNames: readonly string[];
}

/**
 * The tokens a sample's ids stand for, read back through the vocabulary: the sequence
 * {@link tokenSequence} gave for its text, less what was cut (a sample does not say). Ids after
 * the last non-padding one are the padding; an id the vocabulary lacks reads as out of vocabulary.
 */
export function sequenceOfIds(ids: ArrayLike<number>, fitted: FittedTextVectorizer): TokenSequence {
  const whole = Int32Array.from(ids, (v) => Math.round(v));
  let end = whole.length;
  while (end > 0 && whole[end - 1] === PAD_INDEX) end--;
  const tokens = Array.from(whole.subarray(0, end), (index): TextToken => {
    const token = index === OOV_INDEX ? undefined : fitted.vocabulary[index];
    return token === undefined ? { token: OOV_TOKEN, index: OOV_INDEX, oov: true } : { token, index, oov: false };
  });
  return { tokens, cut: 0, padding: whole.length - end, ids: whole };
}

/** A batch of vectorised texts: row-major `values`, `rows` by `length`. */
export interface VectorizedBatch<T extends Float32Array | Int32Array> {
  readonly values: T;
  readonly rows: number;
  readonly length: number;
}

/**
 * Vectorises `texts` into one row-major buffer, as Keras does for a batch: every row has
 * `outputSequenceLength` entries, or (when that is null) as many as the batch's longest row.
 * `out` receives the values (a Float32Array for a dataset's `x`); without it an Int32Array is made.
 */
export function vectorizeBatch(texts: readonly string[], vocab: TextVocabulary): VectorizedBatch<Int32Array>;
export function vectorizeBatch<T extends Float32Array | Int32Array>(texts: readonly string[], vocab: TextVocabulary, out: T): VectorizedBatch<T>;
export function vectorizeBatch(texts: readonly string[], vocab: TextVocabulary, out?: Float32Array | Int32Array): VectorizedBatch<Float32Array | Int32Array> {
  const fixed = vocab.fitted.options.outputSequenceLength;
  const rows = texts.map((t) => tokenIndices(t, vocab));
  const length = fixed ?? rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = out ?? new Int32Array(texts.length * length);
  if (values.length < texts.length * length) {
    throw new RangeError(`the buffer holds ${values.length} values; ${texts.length} rows of ${length} need ${texts.length * length}`);
  }
  rows.forEach((r, i) => writeIndices(r, values, i * length, length));
  return { values, rows: texts.length, length };
}

/** Writes `indices` at `offset`, cut or padded with {@link PAD_INDEX} to `length` entries. */
function writeIndices(indices: readonly number[], out: Float32Array | Int32Array, offset: number, length: number): void {
  const n = Math.min(indices.length, length);
  for (let i = 0; i < n; i++) out[offset + i] = indices[i] as number;
  out.fill(PAD_INDEX, offset + n, offset + length);
}
