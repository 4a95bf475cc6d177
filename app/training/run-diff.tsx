import { useMemo } from 'react';
import { describeChange, diffRuns } from '../../src/runs/diff-runs';
import type { RunRecord } from '../../src/runs/run-record';

/** What changed from each compared run to the next, in words ("dense_1: units 64 -> 128", "optimizer adam -> sgd"). */
export function RunDiff({ runs }: { readonly runs: readonly RunRecord[] }) {
  const pairs = useMemo(
    () => runs.slice(1).map((after, i) => ({ before: runs[i] as RunRecord, after, changes: diffRuns(runs[i] as RunRecord, after).map(describeChange) })),
    [runs],
  );
  return (
    <div data-testid="run-diff">
      {pairs.map(({ before, after, changes }) => (
        <section key={`${before.id}-${after.id}`} aria-label={`${before.name} to ${after.name}`}>
          <h4>
            {before.name} → {after.name}
          </h4>
          {changes.length === 0 ? (
            <p className="muted">Same graph and settings (the runs differ by chance only, or by the data loaded).</p>
          ) : (
            <ul className="train-runs__changes">
              {changes.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
