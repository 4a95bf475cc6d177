import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RegressionReport } from '../../src/train/evaluate';
import { CHART_KEYS_HELP } from './chart-series';

/** Error figures and a scatter of predicted against actual values. */
export function RegressionView({ report }: { report: RegressionReport }) {
  const points = report.points.map(([actual, predicted]) => ({ actual, predicted }));
  return (
    <>
      <p data-testid="eval-regression">
        MAE {report.mae.toFixed(3)} · RMSE {report.rmse.toFixed(3)} · R² {report.r2.toFixed(3)}
      </p>
      <ResponsiveContainer width="100%" height={240}>
        <ScatterChart margin={{ top: 4, right: 12, bottom: 16, left: 0 }} title="Predicted against actual values" desc={CHART_KEYS_HELP}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis type="number" dataKey="actual" name="actual" tick={{ fontSize: 11 }} label={{ value: 'actual', position: 'bottom', fontSize: 12 }} />
          <YAxis type="number" dataKey="predicted" name="predicted" tick={{ fontSize: 11 }} />
          <Tooltip />
          <Scatter data={points} fill="var(--cat-core)" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </>
  );
}
