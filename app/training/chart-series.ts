import { nice, ticks } from 'd3-array';
import type { BatchPoint, BatchSeries } from '../store/training-slice';

/**
 * The most points one chart line draws. A chart about 300 pixels wide shows no more, and Recharts' redraw
 * time grows with the points, so a long run would otherwise block the page on every update.
 */
export const MAX_CHART_POINTS = 240;

const onGrid = (step: number, stride: number): boolean => (step - 1) % stride === 0;

/**
 * Appends batch losses, smoothed as TensorBoard does, and keeps at most `max` points evenly
 * spaced: when the curve is full, every other point goes and the spacing doubles. The smoothing
 * sees every loss, and the curve always ends at the latest batch.
 */
export function appendBatchLosses(series: BatchSeries, losses: readonly number[], max = MAX_CHART_POINTS): BatchSeries {
  let stride = series.stride;
  const points: BatchPoint[] = [...series.points];
  for (const loss of losses) {
    const last = points[points.length - 1];
    const smoothed = last ? 0.9 * last.smoothed + 0.1 * loss : loss;
    // The previous latest point stays only if it lies on the grid.
    if (last && !onGrid(last.step, stride)) points.pop();
    points.push({ step: (last?.step ?? 0) + 1, loss, smoothed });
    if (points.length > max) {
      stride *= 2;
      const kept = points.filter((p, i) => onGrid(p.step, stride) || i === points.length - 1);
      points.length = 0;
      points.push(...kept);
    }
  }
  return { stride, points };
}

/** Every k-th row, and always the last, so that at most about `max` rows are drawn. */
export function thinRows<T>(rows: readonly T[], max = MAX_CHART_POINTS): readonly T[] {
  if (rows.length <= max) return rows;
  const stride = Math.ceil(rows.length / max);
  return rows.filter((_, i) => i % stride === 0 || i === rows.length - 1);
}

/** An axis's range and the round values to label, computed once per redraw instead of by Recharts. */
export interface AxisScale {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

/** A rounded range over the finite `values` with about `count` labels; integers only when asked. */
export function axisScale(values: Iterable<number>, count: number, integers = false): AxisScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return { domain: [0, 1], ticks: integers ? [0, 1] : [0, 0.5, 1] };
  if (lo === hi) {
    const pad = integers ? 1 : Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const [niceLo, niceHi] = integers ? [lo, hi] : nice(lo, hi, count);
  const values2 = ticks(niceLo, niceHi, count);
  return { domain: [niceLo, niceHi], ticks: integers ? values2.filter(Number.isInteger) : values2 };
}
