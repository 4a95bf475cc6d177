import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

interface MetricChartProps {
  readonly title: string;
  readonly data: readonly Record<string, number>[];
  readonly x: string;
  /** Series by data key, with a colour each. */
  readonly series: readonly { readonly key: string; readonly color: string; readonly dashed?: boolean }[];
  readonly testId: string;
}

/** A small line chart of training metrics: a dumb view of the store's history. */
export const MetricChart = memo(function MetricChart({ title, data, x, series, testId }: MetricChartProps) {
  return (
    <figure className="train-chart" data-testid={testId} data-points={data.length}>
      <figcaption>
        {title}
        {/* A plain legend: Recharts' own measures itself in the DOM on every redraw. */}
        <span className="train-legend">
          {series.map((s) => (
            <span key={s.key}>
              <i style={{ borderColor: s.color, borderStyle: s.dashed ? 'dashed' : 'solid' }} /> {s.key}
            </span>
          ))}
        </span>
      </figcaption>
      {/* A fixed size: a responsive container re-measures the page on every redraw. */}
      <LineChart width={360} height={180} data={data as Record<string, number>[]} margin={{ top: 4, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          {/* A fixed tick interval spares Recharts measuring every label in the DOM on each redraw. */}
          <XAxis dataKey={x} tick={{ fontSize: 11, fill: 'var(--muted)' }} interval={Math.max(0, Math.ceil(data.length / 8) - 1)} />
          <YAxis tick={{ fontSize: 11, fill: 'var(--muted)' }} width={48} domain={['auto', 'auto']} tickCount={5} interval={0} />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }} />
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
    </figure>
  );
});
