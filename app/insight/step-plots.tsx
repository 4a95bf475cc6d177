import { useMemo } from 'react';
import type { LayerSeries } from '../store/insight-series';
import { StepPlot } from './step-plot';

/** A layer's weight norm, gradient norm (log) and update-to-weight ratio (log) over the run. */
export function StepPlots({ series }: { readonly series: LayerSeries }) {
  const columns = useMemo(() => {
    const { points } = series;
    return {
      steps: points.map((p) => p.step),
      weightNorm: points.map((p) => p.weightNorm ?? null),
      gradNorm: points.map((p) => p.gradNorm ?? null),
      updateRatio: points.map((p) => p.updateRatio ?? null),
    };
  }, [series]);
  if (!columns.weightNorm.some((v) => v !== null)) return null;
  return (
    <div className="insight-plots" data-testid="insight-plots">
      <StepPlot title="Weight norm" values={columns.weightNorm} steps={columns.steps} testId="insight-plot-weight-norm" />
      <StepPlot title="Gradient norm" values={columns.gradNorm} steps={columns.steps} log testId="insight-plot-grad-norm" />
      <StepPlot title="Update / weight ratio" values={columns.updateRatio} steps={columns.steps} log testId="insight-plot-update-ratio" />
    </div>
  );
}
