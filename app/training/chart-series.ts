import { nice, ticks } from 'd3-array';
import { MAX_CHART_POINTS } from '../store/batch-series';

/**
 * A chart's SVG description. Recharts makes each chart a Tab stop (role application, its keyboard
 * layer) named by the SVG title: this says what the keys do once there.
 */
export const CHART_KEYS_HELP = 'Left and right arrow keys step through the points, showing their values.';

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

/**
 * The pixel positions of `scale`'s ticks along an axis that starts at pixel `start` and runs
 * `span` pixels (negative: upwards), for the chart's grid lines: Recharts' own grid measures the
 * tick labels in the DOM to find them, a forced layout on every redraw.
 */
export function gridLines(scale: AxisScale, start: number, span: number): number[] {
  const [lo, hi] = scale.domain;
  const width = hi - lo || 1;
  return scale.ticks.map((t) => start + ((t - lo) / width) * span);
}
