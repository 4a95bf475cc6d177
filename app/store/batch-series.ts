import type { BatchPoint, BatchSeries } from './training-slice';

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
