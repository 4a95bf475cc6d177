/**
 * What the Data view shows about a text column and its vocabulary: the vocabulary's size, its
 * most frequent tokens, how long the rows are, and how much of a set of rows the vocabulary misses.
 */
import { countTokens } from './vocabulary';
import { tokenIndices } from './vectorize';
import { OOV_INDEX } from './types';
import type { TextVocabulary } from './types';

/** One bar of a length histogram: rows with `from` to `to` tokens (both included). */
export interface LengthBin {
  readonly from: number;
  readonly to: number;
  readonly rows: number;
}

/** Token counts per row (before padding or truncation). */
export interface LengthStats {
  readonly rows: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** The 95th percentile (nearest rank): a sequence length that cuts about 1 row in 20. */
  readonly p95: number;
  /** Rows longer than `outputSequenceLength`, which Keras cuts at the end; 0 when it is null. */
  readonly truncated: number;
  readonly bins: readonly LengthBin[];
}

/** How many of the tokens of some rows are out of the vocabulary. */
export interface OovStats {
  readonly tokens: number;
  readonly oov: number;
  /** `oov / tokens`, 0 when there are no tokens. */
  readonly share: number;
}

/** A token of the vocabulary and how often it occurs in the rows counted. */
export interface TokenCount {
  readonly token: string;
  readonly index: number;
  readonly count: number;
}

/** The summary of a fitted vocabulary over its training rows. */
export interface TextSummary {
  /** Entries of the vocabulary, padding and OOV included (Keras's `vocabulary_size()`). */
  readonly vocabularySize: number;
  /** Distinct tokens in the training rows, before `maxTokens` cut the vocabulary. */
  readonly distinctTokens: number;
  readonly topTokens: readonly TokenCount[];
  readonly lengths: LengthStats;
  /** OOV share of the training rows themselves (above 0 only when `maxTokens` cut the vocabulary). */
  readonly trainOov: OovStats;
}

/** The summary of `vocab` over `trainTexts` (the rows it was fitted on), with the `top` first tokens. */
export function summarizeText(trainTexts: readonly string[], vocab: TextVocabulary, top = 20): TextSummary {
  const counts = countTokens(trainTexts, vocab.fitted.options);
  const { vocabulary } = vocab.fitted;
  const topTokens = vocabulary.slice(2, 2 + top).map((token, i) => ({ token, index: i + 2, count: counts.get(token) ?? 0 }));
  return {
    vocabularySize: vocabulary.length,
    distinctTokens: counts.size,
    topTokens,
    lengths: lengthStats(trainTexts, vocab),
    trainOov: oovShare(trainTexts, vocab),
  };
}

/** The share of the tokens of `texts` (e.g. the validation rows) that the vocabulary lacks. */
export function oovShare(texts: readonly string[], vocab: TextVocabulary): OovStats {
  let tokens = 0;
  let oov = 0;
  for (const text of texts) {
    for (const index of tokenIndices(text, vocab)) {
      tokens++;
      if (index === OOV_INDEX) oov++;
    }
  }
  return { tokens, oov, share: tokens === 0 ? 0 : oov / tokens };
}

/** Token counts per row of `texts`, in at most `maxBins` bins of equal whole-number width. */
export function lengthStats(texts: readonly string[], vocab: TextVocabulary, maxBins = 20): LengthStats {
  const lengths = texts.map((t) => tokenIndices(t, vocab).length).sort((a, b) => a - b);
  const rows = lengths.length;
  const limit = vocab.fitted.options.outputSequenceLength;
  if (rows === 0) return { rows, min: 0, max: 0, mean: 0, p95: 0, truncated: 0, bins: [] };
  const min = lengths[0] as number;
  const max = lengths[rows - 1] as number;
  const width = Math.max(1, Math.ceil((max - min + 1) / maxBins));
  const bins: { from: number; to: number; rows: number }[] = [];
  for (let from = min; from <= max; from += width) bins.push({ from, to: from + width - 1, rows: 0 });
  for (const n of lengths) (bins[Math.floor((n - min) / width)] as { rows: number }).rows++;
  return {
    rows,
    min,
    max,
    mean: lengths.reduce((s, n) => s + n, 0) / rows,
    p95: lengths[Math.ceil(0.95 * rows) - 1] as number,
    truncated: limit === null ? 0 : lengths.filter((n) => n > limit).length,
    bins,
  };
}
