import { restoreRun } from '../actions/run-history';
import type { RunRecord } from '../../src/runs/run-record';
import { useStore } from '../store/store';
import { headlineMetric, shownMetric, shownTime, weightsLabel } from './run-view';

interface RunRowProps {
  readonly run: RunRecord;
  /** 1-based place in the list, for test ids. */
  readonly index: number;
  readonly selected: boolean;
  onToggle(id: string): void;
}

/** One kept run: select it to compare, see how it ended, restore or delete it. */
export function RunRow({ run, index, selected, onToggle }: RunRowProps) {
  const deleteRun = useStore((s) => s.deleteRun);
  const metric = headlineMetric(run);
  return (
    <tr data-testid={`run-row-${index}`} className={selected ? 'is-selected' : undefined}>
      <td>
        <input type="checkbox" aria-label={`Compare ${run.name}`} checked={selected} onChange={() => onToggle(run.id)} data-testid="run-select" />
      </td>
      <th scope="row" data-testid="run-name">
        {run.name}
      </th>
      <td className={run.status === 'failed' || run.status === 'diverged' ? 'train-message is-error' : undefined} title={run.message}>
        {run.status}
      </td>
      <td>{shownTime(run.startedAt)}</td>
      <td className="num" data-testid="run-epochs">
        {run.epochs.length}
        {/* A continued run's epochs count on from the run it went on from. */}
        {run.initialEpoch !== undefined && ` (${run.initialEpoch + 1}–${run.initialEpoch + run.epochs.length})`}
      </td>
      <td className="num" data-testid="run-metric">
        {metric ? `${metric.name} ${shownMetric(metric.value)}` : '—'}
      </td>
      <td>{weightsLabel(run.weights)}</td>
      <td className="train-runs__actions">
        <button
          type="button"
          className="data-button"
          data-testid="run-restore"
          aria-label={`Restore ${run.name}`}
          title="Put this run's graph (and its weights, if kept) back on the canvas"
          onClick={() => void restoreRun(run.id)}
        >
          Restore
        </button>
        <button type="button" className="data-button" data-testid="run-delete" aria-label={`Delete ${run.name}`} onClick={() => deleteRun(run.id)}>
          Delete
        </button>
      </td>
    </tr>
  );
}
