/**
 * Small pieces of Python source shared by the Keras script emitters: literals, tuples, indentation
 * and the pieces of data code that several data sources share.
 */
import { invariant } from '../lib/invariant';
import { pyString } from '../lib/py-source';

// The one string escaper of generated Python (src/lib/py-source.ts), here beside the other literals.
export { pyCommentText, pySource, pyString } from '../lib/py-source';

/** Modules a generated script may import beyond Keras itself. */
export type PyModule = 'csv' | 'gzip' | 'io' | 'json' | 'os' | 're' | 'zipfile' | 'numpy' | 'pandas' | 'tensorflow';

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

/** Longest identifier {@link pyIdentifier} makes: file systems refuse names over 255 bytes, zip over 64 KiB. */
const MAX_IDENTIFIER = 100;

/**
 * A project name as a Python-friendly identifier for the model and its file: `Iris classifier`
 * -> `iris_classifier`. Keras accepts most names, but a file name and a model name alike read
 * better without spaces or slashes. At most {@link MAX_IDENTIFIER} characters, so that any name
 * makes a file name a disk and a zip accept.
 */
export function pyIdentifier(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, MAX_IDENTIFIER)
    .replace(/^_+|_+$/g, '');
  if (id === '') return 'model';
  return /^[0-9]/.test(id) ? `model_${id}` : id;
}

/**
 * A file or folder the script reads from its own folder: a built-in sample, which the export can
 * put beside it (`path` is where the site serves it, `samples/iris.csv`), or something only the
 * user has (an uploaded CSV, an image folder), which they must put there.
 */
export type ScriptDataFile = { readonly kind: 'sample'; readonly name: string; readonly path: string } | { readonly kind: 'user'; readonly name: string };

/** Where a script's arrays come from and what `fit` gets: arrays, or tf.data datasets of batches. */
export interface DataCode {
  /** Python statements that define `x_train, y_train[, x_val, y_val]` or `train_ds[, val_ds]`. */
  readonly lines: readonly string[];
  /** What those statements read, by name in the script's folder. */
  readonly files: readonly ScriptDataFile[];
  readonly needs: ReadonlySet<PyModule>;
  /** pip packages beyond tensorflow, for the header. */
  readonly pip: readonly string[];
  readonly fit: { readonly kind: 'arrays' | 'datasets'; readonly validation: boolean };
  /** Statements run once the model is trained (a text model's tokenizer for new text); none when absent. */
  readonly use?: readonly string[];
}

/**
 * `HERE`, the folder data paths are read from: the script's own, so it runs from anywhere with its
 * data beside it (the current folder where there is no file, as in a notebook).
 */
export const HERE_LINES: readonly string[] = [
  '# Data files are read from the folder this script is in.',
  'HERE = os.path.dirname(os.path.abspath(__file__)) if "__file__" in globals() else os.getcwd()',
];

/** A path in the script's folder: `os.path.join(HERE, "iris.csv")`. */
export function pyPath(fileName: string): string {
  return `os.path.join(HERE, ${pyString(fileName)})`;
}
