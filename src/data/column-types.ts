/**
 * What a column holds, inferred from its values, plus the small accessors the preprocessing uses
 * to read one cell of a column whichever way it is stored.
 */
import { compareLabels } from './csv-cells';
import type { Column, ColumnSummary, ColumnType, Table } from './types';

/** Distinct values are counted exactly up to this many, then reported as a lower bound. */
export const DISTINCT_CAP = 100_000;
/** A word column is categorical with at most this many distinct values (and at most half the rows). */
export const MAX_CATEGORIES = 50;
/** A whole-number column with at most this many distinct values also lists `classes`. */
export const MAX_INTEGER_CLASSES = 10;

// Names spreadsheets and pandas give to row numbers and keys.
const ID_NAME = /^(id|idx|index|row|rownum|row_?id|unnamed: ?\d+)$|[_ ]id$/i;

/** The category key of one cell (numbers as JavaScript prints them), or null when missing. */
export function cellKey(column: Column, row: number): string | null {
  if (column.kind === 'numeric') {
    const v = column.values[row] as number;
    return Number.isNaN(v) ? null : String(v);
  }
  const code = column.codes[row] as number;
  return code < 0 ? null : (column.dictionary[code] as string);
}

/** True when the cell is missing. */
export function isMissingAt(column: Column, row: number): boolean {
  return column.kind === 'numeric' ? Number.isNaN(column.values[row] as number) : (column.codes[row] as number) < 0;
}

/**
 * Summarises one column. The rules, in order:
 * - `constant`: at most one distinct value (an all-missing column is constant too);
 * - numbers: `id` when every value is a distinct whole number and the column is named like a key
 *   (`id`, `index`, `*_id`) or the values are a run such as 1..n with at least 20 rows; otherwise
 *   `numeric` with min/max/mean/std (population std), and `classes` when the values are whole
 *   numbers with at most {@link MAX_INTEGER_CLASSES} distinct values, so it can be a class target;
 * - words: `categorical` with at most {@link MAX_CATEGORIES} distinct values and at most half as
 *   many as non-missing cells; `id` when every value is distinct and none has a space; else `text`.
 */
export function summarizeColumn(column: Column, rowCount: number): ColumnSummary {
  return column.kind === 'numeric' ? summarizeNumbers(column.name, column.values, rowCount) : summarizeCodes(column, rowCount);
}

function summarizeNumbers(name: string, values: Float64Array, rowCount: number): ColumnSummary {
  const seen = new Set<number>();
  let missing = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < rowCount; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
    if (seen.size < DISTINCT_CAP) seen.add(v);
  }
  const present = rowCount - missing;
  const distinct = seen.size;
  const base = { name, missing, distinct };
  if (distinct <= 1) return { ...base, type: 'constant', ...(present > 0 ? { min, max, mean: min, std: 0 } : {}) };
  const mean = sum / present;
  let squares = 0;
  for (let i = 0; i < rowCount; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) squares += (v - mean) * (v - mean);
  }
  const stats = { min, max, mean, std: Math.sqrt(squares / present) };
  const allDistinct = missing === 0 && distinct === rowCount && distinct < DISTINCT_CAP;
  if (whole && allDistinct && (ID_NAME.test(name.trim()) || (rowCount >= 20 && max - min + 1 === rowCount))) {
    return { ...base, type: 'id', ...stats };
  }
  if (whole && distinct <= MAX_INTEGER_CLASSES) {
    const classes = [...seen].sort((a, b) => a - b).map(String);
    return { ...base, type: 'numeric', classes, ...stats };
  }
  return { ...base, type: 'numeric', ...stats };
}

function summarizeCodes(column: Extract<Column, { kind: 'codes' }>, rowCount: number): ColumnSummary {
  const { codes, dictionary, name } = column;
  let missing = 0;
  for (let i = 0; i < rowCount; i++) if ((codes[i] as number) < 0) missing++;
  const present = rowCount - missing;
  // Every dictionary entry was added because a cell held it, so its size is the distinct count.
  const distinct = dictionary.length;
  const base = { name, missing, distinct };
  let type: ColumnType;
  if (distinct <= 1) type = 'constant';
  else if (distinct <= MAX_CATEGORIES && distinct * 2 <= present) type = 'categorical';
  else if (missing === 0 && distinct === rowCount && dictionary.every((v) => !/\s/.test(v))) type = 'id';
  else type = 'text';
  if (type === 'categorical' || type === 'constant') return { ...base, type, classes: [...dictionary].sort(compareLabels) };
  return { ...base, type };
}

/** The cell key of each class: its index when the names came from an sklearn header line. */
export function classKeys(table: Table, target: Column, names: readonly string[]): readonly string[] {
  const named = table.headerClassNames;
  const fromHeader = target.kind === 'numeric' && named !== undefined && named.length === names.length && named.every((n, i) => n === names[i]);
  return fromHeader ? names.map((_, i) => String(i)) : names;
}
