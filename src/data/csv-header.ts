/**
 * Deciding, from the first rows of a CSV, whether line one is a header, an sklearn-style
 * `150,4,setosa,versicolor,virginica` line, or data; and turning header cells into column names.
 */
import { MISSING_MARKERS, parseNumberCell } from './csv-cells';

/** What the first rows say about line one. */
export type HeaderGuess =
  | { readonly kind: 'none' }
  | { readonly kind: 'header' }
  /**
   * sklearn's bundled-dataset form: `rows,features,class names...`. `namesRow` is true when the
   * next line is a header of its own (sklearn's regression files do that).
   */
  | { readonly kind: 'sklearn'; readonly features: number; readonly classNames: readonly string[]; readonly namesRow: boolean };

type CellKind = 'missing' | 'number' | 'word';

function kindOf(cell: string | undefined, decimalComma: boolean): CellKind {
  const trimmed = (cell ?? '').trim();
  if (MISSING_MARKERS.has(trimmed)) return 'missing';
  return Number.isNaN(parseNumberCell(trimmed, decimalComma)) ? 'word' : 'number';
}

const WHOLE = /^\d+$/;

/**
 * Guesses what line one is from the first non-empty rows (a few dozen are plenty).
 *
 * A header is a row whose cells are mostly words where some column below it holds only numbers.
 * When every column is words, the row is a header when each of its cells is distinct and never
 * appears again in its column (a value repeating below it is a category, not a name). A single
 * row of words is a header. Ambiguous all-word files with unique first values read as headers.
 */
export function guessHeader(head: readonly (readonly string[])[], decimalComma: boolean): HeaderGuess {
  const [first, second] = head;
  if (first === undefined) return { kind: 'none' };
  if (first.length >= 2 && second !== undefined && WHOLE.test((first[0] ?? '').trim()) && WHOLE.test((first[1] ?? '').trim())) {
    const features = Number((first[1] ?? '').trim());
    const classNames = first.slice(2).map((c) => c.trim());
    const namesOk = classNames.length === 0 || classNames.every((c) => kindOf(c, decimalComma) === 'word');
    if (features >= 1 && second.length === features + 1 && first.length !== features + 1 && namesOk) {
      const namesRow = isHeaderRow(head.slice(1), decimalComma);
      // `1,2` above three-value rows is just as likely a short data row: trust it only with words.
      if (classNames.length > 0 || namesRow) return { kind: 'sklearn', features, classNames, namesRow };
    }
    // iris's own line `150,4,setosa,versicolor,virginica` happens to be as wide as its data rows.
    if (features >= 1 && second.length === features + 1 && classNames.length >= 1 && namesOk && lastColumnIsWhole(head.slice(1))) {
      return { kind: 'sklearn', features, classNames, namesRow: false };
    }
  }
  return isHeaderRow(head, decimalComma) ? { kind: 'header' } : { kind: 'none' };
}

function lastColumnIsWhole(rows: readonly (readonly string[])[]): boolean {
  return rows.every((row) => WHOLE.test((row[row.length - 1] ?? '').trim()));
}

function isHeaderRow(rows: readonly (readonly string[])[], decimalComma: boolean): boolean {
  const [first, ...below] = rows;
  if (first === undefined) return false;
  const kinds = first.map((c) => kindOf(c, decimalComma));
  const words = kinds.filter((k) => k === 'word').length;
  const numbers = kinds.filter((k) => k === 'number').length;
  if (words === 0 || words < numbers) return false;
  if (below.length === 0) return true;
  for (let j = 0; j < first.length; j++) {
    if (kinds[j] === 'word' && columnIsNumeric(below, j, decimalComma)) return true;
  }
  const seen = new Set<string>();
  for (let j = 0; j < first.length; j++) {
    if (kinds[j] !== 'word') continue;
    const name = (first[j] ?? '').trim();
    if (seen.has(name)) return false;
    seen.add(name);
    if (below.some((row) => (row[j] ?? '').trim() === name)) return false;
  }
  return true;
}

function columnIsNumeric(rows: readonly (readonly string[])[], j: number, decimalComma: boolean): boolean {
  let numbers = 0;
  for (const row of rows) {
    const kind = kindOf(row[j], decimalComma);
    if (kind === 'word') return false;
    if (kind === 'number') numbers++;
  }
  return numbers > 0;
}

/**
 * Column names from header cells: trimmed, an empty one becomes `column_<n>` (1-based position),
 * and a repeat gets `_2`, `_3`... so every name is unique and plans can refer to columns by name.
 */
export function uniqueNames(cells: readonly string[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, j) => {
    const base = cell.trim() === '' ? `column_${j + 1}` : cell.trim();
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}

/** Names for a file without a header: `column_1..column_n`. */
export function defaultNames(count: number): string[] {
  return Array.from({ length: count }, (_, j) => `column_${j + 1}`);
}

/** Names for an sklearn-style file: `feature_1..feature_n, target`. */
export function sklearnNames(features: number): string[] {
  return [...Array.from({ length: features }, (_, j) => `feature_${j + 1}`), 'target'];
}
