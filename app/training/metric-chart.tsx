import { memo, useCallback, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { CartesianGridProps } from 'recharts';
import { axisScale, CHART_KEYS_HELP, gridLines } from './chart-series';
import { ChartTick } from './chart-tick';
import { useContentWidth } from './use-content-width';
import { useStaggered } from './use-staggered';

interface MetricChartProps {
  readonly title: string;
  readonly data: readonly Record<string, number>[];
  readonly x: string;
  /** Series by data key, with a colour each, and the legend's words when the key is too long for it. */
  readonly series: readonly { readonly key: string; readonly color: string; readonly dashed?: boolean; readonly label?: string }[];
  readonly testId: string;
  /** Where fine-tuning's phase 2 begins on the x axis: a line there and a shaded band after it. */
  readonly phase2At?: number;
}

// Props Recharts copies into its store: new objects on each redraw would make it recompute everything.
const MARGIN = { top: 4, right: 18, bottom: 0, left: -8 };
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 };
const TICK = <ChartTick />;
const NO_ROWS: readonly Record<string, number>[] = [];
const PHASE_LABEL = { value: 'phase 2', position: 'insideTopLeft' as const, fontSize: 11, fill: 'var(--muted)' };

/**
 * A small line chart of training metrics: a dumb view of the store's history. It draws during
 * training, so it hands Recharts its size (measured only on resize), its own axis ranges and
 * ticks, and plain tick labels: Recharts would otherwise measure text in the DOM and compute
 * ticks on every redraw.
 */
export const MetricChart = memo(function MetricChart({ title, data: latest, x, series, testId, phase2At }: MetricChartProps) {
  // Mounted in a task of its own, then drawn in another: a Recharts chart registers its axes and
  // series through its store as it mounts, tens of milliseconds a chart.
  const mounted = useStaggered(true, false);
  const data = useStaggered(latest, NO_ROWS);
  const [ref, width] = useContentWidth<HTMLElement>(320);
  const xScale = useMemo(() => axisScale([data[0]?.[x] ?? 1, data[data.length - 1]?.[x] ?? 1], 6, true), [data, x]);
  const yScale = useMemo(() => axisScale(valuesOf(data, series), 5), [data, series]);
  // The grid at the ticks' pixels, from the plot area's offset: no text measured in the DOM.
  const verticalLines = useCallback<NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>>(
    ({ offset }) => gridLines(xScale, offset.left, offset.width),
    [xScale],
  );
  const horizontalLines = useCallback<NonNullable<CartesianGridProps['horizontalCoordinatesGenerator']>>(
    ({ offset }) => gridLines(yScale, offset.top + offset.height, -offset.height),
    [yScale],
  );
  // Drawn once the drawn data reaches it: the band needs a point of phase 2 to end on.
  const phase2 = phase2At !== undefined && phase2At < xScale.domain[1] ? phase2At : undefined;
  // The same element while the drawn data stands: React then skips Recharts when the store
  // changes, and the chart redraws only in its own staggered task.
  const chart = useMemo(
    () => (
      <LineChart width={width} height={180} data={data as Record<string, number>[]} margin={MARGIN} title={title} desc={CHART_KEYS_HELP}>
        <CartesianGrid
          strokeDasharray="3 3"
          stroke="var(--border)"
          verticalCoordinatesGenerator={verticalLines}
          horizontalCoordinatesGenerator={horizontalLines}
        />
        <XAxis
          dataKey={x}
          type="number"
          domain={xScale.domain as [number, number]}
          ticks={xScale.ticks as number[]}
          niceTicks="none"
          tick={TICK}
          interval={0}
        />
        <YAxis width={48} type="number" domain={yScale.domain as [number, number]} ticks={yScale.ticks as number[]} niceTicks="none" tick={TICK} interval={0} />
        {phase2 !== undefined && <ReferenceArea x1={phase2} x2={xScale.domain[1]} fill="var(--accent)" fillOpacity={0.08} ifOverflow="hidden" />}
        {phase2 !== undefined && <ReferenceLine x={phase2} stroke="var(--accent)" strokeDasharray="4 2" label={PHASE_LABEL} />}
        <Tooltip contentStyle={TOOLTIP_STYLE} />
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            stroke={s.color}
            strokeDasharray={s.dashed ? '5 3' : undefined}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    ),
    [data, width, x, series, xScale, yScale, phase2, verticalLines, horizontalLines, title],
  );
  return (
    <figure
      ref={ref}
      className="train-chart"
      data-testid={testId}
      data-points={data.length}
      data-x-range={data.length > 0 ? `${data[0]?.[x]}-${data[data.length - 1]?.[x]}` : undefined}
      data-phase2={phase2}
    >
      <figcaption>
        {title}
        {/* A plain legend: Recharts' own measures itself in the DOM on every redraw. */}
        <span className="train-legend">
          {series.map((s) => (
            <span key={s.key}>
              <i style={{ borderColor: s.color, borderStyle: s.dashed ? 'dashed' : 'solid' }} /> {s.label ?? s.key}
            </span>
          ))}
        </span>
      </figcaption>
      {mounted ? chart : <div className="train-chart__pending" />}
    </figure>
  );
});

function* valuesOf(data: readonly Record<string, number>[], series: MetricChartProps['series']): Generator<number> {
  for (const row of data) for (const s of series) if (typeof row[s.key] === 'number') yield row[s.key] as number;
}
