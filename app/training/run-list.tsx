import type { RunRecord } from '../../src/runs/run-record';
import { RunRow } from './run-row';

interface RunListProps {
  readonly runs: readonly RunRecord[];
  readonly selected: readonly string[];
  onToggle(id: string): void;
}

/** The kept runs, oldest first, with a checkbox each to compare them. */
export function RunList({ runs, selected, onToggle }: RunListProps) {
  return (
    <div className="data-scroll">
      <table className="data-table train-runs" aria-label="Kept runs" data-testid="run-list">
        <thead>
          <tr>
            <th scope="col" aria-label="Compare" />
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">When</th>
            <th scope="col" className="num">
              Epochs
            </th>
            <th scope="col" className="num">
              Final
            </th>
            <th scope="col">Weights</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <RunRow key={run.id} run={run} index={i + 1} selected={selected.includes(run.id)} onToggle={onToggle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
