/**
 * Fitting the preprocessing a plan asks for (scalers, categories, fill values, classes) on a
 * table. Applying it lives in `transform.ts` and is re-exported here.
 */
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { cellKey } from './column-types';
import { compareLabels } from './csv-cells';
import { checkPlan, targetClasses } from './plan';
import { columnNamed, dropColumns, keptRows } from './transform';
import type { Column, ColumnPlan, DataPlan, FittedFeature, FittedPreprocessing, Table } from './types';

export { columnNamed, decodePrediction, transformRow, transformTable } from './transform';
export type { Prediction } from './transform';

/**
 * Fits the plan to the table, over the rows it keeps. Statistics include the rows later held out
 * for validation: a small leak, accepted so that the split can happen after the transform.
 *
 * - standardize: offset = mean, scale = population std (1 when the std is 0);
 * - minmax: offset = min, scale = max - min (1 when 0); none: offset 0, scale 1;
 * - missing numbers are filled with the mean, median, mode or 0 (raw units, before scaling);
 *   `drop` keeps the mean as fill for {@link transformRow}, which cannot drop its one row;
 * - one-hot categories are the distinct values in label order; missing -> the mode (`mean` and
 *   `median` mean the mode here), or nothing (all zeros) with `zero`;
 * - classes come from `targetClasses` (sklearn header names, else sorted labels);
 * - a regression target is left in its own units (offset 0, scale 1) so losses read as the data.
 *
 * Throws {@link UserFileError} with {@link checkPlan}'s reason when the plan cannot be fitted.
 */
export function fitPreprocessing(table: Table, plan: DataPlan): FittedPreprocessing {
  const problem = checkPlan(table, plan);
  if (problem !== null) throw new UserFileError(problem);
  const targetPlan = plan.columns.find((c) => c.role === 'target') as ColumnPlan;
  const target = columnNamed(table, targetPlan.name);
  const rows = keptRows(table, target, dropColumns(table, plan));
  const features: FittedFeature[] = [];
  const featureNames: string[] = [];
  for (const col of plan.columns) {
    if (col.role !== 'feature') continue;
    const feature = fitFeature(columnNamed(table, col.name), col, rows);
    features.push(feature);
    if (feature.kind === 'scale') featureNames.push(feature.name);
    else featureNames.push(...feature.categories.map((c) => `${feature.name}=${c}`));
  }
  const encoding = plan.target;
  const targetFit = encoding === 'regression'
    ? { name: target.name, encoding, offset: 0, scale: 1 }
    : { name: target.name, encoding, classes: targetClasses(table, target).names };
  return { version: 1, features, featureNames, target: targetFit };
}

/** How often each category occurs in `rows`: by dictionary code for coded columns (no strings per row). */
function categoryCounts(column: Column, rows: Int32Array): Map<string, number> {
  const counts = new Map<string, number>();
  if (column.kind === 'codes') {
    const byCode = new Int32Array(column.dictionary.length);
    for (let r = 0; r < rows.length; r++) {
      const code = column.codes[rows[r] as number] as number;
      if (code >= 0) byCode[code] = (byCode[code] as number) + 1;
    }
    byCode.forEach((n, code) => {
      if (n > 0) counts.set(column.dictionary[code] as string, n);
    });
    return counts;
  }
  for (const i of rows) {
    const key = cellKey(column, i);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function fitFeature(column: Column, plan: ColumnPlan, rows: Int32Array): FittedFeature {
  const name = column.name;
  if (plan.transform === 'onehot') {
    const counts = categoryCounts(column, rows);
    const categories = [...counts.keys()].sort(compareLabels);
    let mode = categories[0] ?? '';
    for (const c of categories) if ((counts.get(c) as number) > (counts.get(mode) as number)) mode = c;
    return { kind: 'onehot', name, categories, fill: plan.missing === 'zero' ? '' : mode };
  }
  if (column.kind !== 'numeric') throw new UserFileError(`column "${name}" has non-numeric values; encode it one-hot or ignore it`);
  const stats = numberStats(column.values, rows);
  const fill = fillValue(plan.missing, stats);
  switch (plan.transform) {
    case 'standardize':
      return { kind: 'scale', name, fill, offset: stats.mean, scale: stats.std > 0 ? stats.std : 1 };
    case 'minmax':
      return { kind: 'scale', name, fill, offset: stats.min, scale: stats.max > stats.min ? stats.max - stats.min : 1 };
    case 'none':
      return { kind: 'scale', name, fill, offset: 0, scale: 1 };
    default:
      return assertNever(plan.transform, 'transform');
  }
}

interface NumberStats {
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** The non-missing values, gathered only when a median or mode asks for them. */
  readonly values: () => Float64Array;
}

/** Mean, population std, min and max of the non-missing values at `rows`, in two passes, no copies. */
function numberStats(column: Float64Array, rows: Int32Array): NumberStats {
  let sum = 0;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  // Indexed loops: iterating a typed array with for-of is several times slower on large tables.
  for (let r = 0; r < rows.length; r++) {
    const v = column[rows[r] as number] as number;
    if (Number.isNaN(v)) continue;
    sum += v;
    count += 1;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const values = () => {
    const out = new Float64Array(count);
    let k = 0;
    for (let r = 0; r < rows.length; r++) {
      const v = column[rows[r] as number] as number;
      if (!Number.isNaN(v)) out[k++] = v;
    }
    return out;
  };
  if (count === 0) return { mean: 0, std: 0, min: 0, max: 0, values };
  const mean = sum / count;
  let squares = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = column[rows[r] as number] as number;
    if (!Number.isNaN(v)) squares += (v - mean) * (v - mean);
  }
  return { mean, std: Math.sqrt(squares / count), min, max, values };
}

function fillValue(policy: ColumnPlan['missing'], stats: NumberStats): number {
  switch (policy) {
    case 'mean':
    case 'drop':
      return stats.mean;
    case 'zero':
      return 0;
    case 'median': {
      const sorted = stats.values().sort();
      const mid = sorted.length >> 1;
      if (sorted.length === 0) return 0;
      return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    }
    case 'mode': {
      const counts = new Map<number, number>();
      const values = stats.values();
      let best = values[0] ?? 0;
      for (const v of values) {
        const n = (counts.get(v) ?? 0) + 1;
        counts.set(v, n);
        if (n > (counts.get(best) as number) || (n === counts.get(best) && v < best)) best = v;
      }
      return best;
    }
    default:
      return assertNever(policy, 'missing policy');
  }
}
