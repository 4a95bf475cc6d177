import { useMemo, useState } from 'react';
import { isTopK, METRIC_INFO, METRICS } from '../../src/settings/metrics';
import type { Metric } from '../../src/settings/metrics';
import { metricsFor } from '../../src/settings/training';
import { useStore } from '../store/store';
import type { Logs } from '../../src/train/protocol';
import { thinRows } from './chart-series';
import { MetricChart } from './metric-chart';
import { StaggerContext } from './stagger-context';
import { createStaggerQueue } from './stagger-queue';

type Series = readonly { readonly key: string; readonly color: string; readonly dashed?: boolean; readonly label?: string }[];

const LOSS: Series = [
  { key: 'loss', color: 'var(--cat-core)' },
  { key: 'val_loss', color: 'var(--cat-convolution)', dashed: true },
];
const BATCH: Series = [
  { key: 'loss', color: 'var(--cat-regularization)' },
  { key: 'smoothed', color: 'var(--cat-core)' },
];

/** A metric's two lines, training solid and validation dashed; a top-k log name is too long for a legend, which says `top_k`. */
function metricSeries(m: Metric): Series {
  const label = isTopK(m) ? 'top_k' : m;
  return [
    { key: m, color: 'var(--cat-core)', label },
    { key: `val_${m}`, color: 'var(--cat-convolution)', dashed: true, label: `val_${label}` },
  ];
}

// One constant pair per metric: a chart redraws only when its series object changes.
const METRIC_SERIES = Object.fromEntries(METRICS.map((m) => [m, metricSeries(m)])) as Record<Metric, Series>;

/** A metric chart's title: top-k accuracy says its k. */
const titleOf = (m: Metric, k: number) => `${isTopK(m) ? `Top-${k} accuracy` : METRIC_INFO[m].title} per epoch`;

/** The metrics charted: those the settings ask for (drawn empty before a run) and any the charted epochs logged, in picker order. */
function chartedMetrics(chosen: readonly Metric[], history: readonly Logs[]): Metric[] {
  return METRICS.filter((m) => chosen.includes(m) || history.some((logs) => m in logs));
}

/**
 * Loss and each picked metric per epoch (training solid, validation dashed), and the smoothed
 * per-batch loss, drawn as training runs. A continued run goes on along the same curves: the
 * epochs count from the weights' first run.
 */
export function HistoryCharts() {
  const history = useStore((s) => s.history);
  const start = useStore((s) => s.historyStart);
  const batchLoss = useStore((s) => s.batchLoss);
  const training = useStore((s) => s.training);
  // Half a step before phase 2's first epoch (1-based on the chart) and first batch.
  const fineTuneFrom = useStore((s) => s.run?.fineTuneFrom);
  const batchesPerEpoch = useStore((s) => s.run?.batchesPerEpoch ?? 0);
  const epochAt = fineTuneFrom === undefined ? undefined : fineTuneFrom + 0.5;
  // The batch curve counts its steps from the charts' first epoch.
  const stepAt = fineTuneFrom === undefined ? undefined : (fineTuneFrom - start) * batchesPerEpoch + 0.5;
  const rows = useMemo(() => thinRows(history.map((logs, i) => ({ epoch: start + i + 1, ...logs }))), [history, start]);
  // Mounted before the first run from the settings, so the charts' first mount never lands inside a run.
  const metrics = useMemo(() => chartedMetrics(metricsFor(training), history), [training, history]);
  // One queue for the charts below: they redraw in turn, one per task.
  const [queue] = useState(() => createStaggerQueue());
  return (
    <StaggerContext value={queue}>
      <div className="train-charts">
        <MetricChart title="Loss per epoch" data={rows} x="epoch" series={LOSS} testId="chart-loss" phase2At={epochAt} />
        {metrics.map((m) => (
          <MetricChart key={m} title={titleOf(m, training.topK)} data={rows} x="epoch" series={METRIC_SERIES[m]} testId={`chart-${m}`} phase2At={epochAt} />
        ))}
        <MetricChart title="Loss per batch (smoothed)" data={batchLoss.points} x="step" series={BATCH} testId="chart-batch" phase2At={stepAt} />
      </div>
    </StaggerContext>
  );
}
