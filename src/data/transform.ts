/**
 * Applying fitted preprocessing: a whole table to a {@link Dataset}, one new row to a feature
 * vector, and a model's output back to a label or a value.
 */
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { cellKey, classKeys, isMissingAt } from './column-types';
import { canonicalCategory, parseNumberCell } from './csv-cells';
import { textAt, textWidth, writeText } from './text-column';
import type { Column, DataPlan, Dataset, FittedFeature, FittedPreprocessing, Table } from './types';

/** The column called `name`; a missing one is the user's file lacking it. */
export function columnNamed(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) throw new UserFileError(`there is no column "${name}" in the file`);
  return column;
}

/** The columns whose missing cells drop the row, by the plan. */
export function dropColumns(table: Table, plan: DataPlan): Column[] {
  return plan.columns.filter((c) => c.role === 'feature' && c.missing === 'drop').map((c) => columnNamed(table, c.name));
}

/**
 * The rows a plan keeps: those with a target, and with a value in every feature whose missing
 * policy is `drop`. Fitting and transforming both use exactly these rows.
 */
export function keptRows(table: Table, target: Column, dropIfMissing: readonly Column[]): Int32Array {
  const rows = new Int32Array(table.rowCount);
  let count = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (isMissingAt(target, i) || dropIfMissing.some((c) => isMissingAt(c, i))) continue;
    rows[count++] = i;
  }
  return rows.slice(0, count);
}

/** Width of one fitted feature in `x`. */
function widthOf(feature: FittedFeature): number {
  if (feature.kind === 'text') return textWidth(feature);
  return feature.kind === 'scale' ? 1 : feature.categories.length;
}

/** Where the feature called `name` starts in `x`; throws when the preprocessing has no such feature. */
export function featureOffset(fitted: FittedPreprocessing, name: string): number {
  let at = 0;
  for (const feature of fitted.features) {
    if (feature.name === name) return at;
    at += widthOf(feature);
  }
  throw new UserFileError(`the fitted preprocessing has no feature "${name}"`);
}

/**
 * Turns a table into samples with fitted preprocessing (fitted on this table, or on the training
 * file when this is a separate validation file). Rows without a target, and rows missing a value
 * in a feature whose policy is `drop`, are left out. Throws {@link UserFileError} when a column is
 * absent or the target holds a class the fit did not see.
 */
export function transformTable(table: Table, fitted: FittedPreprocessing, plan: DataPlan): Dataset {
  const target = columnNamed(table, fitted.target.name);
  const rows = keptRows(table, target, dropColumns(table, plan));
  const count = rows.length;
  const width = fitted.featureNames.length;
  const x = new Float32Array(count * width);
  let offset = 0;
  for (const feature of fitted.features) {
    const column = columnNamed(table, feature.name);
    if (feature.kind === 'scale' && column.kind === 'numeric') {
      // The hot path: numbers straight from the column, no string keys.
      for (let r = 0; r < count; r++) {
        const v = column.values[rows[r] as number] as number;
        x[r * width + offset] = ((Number.isNaN(v) ? feature.fill : v) - feature.offset) / feature.scale;
      }
    } else if (feature.kind === 'text') {
      for (let r = 0; r < count; r++) writeText(feature, textAt(column, rows[r] as number), x, r * width + offset);
    } else {
      for (let r = 0; r < count; r++) writeFeature(feature, cellKey(column, rows[r] as number), x, r * width + offset);
    }
    offset += widthOf(feature);
  }
  const { encoding, classes } = fitted.target;
  if (encoding === 'regression') {
    if (target.kind !== 'numeric') throw new UserFileError(`the target column "${target.name}" has non-numeric values`);
    const y = new Float32Array(count);
    const shift = fitted.target.offset ?? 0;
    const scale = fitted.target.scale ?? 1;
    for (let r = 0; r < count; r++) y[r] = ((target.values[rows[r] as number] as number) - shift) / scale;
    return { x, y, count, featureShape: [width], targetShape: [1], task: 'regression' };
  }
  const names = classes ?? [];
  const index = new Map(classKeys(table, target, names).map((k, i) => [k, i]));
  const k = names.length;
  const perRow = encoding === 'onehot' ? k : 1;
  const y = new Float32Array(count * perRow);
  for (let r = 0; r < count; r++) {
    const key = cellKey(target, rows[r] as number) as string;
    const id = index.get(key);
    if (id === undefined) {
      throw new UserFileError(`the target column "${target.name}" has the class "${key}", which the training data does not have`);
    }
    if (encoding === 'onehot') y[r * k + id] = 1;
    else y[r] = id;
  }
  return { x, y, count, featureShape: [width], targetShape: [perRow], task: 'classification', classNames: names };
}

function writeFeature(feature: FittedFeature, key: string | null, x: Float32Array, at: number): void {
  switch (feature.kind) {
    case 'scale': {
      const raw = key === null ? feature.fill : Number(key);
      x[at] = (raw - feature.offset) / feature.scale;
      return;
    }
    case 'onehot': {
      const i = feature.categories.indexOf(key ?? feature.fill);
      if (i >= 0) x[at + i] = 1;
      return;
    }
    case 'text':
      writeText(feature, key ?? '', x, at);
      return;
    default:
      assertNever(feature, 'fitted feature');
  }
}

/**
 * The feature vector of one new row (cells by column name, as read from a CSV or a form), with
 * exactly the transform {@link transformTable} applies: a missing cell gets the fill value, an
 * unknown category becomes all zeros. Throws {@link UserFileError} for a word in a number column.
 */
export function transformRow(values: Readonly<Record<string, string>>, fitted: FittedPreprocessing): Float32Array {
  const x = new Float32Array(fitted.featureNames.length);
  let at = 0;
  for (const feature of fitted.features) {
    const raw = values[feature.name];
    if (feature.kind === 'text') {
      writeText(feature, raw ?? '', x, at);
      at += widthOf(feature);
      continue;
    }
    let key = raw === undefined ? null : canonicalCategory(raw);
    if (feature.kind === 'scale' && key !== null && Number.isNaN(parseNumberCell(key))) {
      // A form may well hold `3,5`; a table column with words never reaches a scaler.
      const n = parseNumberCell(key, true);
      if (Number.isNaN(n)) throw new UserFileError(`the value "${raw}" of column "${feature.name}" is not a number`);
      key = String(n);
    }
    writeFeature(feature, key, x, at);
    at += widthOf(feature);
  }
  return x;
}

/** What a model's output means: a class with its probabilities, or a regression value. */
export type Prediction =
  | { readonly kind: 'class'; readonly label: string; readonly classIndex: number; readonly probabilities: Float32Array }
  | { readonly kind: 'value'; readonly value: number };

/**
 * Reads one sample of model output. One-hot and integer targets expect one probability per class
 * (softmax); a single number for an integer target is rounded to a class id. A binary target
 * expects one sigmoid output p, reported as [1 - p, p]. Regression undoes the target's scaling.
 */
export function decodePrediction(output: Float32Array, fitted: FittedPreprocessing): Prediction {
  const { encoding, classes = [] } = fitted.target;
  switch (encoding) {
    case 'regression':
      return { kind: 'value', value: (output[0] ?? Number.NaN) * (fitted.target.scale ?? 1) + (fitted.target.offset ?? 0) };
    case 'binary': {
      const p = output[0] ?? 0;
      const classIndex = p >= 0.5 ? 1 : 0;
      return { kind: 'class', label: classes[classIndex] ?? String(classIndex), classIndex, probabilities: Float32Array.of(1 - p, p) };
    }
    case 'integer':
    case 'onehot': {
      if (output.length === 1 && classes.length > 1) {
        const classIndex = Math.min(classes.length - 1, Math.max(0, Math.round(output[0] as number)));
        const probabilities = new Float32Array(classes.length);
        probabilities[classIndex] = 1;
        return { kind: 'class', label: classes[classIndex] as string, classIndex, probabilities };
      }
      let classIndex = 0;
      for (let i = 1; i < output.length; i++) if ((output[i] as number) > (output[classIndex] as number)) classIndex = i;
      return { kind: 'class', label: classes[classIndex] ?? String(classIndex), classIndex, probabilities: Float32Array.from(output) };
    }
    default:
      return assertNever(encoding, 'target encoding');
  }
}
