import type { ClassificationReport } from '../../src/train/evaluate';
import { formatCount } from '../../src/lib/format-count';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Classes shown in the matrix at most: a 1,000-class matrix is a million cells. */
const MAX_SHOWN = 25;

/** The indices of the classes with the most validation samples, in class order. */
function shownClasses(report: ClassificationReport): number[] {
  const all = report.classes.map((_, i) => i);
  if (all.length <= MAX_SHOWN) return all;
  return [...all]
    .sort((a, b) => (report.classes[b]?.support ?? 0) - (report.classes[a]?.support ?? 0))
    .slice(0, MAX_SHOWN)
    .sort((a, b) => a - b);
}

/** Accuracy, confusion matrix (the most frequent classes when there are many) and per-class scores. */
export function ConfusionReport({ report }: { report: ClassificationReport }) {
  const shown = shownClasses(report);
  // A loop, not Math.max(...cells): spreading a large matrix overflows the call stack.
  let max = 1;
  for (const row of report.matrix) for (const n of row) if (n > max) max = n;
  return (
    <>
      <p>
        Validation accuracy <strong data-testid="eval-accuracy">{pct(report.accuracy)}</strong>
      </p>
      {shown.length < report.classes.length && (
        <p className="muted" data-testid="confusion-subset">
          The matrix shows the {shown.length} of {formatCount(report.classes.length)} classes with the most validation samples.
        </p>
      )}
      <div className="data-scroll">
        <table className="data-table train-confusion" aria-label="Confusion matrix" data-testid="confusion-matrix">
          <thead>
            <tr>
              <th scope="col">actual \ predicted</th>
              {shown.map((j) => (
                <th key={report.classes[j]?.name ?? j} scope="col">
                  {report.classes[j]?.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={report.classes[i]?.name ?? i}>
                <th scope="row">{report.classes[i]?.name}</th>
                {shown.map((j) => {
                  const n = report.matrix[i]?.[j] ?? 0;
                  return (
                    <td
                      key={j}
                      className="num"
                      style={{ background: `color-mix(in srgb, ${i === j ? 'var(--ok)' : 'var(--danger)'} ${Math.round((n / max) * 45)}%, transparent)` }}
                    >
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <table className="data-table" aria-label="Per-class scores">
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col" className="num">
              precision
            </th>
            <th scope="col" className="num">
              recall
            </th>
            <th scope="col" className="num">
              F1
            </th>
            <th scope="col" className="num">
              support
            </th>
          </tr>
        </thead>
        <tbody>
          {shown
            .map((i) => report.classes[i])
            .filter((c) => c !== undefined)
            .map((c) => (
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
