/**
 * Statistics of a numeric column for fitting a scaler, computed so that huge values (±1e308)
 * cannot overflow them, and the check that a fitted scaler maps the column to numbers training
 * can hold.
 */
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import type { ColumnPlan, FeatureTransform } from './types';

/** The largest magnitude a 32-bit float holds: `x` and `y` are Float32Arrays, as tfjs trains. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** What fitting a scaler needs to know about a column's non-missing values. */
export interface NumberStats {
  readonly count: number;
  readonly mean: number;
  /** Population standard deviation. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** The non-missing values, gathered only when a median or mode asks for them. */
  readonly values: () => Float64Array;
}

/**
 * Mean, population std, min and max of the non-missing values at `rows`. Ordinary data takes two
 * plain passes, so its numbers are exactly those of `sum / n` and `sqrt(Σ(v - mean)² / n)`; only
 * when a sum overflows is it redone with scaled terms, which keeps ±1e308 finite. The std is
 * Infinity only when the values are too far apart for any difference of them to be a number.
 */
export function numberStats(column: Float64Array, rows: Int32Array): NumberStats {
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
  if (count === 0) return { count, mean: 0, std: 0, min: 0, max: 0, values };
  let mean = sum / count;
  if (!Number.isFinite(mean)) {
    mean = 0;
    for (let r = 0; r < rows.length; r++) {
      const v = column[rows[r] as number] as number;
      if (!Number.isNaN(v)) mean += v / count;
    }
  }
  let squares = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = column[rows[r] as number] as number;
    if (!Number.isNaN(v)) squares += (v - mean) * (v - mean);
  }
  let std = Math.sqrt(squares / count);
  if (!Number.isFinite(std)) {
    // Squares past 1e308: sum them in units of the largest deviation instead.
    const unit = Math.max(max - mean, mean - min);
    let scaled = 0;
    for (let r = 0; r < rows.length && Number.isFinite(unit); r++) {
      const v = column[rows[r] as number] as number;
      if (!Number.isNaN(v)) scaled += ((v - mean) / unit) ** 2;
    }
    std = unit * Math.sqrt(scaled / count);
  }
  return { count, mean, std, min, max, values };
}

/** The fill value for missing cells under `policy`, in the column's own units. */
export function fillValue(policy: ColumnPlan['missing'], stats: NumberStats): number {
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
      if (sorted.length % 2 === 1) return sorted[mid] as number;
      const [a, b] = [sorted[mid - 1] as number, sorted[mid] as number];
      // Halves first only when the sum overflows, so ordinary medians stay exactly (a + b) / 2.
      return Number.isFinite(a + b) ? (a + b) / 2 : a / 2 + b / 2;
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

/** A number as a message quotes it: `1e+308`, `3.142`, `-0.5`. */
export function quoteNumber(v: number): string {
  return String(Number(v.toPrecision(4)));
}

const VERBS: Readonly<Record<Exclude<FeatureTransform, 'onehot' | 'text'>, string>> = {
  standardize: 'standardize',
  minmax: 'scale to 0..1',
  none: 'use as they are',
};

/**
 * Throws a {@link UserFileError} naming the column and its range unless `offset`, `scale` and
 * `fill` are finite and map every value of the column (the extremes bound them all, the map
 * being linear) into what a 32-bit float holds: such a fit would save as `null` in the project
 * and train on Infinity.
 */
export function checkScaleFits(
  name: string,
  transform: Exclude<FeatureTransform, 'onehot' | 'text'>,
  stats: NumberStats,
  fit: { readonly offset: number; readonly scale: number; readonly fill: number },
): void {
  const mapped = [stats.min, stats.max, fit.fill].map((v) => (v - fit.offset) / fit.scale);
  const ok = [fit.offset, fit.scale, fit.fill, ...mapped].every(Number.isFinite) && mapped.every((v) => Math.abs(v) <= FLOAT32_MAX);
  if (ok) return;
  const range = `from ${quoteNumber(stats.min)} to ${quoteNumber(stats.max)}`;
  const advice =
    transform === 'none' ? 'standardize it, divide it by a power of ten in the file, or ignore it' : 'divide it by a power of ten in the file, or ignore it';
  throw new UserFileError(
    `column "${name}" has values ${range}, too large to ${VERBS[transform]} within the about ±3.4e+38 that training's 32-bit numbers hold; ${advice}`,
  );
}

/** Throws unless a regression target's values fit in a 32-bit float, which `y` is. */
export function checkTargetFits(name: string, stats: NumberStats): void {
  if (Math.max(Math.abs(stats.min), Math.abs(stats.max)) <= FLOAT32_MAX) return;
  throw new UserFileError(
    `the target column "${name}" has values from ${quoteNumber(stats.min)} to ${quoteNumber(stats.max)}, beyond the about ±3.4e+38 that training's 32-bit numbers hold; divide it by a power of ten in the file`,
  );
}
