import { analysisOf } from '../store/analysis';
import { useStore } from '../store/store';
import { SummaryTable } from './summary-table';
import { ProblemList } from '../problem-list';
import { summaryOf } from './summary-of';
import './panels.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The Keras-style `model.summary()` of the graph being edited, with its problems. Both selectors
 * return the same objects while the graph's structure holds, so moving nodes does not re-render it.
 */
export function SummaryPanel() {
  const analysis = useStore((s) => analysisOf(s.graph, s.dataSignature));
  const summary = useStore((s) => summaryOf(s.graph, s.dataSignature));
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning');
  return (
    <section className="summary-panel" aria-label="Model summary" data-testid="summary-panel">
      <h2 className="panel-title">Model summary</h2>
      {summary.rows.length === 0 ? (
        <p className="panel-empty">The model is empty: drag an Input layer from the palette to start, or pick a template.</p>
      ) : (
        <>
          <div className="panel-table-scroll">
            <SummaryTable summary={summary} />
          </div>
          <ProblemList title={`${plural(errors.length, 'problem')} — shapes after them are unknown`} diagnostics={errors} />
          <ProblemList title={plural(warnings.length, 'warning')} diagnostics={warnings} />
        </>
      )}
    </section>
  );
}
