import { useMemo, useState } from 'react';
import { exportRunsCsv } from '../actions/run-history';
import { useStore } from '../store/store';
import { RunCompare } from './run-compare';
import { RunList } from './run-list';

/** Every kept run: the list, CSV export, and with two or more ticked, their comparison. */
export function RunHistory() {
  const runs = useStore((s) => s.runs);
  const [ticked, setTicked] = useState<readonly string[]>([]);
  // A deleted run leaves the comparison; the compared runs stay in the list's order, oldest first.
  const compared = useMemo(() => runs.filter((r) => ticked.includes(r.id)), [runs, ticked]);
  const toggle = (id: string) => setTicked((t) => (t.includes(id) ? t.filter((x) => x !== id) : [...t, id]));
  if (runs.length === 0) return null;
  return (
    <section className="train-eval train-runs" aria-label="Run history" data-testid="run-history">
      <h2>Run history</h2>
      <div className="train-buttons">
        <button type="button" className="data-button" onClick={exportRunsCsv} data-testid="runs-csv">
          Export history as CSV
        </button>
        <span className="muted">{compared.length < 2 ? 'Tick two or more runs to compare them.' : `${compared.length} runs ticked.`}</span>
      </div>
      <RunList runs={runs} selected={compared.map((r) => r.id)} onToggle={toggle} />
      {compared.length >= 2 && <RunCompare runs={compared} />}
    </section>
  );
}
