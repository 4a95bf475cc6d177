import { Play, Square } from 'lucide-react';
import { assertNever } from '../../src/lib/assert-never';
import { readinessOf } from '../store/analysis';
import { weightsFor, weightsStateText } from '../store/model-weights';
import { useStore } from '../store/store';
import type { RunState } from '../store/training-slice';
import { stopTraining, train } from '../actions/train';
import { formatCount } from '../../src/lib/format-count';
import { TrainBlocked } from './train-blocked';
import { useFineTunePlan } from './use-fine-tune-plan';

/** What the progress line says once a run has ended: `epochs` of its own, `total` counted from the weights' first run. */
function endText(status: RunState['status'], epochs: number, total: number): string {
  const own = `${epochs}${total > epochs ? ' more' : ''} epoch${epochs === 1 ? '' : 's'}`;
  const after = `after ${own}${total > epochs ? ` (${total} in all)` : ''}`;
  switch (status) {
    case 'completed':
      return `Finished ${after}`;
    case 'stopped':
      return `Stopped ${after}; the weights so far are kept`;
    case 'early-stopped':
      return `Stopped early ${after}: the monitored metric stopped improving`;
    case 'diverged':
      return `Stopped ${after}: the loss is no longer a number`;
    case 'failed':
      return `Failed ${after}`;
    case 'starting':
    case 'running':
      return '';
    default:
      return assertNever(status, 'run status');
  }
}

/** The reasons' element, which Train's aria-describedby names. */
const BLOCKED_ID = 'train-blocked';

const formatTime = (s: number) => (s < 60 ? `${Math.round(s)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`);

/** Train / Stop, fresh or continued weights, and the run's progress. */
export function TrainControls() {
  const run = useStore((s) => s.run);
  const readiness = useStore((s) => readinessOf(s.graph, s.dataSignature, s));
  const loaded = useStore((s) => s.loaded);
  const continueFrom = useStore((s) => s.continueFrom);
  const hasWeights = useStore((s) => s.modelWeights !== null);
  const held = useStore((s) => weightsFor(s.graph, s.modelWeights));
  const setContinueFrom = useStore((s) => s.setContinueFrom);
  const active = run?.status === 'running' || run?.status === 'starting';
  const preparing = useStore((s) => s.preparing);

  const fineTune = useFineTunePlan();
  const fineTuneProblem = fineTune?.problem ?? null;
  const blocked = !loaded || !readiness.ready || fineTuneProblem !== null;
  const off = blocked || preparing;
  const phase2 = run?.fineTuneFrom !== undefined && run.epoch >= run.fineTuneFrom;
  // Epochs count on from the weights' (a continued run's first is initialEpoch); progress is this run's.
  const done = run ? (run.epoch - run.initialEpoch) * Math.max(1, run.batchesPerEpoch) + (run.status === 'running' ? run.batch : 0) : 0;
  const lastEpoch = run ? run.initialEpoch + run.epochs : 0;
  const total = run ? run.epochs * Math.max(1, run.batchesPerEpoch) : 1;
  const fraction = Math.min(1, done / total);
  const left = run?.secondsLeft ?? null;

  return (
    <div className="train-controls">
      <div className="train-buttons">
        {active ? (
          <button type="button" className="data-button" onClick={stopTraining} data-testid="stop">
            <Square size={15} aria-hidden /> Stop
          </button>
        ) : (
          <button
            type="button"
            className="data-button is-primary"
            onClick={() => void train()}
            disabled={off}
            aria-disabled={off}
            aria-describedby={blocked ? BLOCKED_ID : undefined}
            title={blocked ? 'Train is off: the reasons are listed below it' : undefined}
            data-testid="train"
          >
            <Play size={15} aria-hidden /> {preparing ? 'Preparing the data…' : 'Train'}
          </button>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={continueFrom === 'current'}
            disabled={active || (!run && !hasWeights)}
            onChange={(e) => setContinueFrom(e.target.checked ? 'current' : 'fresh')}
          />{' '}
          continue from the current weights
        </label>
        {held && !active && (
          <span className="muted" data-testid="weights-state">
            {weightsStateText(held)}
          </span>
        )}
      </div>
      {blocked && <TrainBlocked id={BLOCKED_ID} needsData={!loaded} problems={readiness.problems} fineTuneProblem={fineTuneProblem} />}
      {run && (
        <div className="train-progress" data-testid="progress">
          <progress value={fraction} max={1} aria-label="Training progress" />
          <span data-testid="progress-text">
            {active
              ? `Epoch ${Math.min(run.epoch + 1, lastEpoch)} of ${lastEpoch}, batch ${run.batch + 1} of ${run.batchesPerEpoch || '…'} · ${formatCount(Math.round(run.samplesPerSecond))} samples/s${left !== null ? ` · about ${formatTime(left)} left` : ''}`
              : endText(run.status, run.epoch - run.initialEpoch, run.epoch)}
          </span>
          {phase2 && (
            <span className="muted" data-testid="phase">
              Phase 2 from epoch {(run.fineTuneFrom ?? 0) + 1}: fine-tuning {run.unfrozen?.join(', ')}
            </span>
          )}
          {run.message && (
            <p
              className={run.status === 'diverged' || run.status === 'failed' ? 'train-message is-error' : 'train-message'}
              role="status"
              data-testid="run-message"
            >
              {run.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
