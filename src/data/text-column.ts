/**
 * A table column as a `text` feature: telling sentences from categories for the default plan,
 * fitting the vocabulary on the training rows only, and the rows' token ids. See `docs/text-data.md`.
 */
import { UserFileError } from '../lib/errors';
import { cellKey, classKeys } from './column-types';
import { splitIndices } from './split';
import { fitTextVectorizer, oovShare, summarizeText, textTokens, textVocabulary, vectorize } from './text';
import type { OovStats, TextSummary, TextVocabulary } from './text';
import { dropColumns, keptRows } from './transform';
import type { Column, ColumnPlan, ColumnTextOptions, DataPlan, FittedFeature, FittedPreprocessing, Table } from './types';

/** The tokenizer options a `text` column starts with (Keras's defaults, with a vocabulary cap and a length). */
export const DEFAULT_COLUMN_TEXT: ColumnTextOptions = {
  standardize: 'lower_and_strip_punctuation',
  split: 'whitespace',
  maxTokens: 10_000,
  outputSequenceLength: 64,
};

/** The longest sequence length a default plan picks from the data's 95th percentile. */
export const MAX_DEFAULT_SEQUENCE = 128;
/** A word column is text (not categories) when its rows hold at least this many tokens on average... */
export const TEXT_MIN_MEAN_TOKENS = 3;
/** ...and at least this share of its non-missing rows are distinct. */
export const TEXT_MIN_DISTINCT_SHARE = 0.5;

/** How long a word column's rows are (tokens per row under the default options) and how distinct they are. */
export interface SentenceStats {
  readonly meanTokens: number;
  readonly p95Tokens: number;
  readonly distinctShare: number;
}

/**
 * The token counts of a word column's rows, counted once per distinct value and weighted by how
 * often it occurs (a big file tokenizes its dictionary, not every row). Null for a numeric column.
 */
export function sentenceStats(column: Column, rowCount: number): SentenceStats | null {
  if (column.kind !== 'codes') return null;
  const uses = new Int32Array(column.dictionary.length);
  for (let i = 0; i < rowCount; i++) {
    const code = column.codes[i] as number;
    if (code >= 0) uses[code] = (uses[code] as number) + 1;
  }
  const lengths = column.dictionary.map((v) => textTokens(v, DEFAULT_COLUMN_TEXT.standardize, DEFAULT_COLUMN_TEXT.split).length);
  let present = 0;
  let tokens = 0;
  lengths.forEach((n, code) => {
    present += uses[code] as number;
    tokens += n * (uses[code] as number);
  });
  if (present === 0) return { meanTokens: 0, p95Tokens: 0, distinctShare: 0 };
  const order = lengths.map((_, code) => code).sort((a, b) => (lengths[a] as number) - (lengths[b] as number));
  const rank = Math.ceil(0.95 * present);
  let seen = 0;
  let p95Tokens = 0;
  for (const code of order) {
    seen += uses[code] as number;
    if (seen >= rank) {
      p95Tokens = lengths[code] as number;
      break;
    }
  }
  return { meanTokens: tokens / present, p95Tokens, distinctShare: column.dictionary.length / present };
}

/** True when the stats are of sentences: several tokens a row, and mostly distinct rows. */
export function isSentences(stats: SentenceStats | null): stats is SentenceStats {
  return stats !== null && stats.meanTokens >= TEXT_MIN_MEAN_TOKENS && stats.distinctShare >= TEXT_MIN_DISTINCT_SHARE;
}

/** The default options for a column with these stats: the 95th-percentile length, at most {@link MAX_DEFAULT_SEQUENCE}. */
export function defaultTextOptions(stats: SentenceStats | null): ColumnTextOptions {
  if (stats === null) return DEFAULT_COLUMN_TEXT;
  return { ...DEFAULT_COLUMN_TEXT, outputSequenceLength: Math.max(1, Math.min(MAX_DEFAULT_SEQUENCE, stats.p95Tokens)) };
}

/** The text of one cell; a missing cell is the empty text, which vectorizes to all padding. */
export function textAt(column: Column, row: number): string {
  return cellKey(column, row) ?? '';
}

/**
 * The kept rows (indices into `rows`) that the split will put in training: all of them with a
 * separate validation file, else exactly those {@link splitIndices} keeps for the plan's seed
 * and stratification, with the class ids `transformTable` gives the target.
 */
export function trainingRows(table: Table, plan: DataPlan, target: Column, classes: readonly string[] | undefined, rows: Int32Array): Int32Array {
  const { split } = plan;
  if (split.kind === 'file') return rows;
  let ids: Int32Array | null = null;
  if (split.stratified && plan.target !== 'regression' && classes !== undefined) {
    const index = new Map(classKeys(table, target, classes).map((k, i) => [k, i]));
    ids = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) ids[r] = index.get(cellKey(target, rows[r] as number) ?? '') ?? 0;
  }
  const { train } = splitIndices(rows.length, ids, { validation: split.validation, stratified: ids !== null, seed: split.seed });
  return Int32Array.from(train.sort((a, b) => a - b).map((i) => rows[i] as number));
}

/** Fits a `text` feature's vocabulary on `trainRows` only. */
export function fitTextFeature(column: Column, plan: ColumnPlan, trainRows: Int32Array): Extract<FittedFeature, { kind: 'text' }> {
  const options = plan.text ?? DEFAULT_COLUMN_TEXT;
  const texts = Array.from(trainRows, (row) => textAt(column, row));
  const vocab = fitTextVectorizer(texts, options);
  return { kind: 'text', name: column.name, vectorizer: vocab.fitted };
}

const vocabularies = new WeakMap<object, TextVocabulary>();

/** The ready vocabulary of a fitted text feature, built once per fitted object. */
export function vocabularyOf(feature: Extract<FittedFeature, { kind: 'text' }>): TextVocabulary {
  let vocab = vocabularies.get(feature.vectorizer);
  if (vocab === undefined) {
    vocab = textVocabulary(feature.vectorizer);
    vocabularies.set(feature.vectorizer, vocab);
  }
  return vocab;
}

/** The fitted preprocessing's text feature, if it has one. */
export function textFeatureOf(fitted: FittedPreprocessing): Extract<FittedFeature, { kind: 'text' }> | undefined {
  return fitted.features.find((f): f is Extract<FittedFeature, { kind: 'text' }> => f.kind === 'text');
}

/** Writes one text's token ids (as float32, the pipeline's type: ids up to 2^24 are exact) at `x[at..]`. */
export function writeText(feature: Extract<FittedFeature, { kind: 'text' }>, text: string, x: Float32Array, at: number): void {
  x.set(vectorize(text, vocabularyOf(feature)), at);
}

/** The sequence length of a fitted text feature: its width in `x`. */
export function textWidth(feature: Extract<FittedFeature, { kind: 'text' }>): number {
  const length = feature.vectorizer.options.outputSequenceLength;
  if (length === null) throw new UserFileError(`the text column "${feature.name}" has no sequence length`);
  return length;
}

/** What the Data view shows under a text column's plan: the vocabulary over its training rows, and the validation rows' OOV share. */
export interface TextColumnReport {
  readonly column: string;
  readonly sequenceLength: number;
  readonly summary: TextSummary;
  readonly validationOov: OovStats;
}

/**
 * The report of the plan's text feature, with the fitted vocabulary, over the same training and
 * validation rows the split makes (the validation rows are the kept rows not trained on). Null
 * when the plan has no fitted text feature. One pass over the column's rows.
 */
export function textColumnReport(table: Table, plan: DataPlan, fitted: FittedPreprocessing, top = 10): TextColumnReport | null {
  const feature = textFeatureOf(fitted);
  const column = feature && table.columns.find((c) => c.name === feature.name);
  const target = table.columns.find((c) => c.name === fitted.target.name);
  if (feature === undefined || column === undefined || target === undefined) return null;
  const rows = keptRows(table, target, dropColumns(table, plan));
  const train = trainingRows(table, plan, target, fitted.target.classes, rows);
  const inTrain = new Set(train);
  const vocab = vocabularyOf(feature);
  const trainTexts = Array.from(train, (r) => textAt(column, r));
  const validationTexts = Array.from(
    rows.filter((r) => !inTrain.has(r)),
    (r) => textAt(column, r),
  );
  return {
    column: column.name,
    sequenceLength: textWidth(feature),
    summary: summarizeText(trainTexts, vocab, top),
    validationOov: oovShare(validationTexts, vocab),
  };
}
