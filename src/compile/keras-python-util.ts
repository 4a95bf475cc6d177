/**
 * Small pieces of Python source shared by the Keras script emitters: literals, tuples, indentation
 * and the pieces of data code that several data sources share.
 */
import { invariant } from '../lib/invariant';

/** Modules a generated script may import beyond Keras itself. */
export type PyModule = 'json' | 'os' | 're' | 'numpy' | 'pandas' | 'sklearn' | 'tensorflow';

/**
 * A number as Python's `repr` writes it (`1e-06`, not JavaScript's `0.000001`), so the script reads
 * like hand-written Keras. Both spellings parse to the same double; this is only for the eye.
 */
export function pyNumber(n: number): string {
  invariant(Number.isFinite(n), `cannot write ${n} as a Python number literal`);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa = '', exponent = ''] = n.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

/** A string literal: JSON's escapes are all valid in Python string literals. */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** A Python list of string literals. */
export function pyStrings(items: readonly string[]): string {
  return `[${items.map(pyString).join(', ')}]`;
}

/** A tuple of dimensions: `(count, 28, 28, 1)`, `(count,)`. */
export function pyTuple(items: readonly (string | number)[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Lines indented by `levels` steps of four spaces; blank lines stay blank. */
export function indent(lines: readonly string[], levels = 1): string[] {
  const pad = ' '.repeat(4 * levels);
  return lines.map((line) => (line === '' ? '' : pad + line));
}

/** A call with one argument per line, the way black formats calls that do not fit on one line. */
export function pyCall(callee: string, args: readonly string[], assign?: string): string[] {
  return [`${assign === undefined ? '' : `${assign} = `}${callee}(`, ...indent(args.map((a) => `${a},`)), ')'];
}

/**
 * A project name as a Python-friendly identifier for the model and its file: `Iris classifier`
 * -> `iris_classifier`. Keras accepts most names, but a file name and a model name alike read
 * better without spaces or slashes.
 */
export function pyIdentifier(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') return 'model';
  return /^[0-9]/.test(id) ? `model_${id}` : id;
}

/** Where a script's arrays come from and what `fit` gets: arrays, or tf.data datasets of batches. */
export interface DataCode {
  /** Python statements that define `x_train, y_train[, x_val, y_val]` or `train_ds[, val_ds]`. */
  readonly lines: readonly string[];
  readonly needs: ReadonlySet<PyModule>;
  /** pip packages beyond tensorflow, for the header. */
  readonly pip: readonly string[];
  readonly fit: { readonly kind: 'arrays' | 'datasets'; readonly validation: boolean };
}

/**
 * The split of `x, y` into training and validation arrays: sklearn's seeded split, stratified by
 * `stratifyBy` when given. Netloom's own split is seeded too but draws with its own generator, so
 * the share matches and the rows differ.
 */
export function fractionSplit(validation: number, seed: number, stratifyBy: string | null): Pick<DataCode, 'lines' | 'fit'> & { readonly sklearn: boolean } {
  if (validation <= 0) {
    return { lines: ['# No validation share was set in Netloom: train on everything.', 'x_train, y_train = x, y'], fit: { kind: 'arrays', validation: false }, sklearn: false };
  }
  const how = stratifyBy === null ? 'seeded' : 'seeded, stratified';
  const stratify = stratifyBy === null ? '' : `, stratify=${stratifyBy}`;
  return {
    lines: [
      `# Hold out ${pyNumber(Math.round(validation * 1000) / 10)}% for validation (${how}): the same share as in Netloom, not the same rows.`,
      `x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=${pyNumber(validation)}${stratify}, random_state=${seed})`,
    ],
    fit: { kind: 'arrays', validation: true },
    sklearn: true,
  };
}
