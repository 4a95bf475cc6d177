import type { Diagnostic } from '../../src/graph/diagnostics';
import { ProblemList } from '../problem-list';
import { useStore } from '../store/store';

interface TrainBlockedProps {
  /** The element id Train's aria-describedby points at. */
  readonly id: string;
  readonly needsData: boolean;
  /** `trainReadiness`'s problems: the model's errors, or why it has nothing to train. */
  readonly problems: readonly Diagnostic[];
  readonly fineTuneProblem: string | null;
}

/** Why Train is off, every reason at once: the data to choose, each problem with a link to its layer, the fine-tune preset's. */
export function TrainBlocked({ id, needsData, problems, fineTuneProblem }: TrainBlockedProps) {
  const setView = useStore((s) => s.setView);
  // A callback's monitor is fixed in the Callbacks settings, not on the model.
  const where = problems.every((d) => d.code === 'monitor-not-logged') ? 'in the settings' : 'on the model';
  return (
    <div className="train-blocked" id={id} data-testid="train-blocked">
      {needsData && (
        <p className="train-blocked-reason">
          Choose data in the Data tab first.{' '}
          <button type="button" className="link-button" onClick={() => setView('data')} data-testid="open-data-tab">
            Open the Data tab
          </button>
        </p>
      )}
      <ProblemList
        title={problems.length === 1 ? `Train is off until this is fixed ${where}` : `Train is off until these ${problems.length} problems are fixed ${where}`}
        diagnostics={problems}
        testId="train-problems"
      />
      {fineTuneProblem !== null && <p className="train-blocked-reason">{fineTuneProblem}</p>}
    </div>
  );
}
