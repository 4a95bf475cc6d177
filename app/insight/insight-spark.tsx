import { memo } from 'react';
import { insightOf } from '../store/insight-slice';
import { useStore } from '../store/store';
import type { InsightPoint } from '../store/insight-series';
import { gradFlagText, layerStatsOf } from './insight-lookup';
import { inkOf, strokeSeries, useCanvas } from './use-canvas';

const WIDTH = 72;
const HEIGHT = 18;

/** What the spark draws: the gradient norm (log) where the layer has weights, else its activations' mean. */
function sparkOf(points: readonly InsightPoint[]): { values: (number | null)[]; log: boolean; what: string } {
  if (points.some((p) => p.gradNorm !== undefined)) return { values: points.map((p) => p.gradNorm ?? null), log: true, what: 'gradient norm (log scale)' };
  return { values: points.map((p) => p.mean ?? null), log: false, what: 'activation mean' };
}

/**
 * A layer node's view inside the network while it learns: a tiny line of its gradient norm (or
 * activation mean) over the run, and a badge when its gradient vanishes or explodes. Selects only
 * its own layer's series, so other layers' samples do not redraw it.
 */
export const InsightSpark = memo(function InsightSpark({ name }: { readonly name: string }) {
  const series = useStore((s) => insightOf(s).series[name]);
  const flag = useStore((s) => layerStatsOf(insightOf(s).latest?.snapshot, name)?.gradFlag);
  const points = series?.points ?? [];
  const spark = sparkOf(points);
  const ref = useCanvas((ctx, w, h) => strokeSeries(ctx, spark.values, w, h, spark.log, inkOf(ctx)), WIDTH, HEIGHT, [points]);
  if (points.length === 0 && flag === undefined) return null;
  return (
    <div className="layer-node__insight">
      {points.length > 0 && (
        <canvas
          ref={ref}
          className="layer-node__spark"
          style={{ width: WIDTH, height: HEIGHT }}
          role="img"
          aria-label={`${name}: ${spark.what} over ${points.length} samples of the run`}
          data-testid={`insight-spark-${name}`}
          data-points={points.length}
        />
      )}
      {flag !== undefined && (
        <span className={`layer-node__grad-flag is-${flag}`} title={gradFlagText(flag)} role="status" data-testid={`grad-flag-${name}`}>
          {flag === 'vanishing' ? '∇ vanishing' : '∇ exploding'}
        </span>
      )}
    </div>
  );
});
