import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClassificationReport, RegressionReport } from '../../src/train/evaluate';
import { useStore } from '../store/store';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

function Confusion({ report }: { report: ClassificationReport }) {
  const max = Math.max(1, ...report.matrix.flat());
  return (
    <>
      <p>
        Validation accuracy <strong data-testid="eval-accuracy">{pct(report.accuracy)}</strong>
      </p>
      <div className="data-scroll">
        <table className="data-table train-confusion" aria-label="Confusion matrix" data-testid="confusion-matrix">
          <thead>
            <tr>
              <th scope="col">actual \ predicted</th>
              {report.classes.map((c) => (
                <th key={c.name} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.matrix.map((row, i) => (
              <tr key={report.classes[i]?.name ?? i}>
                <th scope="row">{report.classes[i]?.name}</th>
                {row.map((n, j) => (
                  <td key={j} className="num" style={{ background: `color-mix(in srgb, ${i === j ? 'var(--ok)' : 'var(--danger)'} ${Math.round((n / max) * 45)}%, transparent)` }}>
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <table className="data-table" aria-label="Per-class scores">
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col" className="num">precision</th>
            <th scope="col" className="num">recall</th>
            <th scope="col" className="num">F1</th>
            <th scope="col" className="num">support</th>
          </tr>
        </thead>
        <tbody>
          {report.classes.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.name}</th>
              <td className="num">{c.precision.toFixed(3)}</td>
              <td className="num">{c.recall.toFixed(3)}</td>
              <td className="num">{c.f1.toFixed(3)}</td>
              <td className="num">{c.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RegressionView({ report }: { report: RegressionReport }) {
  const points = report.points.map(([actual, predicted]) => ({ actual, predicted }));
  return (
    <>
      <p data-testid="eval-regression">
        MAE {report.mae.toFixed(3)} · RMSE {report.rmse.toFixed(3)} · R² {report.r2.toFixed(3)}
      </p>
      <ResponsiveContainer width="100%" height={240}>
        <ScatterChart margin={{ top: 4, right: 12, bottom: 16, left: 0 }}>
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

/** Validation results of the last run: confusion matrix with per-class scores, or a scatter. */
export function EvaluationPanel() {
  const report = useStore((s) => s.report);
  if (!report) return null;
  return (
    <section className="train-eval" aria-label="Evaluation" data-testid="evaluation">
      <h3>Evaluation on the validation data</h3>
      {report.kind === 'classification' ? <Confusion report={report} /> : <RegressionView report={report} />}
    </section>
  );
}
