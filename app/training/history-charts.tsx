import { useMemo, useState } from 'react';
import { useStore } from '../store/store';
import { thinRows } from './chart-series';
import { MetricChart } from './metric-chart';
import { StaggerContext } from './stagger-context';
import { createStaggerQueue } from './stagger-queue';

const LOSS = [
  { key: 'loss', color: 'var(--cat-core)' },
  { key: 'val_loss', color: 'var(--cat-convolution)', dashed: true },
];
const ACCURACY = [
  { key: 'accuracy', color: 'var(--cat-core)' },
  { key: 'val_accuracy', color: 'var(--cat-convolution)', dashed: true },
];
const MAE = [
  { key: 'mae', color: 'var(--cat-core)' },
  { key: 'val_mae', color: 'var(--cat-convolution)', dashed: true },
];
const BATCH = [
  { key: 'loss', color: 'var(--cat-regularization)' },
  { key: 'smoothed', color: 'var(--cat-core)' },
];

/** Loss and accuracy (or MAE) per epoch, and the smoothed per-batch loss, drawn as training runs. */
export function HistoryCharts() {
  const history = useStore((s) => s.history);
  const batchLoss = useStore((s) => s.batchLoss);
  // Half a step before phase 2's first epoch (1-based on the chart) and first batch.
  const fineTuneFrom = useStore((s) => s.run?.fineTuneFrom);
  const batchesPerEpoch = useStore((s) => s.run?.batchesPerEpoch ?? 0);
  const epochAt = fineTuneFrom === undefined ? undefined : fineTuneFrom + 0.5;
  const stepAt = fineTuneFrom === undefined ? undefined : fineTuneFrom * batchesPerEpoch + 0.5;
  const rows = useMemo(() => thinRows(history.map((logs, i) => ({ epoch: i + 1, ...logs }))), [history]);
  // Drawn empty before the first run, so the charts' first mount never lands inside a run.
  const hasAccuracy = rows.length === 0 || rows.some((r) => 'accuracy' in r);
  const hasMae = rows.some((r) => 'mae' in r);
  // One queue for the charts below: they redraw in turn, one per task.
  const [queue] = useState(() => createStaggerQueue());
  return (
    <StaggerContext value={queue}>
      <div className="train-charts">
        <MetricChart title="Loss per epoch" data={rows} x="epoch" series={LOSS} testId="chart-loss" phase2At={epochAt} />
        {hasAccuracy && <MetricChart title="Accuracy per epoch" data={rows} x="epoch" series={ACCURACY} testId="chart-accuracy" phase2At={epochAt} />}
        {!hasAccuracy && hasMae && (
          <MetricChart title="Mean absolute error per epoch" data={rows} x="epoch" series={MAE} testId="chart-mae" phase2At={epochAt} />
        )}
        <MetricChart title="Loss per batch (smoothed)" data={batchLoss.points} x="step" series={BATCH} testId="chart-batch" phase2At={stepAt} />
      </div>
    </StaggerContext>
  );
}
