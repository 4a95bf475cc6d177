import type { RunRecord } from '../../src/runs/run-record';
import { metricNames } from '../../src/runs/runs-csv';
import { shownBackend, shownDuration, shownMetric } from './run-view';

const REGRESSION_LABELS = { mae: 'MAE', rmse: 'RMSE', r2: 'R²' } as const;

/** The compared runs' final metrics side by side: the last epoch's logs and the validation report's headline. */
export function RunFinalTable({ runs }: { readonly runs: readonly RunRecord[] }) {
  const metrics = metricNames(runs.map((r) => ({ epochs: [r.final.logs] })));
  const report = (r: RunRecord) => r.final.report;
  const hasAccuracy = runs.some((r) => report(r)?.kind === 'classification');
  const hasRegression = runs.some((r) => report(r)?.kind === 'regression');
  return (
    <table className="data-table" aria-label="Final metrics" data-testid="run-final">
      <thead>
        <tr>
          <th scope="col">Run</th>
          {metrics.map((m) => (
            <th key={m} scope="col" className="num">
              {m}
            </th>
          ))}
          {hasAccuracy && (
            <th scope="col" className="num" title="Accuracy of the evaluation on the validation data, as the run's report gave it">
              evaluated accuracy
            </th>
          )}
          {hasRegression &&
            (['mae', 'rmse', 'r2'] as const).map((m) => (
              <th key={m} scope="col" className="num" title="From the evaluation on the validation data, as the run's report gave it">
                evaluated {REGRESSION_LABELS[m]}
              </th>
            ))}
          <th scope="col" title="The tfjs backend the run trained on, and on wasm its threads">
            trained on
          </th>
          <th scope="col" className="num" title="Wall-clock time of the run, evaluation included">
            time
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => {
          const rep = report(r);
          return (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {metrics.map((m) => (
                <td key={m} className="num">
                  {shownMetric(r.final.logs[m])}
                </td>
              ))}
              {hasAccuracy && <td className="num">{rep?.kind === 'classification' ? shownMetric(rep.accuracy) : ''}</td>}
              {hasRegression &&
                (['mae', 'rmse', 'r2'] as const).map((m) => (
                  <td key={m} className="num">
                    {rep?.kind === 'regression' ? shownMetric(rep[m]) : ''}
                  </td>
                ))}
              <td data-testid="run-backend">{shownBackend(r)}</td>
              <td className="num" data-testid="run-duration">
                {shownDuration(r)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
