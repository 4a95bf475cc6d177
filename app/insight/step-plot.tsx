import { memo } from 'react';
import { formatValue } from './format-value';
import { inkOf, strokeSeries, useCanvas } from './use-canvas';

const WIDTH = 240;
const HEIGHT = 48;

interface StepPlotProps {
  readonly title: string;
  /** One value per point (null where the sample had none), and the run's step of each. */
  readonly values: readonly (number | null)[];
  readonly steps: readonly number[];
  readonly log?: boolean;
  readonly testId: string;
}

/**
 * One number of a layer over the run's steps, drawn on a canvas (three of these per layer redraw
 * several times a second while the run goes on), with its latest value and range in text.
 */
export const StepPlot = memo(function StepPlot({ title, values, steps, log = false, testId }: StepPlotProps) {
  const ref = useCanvas((ctx, w, h) => strokeSeries(ctx, values, w, h, log, inkOf(ctx)), WIDTH, HEIGHT, [values, log]);
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  const latest = present[present.length - 1];
  const first = steps[0] ?? 0;
  const last = steps[steps.length - 1] ?? 0;
  return (
    <figure className="insight-plot" data-testid={testId} data-points={present.length}>
      <figcaption>
        {title}
        {log && <span className="muted"> (log scale)</span>}
        <strong className="num" data-testid={`${testId}-latest`}>
          {formatValue(latest)}
        </strong>
      </figcaption>
      <canvas
        ref={ref}
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label={`${title} over steps ${first} to ${last}: from ${formatValue(Math.min(...present))} to ${formatValue(Math.max(...present))}, now ${formatValue(latest)}`}
      />
      <div className="insight-axis">
        <span>step {first}</span>
        <span>step {last}</span>
      </div>
    </figure>
  );
});
