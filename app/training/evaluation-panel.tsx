import { smallValidationWarning } from '../../src/train/validation-size';
import { formatCount } from '../../src/lib/format-count';
import { useStore } from '../store/store';
import { ConfusionReport } from './confusion-report';
import { RegressionView } from './regression-view';

/** Validation results of the last run: confusion matrix with per-class scores, or a scatter; a word when the validation set is too small to trust. */
export function EvaluationPanel() {
  const report = useStore((s) => s.report);
  if (!report) return null;
  const warning = smallValidationWarning(report);
  return (
    <section className="train-eval" aria-label="Evaluation" data-testid="evaluation">
      <h2>
        Evaluation on the validation data (<span data-testid="eval-count">{formatCount(report.count)}</span> {report.count === 1 ? 'sample' : 'samples'})
      </h2>
      {warning && (
        <p className="train-message is-warning" role="status" data-testid="small-validation">
          {warning}
        </p>
      )}
      {report.kind === 'classification' ? <ConfusionReport report={report} /> : <RegressionView report={report} />}
    </section>
  );
}
