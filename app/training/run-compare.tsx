import { useId, useMemo, useState } from 'react';
import type { RunRecord } from '../../src/runs/run-record';
import { metricNames } from '../../src/runs/runs-csv';
import { MetricChart } from './metric-chart';
import { RunDiff } from './run-diff';
import { RunFinalTable } from './run-final-table';
import { overlayRows, RUN_COLORS, seriesKeys } from './run-view';

/** Two or more kept runs compared: one metric's curves overlaid, their final metrics, and what changed between them. */
export function RunCompare({ runs }: { readonly runs: readonly RunRecord[] }) {
  const metrics = useMemo(() => metricNames(runs), [runs]);
  const [picked, setPicked] = useState('val_loss');
  const metric = metrics.includes(picked) ? picked : (metrics[0] ?? 'loss');
  const rows = useMemo(() => overlayRows(runs, metric), [runs, metric]);
  const series = useMemo(() => seriesKeys(runs).map((key, i) => ({ key, color: RUN_COLORS[i % RUN_COLORS.length] ?? 'var(--cat-core)' })), [runs]);
  const pickerId = useId();
  return (
    <section className="train-eval train-runs__compare" aria-label="Compare runs" data-testid="run-compare">
      <h3>Comparing {runs.length} runs</h3>
      <label htmlFor={pickerId} className="inline">
        Metric{' '}
        <select id={pickerId} value={metric} onChange={(e) => setPicked(e.target.value)} data-testid="run-metric-picker">
          {metrics.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <MetricChart title={`${metric} per epoch`} data={rows} x="epoch" series={series} testId="run-chart" />
      <RunFinalTable runs={runs} />
      <RunDiff runs={runs} />
    </section>
  );
}
