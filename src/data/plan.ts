/**
 * The default {@link DataPlan} for a table, and the user-facing check that a plan can be fitted.
 */
import { assertNever } from '../lib/assert-never';
import { compareLabels } from './csv-cells';
import { checkTextOptions } from './text';
import { DEFAULT_COLUMN_TEXT, defaultTextOptions, isSentences, sentenceStats } from './text-column';
import type { SentenceStats } from './text-column';
import type { Column, ColumnPlan, ColumnSummary, DataPlan, Table, TargetEncoding } from './types';

/** Classifiers with more classes than this are refused: the column is almost surely a number. */
export const MAX_CLASSES = 1000;

/** The class names of a target column and the cell key that stands for each, in class-id order. */
export interface TargetClasses {
  readonly names: readonly string[];
  /** `keys[i]` is the cell key (see `cellKey`) of class `i`. */
  readonly keys: readonly string[];
}

/**
 * The classes of a target column: the names from an sklearn-style first line when the column holds
 * whole numbers 0..k-1 that index them, else the distinct values in label order (numbers first).
 */
export function targetClasses(table: Table, column: Column): TargetClasses {
  const seen = distinctKeys(column, table.rowCount);
  const named = table.headerClassNames;
  if (named !== undefined && column.kind === 'numeric' && column === table.columns[table.columns.length - 1]) {
    const fits = [...seen].every((k) => Number.isInteger(Number(k)) && Number(k) >= 0 && Number(k) < named.length);
    if (fits) return { names: named, keys: named.map((_, i) => String(i)) };
  }
  const keys = [...seen].sort(compareLabels);
  return { names: keys, keys };
}

/**
 * The distinct cell keys (see `cellKey`) of a column, stopping once there are more than
 * {@link MAX_CLASSES}. It collects codes or numbers and names them at the end: a string per cell
 * would cost tens of milliseconds on a big file, on the page's thread.
 */
function distinctKeys(column: Column, rowCount: number): Set<string> {
  const keys = new Set<string>();
  if (column.kind === 'codes') {
    const codes = new Set<number>();
    for (let i = 0; i < rowCount && codes.size <= MAX_CLASSES; i++) {
      const code = column.codes[i] as number;
      if (code >= 0) codes.add(code);
    }
    for (const code of codes) keys.add(column.dictionary[code] as string);
    return keys;
  }
  const values = new Set<number>();
  for (let i = 0; i < rowCount && values.size <= MAX_CLASSES; i++) {
    const v = column.values[i] as number;
    if (!Number.isNaN(v)) values.add(v);
  }
  for (const v of values) keys.add(String(v));
  return keys;
}

/**
 * The plan a new table starts with: the last column is the target; id and constant columns are
 * ignored; numbers are standardised (missing -> mean), categories one-hot (missing -> mode).
 * A word column of sentences (at least 3 tokens a row on average, at least half its rows
 * distinct; see `isSentences`) is never one-hot: when it is the only thing to learn from, it is a
 * `text` feature (its sequence length the data's 95th percentile, at most 128), else it is
 * ignored, since a model takes its token ids as its one input. Other free text is ignored.
 * A target of words, or of whole numbers with few values, is classified (binary for two classes,
 * one-hot otherwise); other numeric targets are regression. 20% is held out, stratified for
 * classification, with seed 42.
 */
export function defaultPlan(table: Table): DataPlan {
  const last = table.columns.length - 1;
  const sentences = table.columns.map((column, j): SentenceStats | null => {
    const stats = j === last ? null : sentenceStats(column, table.rowCount);
    return isSentences(stats) ? stats : null;
  });
  const plain = table.summaries.some((s, j) => j !== last && sentences[j] === null && (s.type === 'numeric' || s.type === 'categorical'));
  const textColumn = plain ? -1 : sentences.findIndex((s) => s !== null);
  const columns = table.summaries.map((summary, j): ColumnPlan => {
    const { name } = summary;
    if (j === last) return { name, role: 'target', transform: 'none', missing: 'drop' };
    if (j === textColumn) return { name, role: 'feature', transform: 'text', missing: 'zero', text: defaultTextOptions(sentences[j] ?? null) };
    if (sentences[j] !== null) return { name, role: 'ignore', transform: 'none', missing: 'mean' };
    switch (summary.type) {
      case 'numeric':
        return { name, role: 'feature', transform: 'standardize', missing: 'mean' };
      case 'categorical':
        return { name, role: 'feature', transform: 'onehot', missing: 'mode' };
      case 'id':
      case 'constant':
      case 'text':
        return { name, role: 'ignore', transform: 'none', missing: 'mean' };
      default:
        return assertNever(summary.type, 'column type');
    }
  });
  const target = defaultTargetEncoding(table, last);
  const classify = target !== 'regression';
  return { columns, target, split: { kind: 'fraction', validation: 0.2, stratified: classify, seed: 42 } };
}

function defaultTargetEncoding(table: Table, j: number): TargetEncoding {
  const column = table.columns[j];
  const summary = table.summaries[j];
  if (column === undefined || summary === undefined) return 'regression';
  const classify = column.kind === 'codes' || summary.classes !== undefined || table.headerClassNames !== undefined;
  if (!classify) return 'regression';
  return targetClasses(table, column).names.length === 2 ? 'binary' : 'onehot';
}

/**
 * Why the plan cannot be fitted to the table, in words for the user, or null when it can.
 * Checked in the order a user would fix things: roles first, then the columns' contents.
 */
export function checkPlan(table: Table, plan: DataPlan): string | null {
  const byName = new Map(table.columns.map((c, j) => [c.name, j]));
  for (const col of plan.columns) if (!byName.has(col.name)) return `there is no column "${col.name}" in the file`;
  // Before roles: with one row every column is constant, and no choice of roles can fix that.
  if (table.rowCount < 2) return 'the file has only 1 row of data; training needs at least 2 (one to train on, one to validate)';
  const targets = plan.columns.filter((c) => c.role === 'target');
  const features = plan.columns.filter((c) => c.role === 'feature');
  const [targetPlan] = targets;
  if (targetPlan === undefined) return 'choose a target column';
  if (targets.length > 1) return 'choose only one target column';
  if (features.length === 0)
    return noFeatures(
      table,
      plan.columns.filter((c) => c.role !== 'target').map((c) => c.name),
      targetPlan.name,
    );
  if (plan.split.kind === 'fraction' && !(plan.split.validation >= 0 && plan.split.validation < 1)) {
    return 'the validation share must be at least 0 and less than 1';
  }
  for (const col of [...features, targetPlan]) {
    const j = byName.get(col.name) as number;
    if ((table.summaries[j]?.missing ?? 0) >= table.rowCount) return `the column "${col.name}" is all missing`;
  }
  const text = checkText(features);
  if (text !== null) return text;
  for (const col of features) {
    const column = table.columns[byName.get(col.name) as number] as Column;
    if (col.transform !== 'onehot' && col.transform !== 'text' && column.kind === 'codes') {
      return `column "${col.name}" has non-numeric values such as "${wordIn(column)}"; encode it one-hot or ignore it`;
    }
  }
  return checkTarget(table, table.columns[byName.get(targetPlan.name) as number] as Column, plan.target);
}

/**
 * Why the text features cannot be used, or null: a model takes a text column's token ids as its
 * one input (an Embedding), so a text column must be the only feature.
 */
function checkText(features: readonly ColumnPlan[]): string | null {
  const texts = features.filter((c) => c.transform === 'text');
  const [first, second] = texts;
  if (first === undefined) return null;
  if (second !== undefined) return `only one text column can be a feature, but "${first.name}" and "${second.name}" both are; set the others to ignore`;
  const other = features.find((c) => c.transform !== 'text');
  if (other !== undefined) {
    return `the text column "${first.name}" must be the only feature (the model takes its token ids as its one input), but "${other.name}" is one too; set it to ignore`;
  }
  const problem = checkTextOptions(first.text ?? DEFAULT_COLUMN_TEXT);
  return problem === null ? null : `column "${first.name}": ${problem}`;
}

function checkTarget(table: Table, column: Column, encoding: TargetEncoding): string | null {
  const name = column.name;
  switch (encoding) {
    case 'regression':
      if (column.kind === 'codes') {
        return `the target column "${name}" has non-numeric values such as "${wordIn(column)}"; regression needs numbers (choose a classification encoding)`;
      }
      return null;
    case 'onehot':
    case 'integer':
    case 'binary': {
      const { names } = targetClasses(table, column);
      if (names.length > MAX_CLASSES) {
        return `the target column "${name}" has more than ${MAX_CLASSES} distinct values, too many classes for a classifier; use regression`;
      }
      if (names.length < 2) return `the target column "${name}" has only one class (${names[0] ?? ''}); a classifier needs at least two`;
      if (encoding === 'binary' && names.length !== 2) {
        return `the target column "${name}" has ${names.length} classes; binary needs exactly two (use one-hot)`;
      }
      return null;
    }
    default:
      return assertNever(encoding, 'target encoding');
  }
}

/** How many columns a message lists by name before it says "and N more". */
const LISTED = 3;

function listed(parts: readonly string[]): string {
  const shown = parts.slice(0, LISTED).join(', ');
  return parts.length > LISTED ? `${shown} and ${parts.length - LISTED} more` : shown;
}

/**
 * Why there is no feature column: the one reason that applies to every other column (each one
 * constant, or no other column at all); else, when each is one a default plan leaves out (a row
 * id, free text, a constant), what each is; else the plain request, since the user left them out.
 */
function noFeatures(table: Table, others: readonly string[], target: string): string {
  if (others.length === 0) return `the file has only one column ("${target}", the target); training needs at least one more column to learn from`;
  const summaries = others.map((name) => table.summaries.find((s) => s.name === name));
  if (summaries.every((s) => s?.type === 'constant')) {
    const each = summaries.map((s) => `"${s?.name ?? ''}" is always ${constantValue(s)}`);
    return `every feature column has the same value in every row (${listed(each)}); there is nothing to learn from`;
  }
  const leftOut = summaries.map((s) => (s === undefined ? undefined : leftOutReason(table, s)));
  if (leftOut.every((r) => r !== undefined)) {
    return `choose at least one feature column; the plan leaves out every other one: ${listed(leftOut as string[])}`;
  }
  return 'choose at least one feature column';
}

/** What a column is that a default plan leaves out (a row id, free text, a constant), or undefined for a usable one. */
function leftOutReason(table: Table, summary: ColumnSummary): string | undefined {
  const name = `"${summary.name}"`;
  const column = table.columns.find((c) => c.name === summary.name);
  switch (summary.type) {
    case 'id':
      return `${name} looks like a row id (a different value in every row)`;
    case 'text':
      return `${name} is text with a different value in most rows${column?.kind === 'codes' ? `, such as "${wordIn(column)}"` : ''}`;
    case 'constant':
      return `${name} is always ${constantValue(summary)}`;
    case 'numeric':
    case 'categorical':
      return undefined;
    default:
      return assertNever(summary.type, 'column type');
  }
}

function constantValue(summary: ColumnSummary | undefined): string {
  if (summary === undefined || summary.distinct === 0) return 'missing';
  if (summary.min !== undefined) return String(summary.min);
  return summary.classes?.[0] ?? 'the same';
}

/** A value of a word column that is not a number, to quote in a message. */
function wordIn(column: Extract<Column, { kind: 'codes' }>): string {
  return column.dictionary.find((v) => Number.isNaN(Number(v))) ?? column.dictionary[0] ?? '';
}
