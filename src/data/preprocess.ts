/**
 * Fitting the preprocessing a plan asks for (scalers, categories, fill values, classes) on a
 * table. Applying it lives in `transform.ts` and is re-exported here.
 */
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { cellKey } from './column-types';
import { compareLabels } from './csv-cells';
import { checkScaleFits, checkTargetFits, fillValue, numberStats } from './number-stats';
import { checkPlan, targetClasses } from './plan';
import { fitTextFeature, trainingRows } from './text-column';
import { columnNamed, dropColumns, keptRows } from './transform';
import type { Column, ColumnPlan, DataPlan, FittedFeature, FittedPreprocessing, Table } from './types';

export { columnNamed, decodePrediction, featureOffset, transformRow, transformTable } from './transform';
export type { Prediction } from './transform';

/**
 * Fits the plan to the table, over the rows it keeps. Statistics include the rows later held out
 * for validation: a small leak, accepted so that the split can happen after the transform. A
 * `text` column's vocabulary is the exception: it is fitted on the training rows only (the rows
 * the plan's seeded split will keep, see `trainingRows`), so validation shows real OOV tokens.
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
 * Every number of the result is finite, and maps the column's values into what a 32-bit float
 * holds: a column of ±1e308 standardises (its statistics are summed without overflow), while one
 * that no scaler can bring into range is refused, named with its values.
 *
 * Throws {@link UserFileError} with {@link checkPlan}'s reason when the plan cannot be fitted.
 */
export function fitPreprocessing(table: Table, plan: DataPlan): FittedPreprocessing {
  const problem = checkPlan(table, plan);
  if (problem !== null) throw new UserFileError(problem);
  const targetPlan = plan.columns.find((c) => c.role === 'target') as ColumnPlan;
  const target = columnNamed(table, targetPlan.name);
  const drop = dropColumns(table, plan);
  const rows = keptRows(table, target, drop);
  if (rows.length < 2) {
    const where =
      drop.length === 0 ? `the target column "${target.name}"` : `the target column "${target.name}" and in every column whose missing values drop the row`;
    throw new UserFileError(
      `only ${rows.length} of the ${table.rowCount} rows ${rows.length === 1 ? 'has' : 'have'} a value in ${where}; training needs at least 2 (one to train on, one to validate)`,
    );
  }
  const encoding = plan.target;
  const classes = encoding === 'regression' ? undefined : targetClasses(table, target).names;
  let trainRows: Int32Array | undefined;
  const features: FittedFeature[] = [];
  const featureNames: string[] = [];
  for (const col of plan.columns) {
    if (col.role !== 'feature') continue;
    const column = columnNamed(table, col.name);
    if (col.transform === 'text') {
      trainRows ??= trainingRows(table, plan, target, classes, rows);
      const feature = fitTextFeature(column, col, trainRows);
      features.push(feature);
      const length = feature.vectorizer.options.outputSequenceLength ?? 0;
      for (let i = 0; i < length; i++) featureNames.push(`${feature.name}[${i}]`);
      continue;
    }
    const feature = fitFeature(column, col, rows);
    features.push(feature);
    if (feature.kind === 'scale') featureNames.push(feature.name);
    else if (feature.kind === 'onehot') featureNames.push(...feature.categories.map((c) => `${feature.name}=${c}`));
  }
  // y is a Float32Array: a regression target in its own units must fit in one.
  if (encoding === 'regression' && target.kind === 'numeric') checkTargetFits(target.name, numberStats(target.values, rows));
  const targetFit = encoding === 'regression' ? { name: target.name, encoding, offset: 0, scale: 1 } : { name: target.name, encoding, classes: classes ?? [] };
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
  if (plan.transform === 'text') throw new UserFileError(`column "${name}" is text; fit it with its training rows`);
  if (column.kind !== 'numeric') throw new UserFileError(`column "${name}" has non-numeric values; encode it one-hot or ignore it`);
  const stats = numberStats(column.values, rows);
  const fill = fillValue(plan.missing, stats);
  const fit = scaleFor(plan.transform, stats);
  checkScaleFits(name, plan.transform, stats, { ...fit, fill });
  return { kind: 'scale', name, fill, ...fit };
}

function scaleFor(transform: Exclude<ColumnPlan['transform'], 'onehot' | 'text'>, stats: ReturnType<typeof numberStats>): { offset: number; scale: number } {
  switch (transform) {
    case 'standardize':
      return { offset: stats.mean, scale: stats.std > 0 ? stats.std : 1 };
    case 'minmax':
      return { offset: stats.min, scale: stats.max > stats.min ? stats.max - stats.min : 1 };
    case 'none':
      return { offset: 0, scale: 1 };
    default:
      return assertNever(transform, 'transform');
  }
}
