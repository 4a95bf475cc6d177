import type { LayerStats } from '../../src/train/insight-types';

/**
 * The most points one layer's plots keep. The plots are about 300 pixels wide, and a run samples
 * the views several times a second, so a long run would otherwise grow without bound.
 */
export const MAX_INSIGHT_POINTS = 200;

/** One layer's numbers at one sample of the views, as the plots draw them. */
// A type, not an interface, so it passes as a chart row.
export type InsightPoint = {
  /** The sample's ordinal in the run (1 for the first): thinning keeps an even grid of these. */
  readonly n: number;
  /** Batches from the run's start. */
  readonly step: number;
  readonly mean?: number;
  readonly dead?: number;
  readonly weightNorm?: number;
  readonly gradNorm?: number;
  readonly updateRatio?: number;
};

/** One layer's points, `stride` samples apart, the latest last. */
export interface LayerSeries {
  readonly stride: number;
  readonly points: readonly InsightPoint[];
}

export const EMPTY_LAYER_SERIES: LayerSeries = { stride: 1, points: [] };

const onGrid = (n: number, stride: number): boolean => (n - 1) % stride === 0;

/** The point of `stats` at `step`, with only the numbers it has. */
export function pointOf(stats: LayerStats, n: number, step: number): InsightPoint {
  const a = stats.activation;
  return {
    n,
    step,
    ...(a ? { mean: a.mean } : {}),
    ...(a?.deadShare !== undefined ? { dead: a.deadShare } : {}),
    ...(stats.weightNorm !== undefined ? { weightNorm: stats.weightNorm } : {}),
    ...(stats.gradNorm !== undefined ? { gradNorm: stats.gradNorm } : {}),
    ...(stats.updateRatio !== undefined ? { updateRatio: stats.updateRatio } : {}),
  };
}

/**
 * Appends one sample's point and keeps at most `max` points evenly spaced: when the series is
 * full, every other point goes and the spacing doubles (as the batch-loss curve does). The series
 * always ends at the latest sample.
 */
export function appendInsightPoint(series: LayerSeries, stats: LayerStats, step: number, max = MAX_INSIGHT_POINTS): LayerSeries {
  let stride = series.stride;
  const points = [...series.points];
  const last = points[points.length - 1];
  // The previous latest point stays only if it lies on the grid.
  if (last && !onGrid(last.n, stride)) points.pop();
  points.push(pointOf(stats, (last?.n ?? 0) + 1, step));
  if (points.length <= max) return { stride, points };
  stride *= 2;
  return { stride, points: points.filter((p, i) => onGrid(p.n, stride) || i === points.length - 1) };
}
