import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

interface MetricChartProps {
  readonly title: string;
  readonly data: readonly Record<string, number>[];
  readonly x: string;
  /** Series by data key, with a colour each. */
  readonly series: readonly { readonly key: string; readonly color: string; readonly dashed?: boolean }[];
  readonly testId: string;
}

/** A small line chart of training metrics: a dumb view of the store's history. */
export function MetricChart({ title, data, x, series, testId }: MetricChartProps) {
  return (
    <figure className="train-chart" data-testid={testId} data-points={data.length}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={data as Record<string, number>[]} margin={{ top: 4, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey={x} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
          <YAxis tick={{ fontSize: 11, fill: 'var(--muted)' }} width={48} domain={['auto', 'auto']} />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
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
      </ResponsiveContainer>
    </figure>
  );
}
