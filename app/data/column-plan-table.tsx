import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { ColumnPlan, ColumnSummary, DataPlan } from '../../src/data/types';
import { ColumnPlanRow } from './column-plan-row';
import { useWindow } from '../use-window';

interface ColumnPlanTableProps {
  readonly summaries: readonly ColumnSummary[];
  readonly plan: DataPlan;
  readonly onChange: (plan: DataPlan) => void;
}

/** Tables with more columns than this render only the rows on screen, in a scroll box of their own. */
export const WINDOWED_FROM = 60;
/** A row's height before one is measured (CSS sets it; see `.data-table.is-windowed`). */
const ROW_ESTIMATE = 32;
const HEADERS = ['Column', 'Type', 'Missing', 'Role', 'Transform', 'If missing'] as const;

/**
 * One row per column: what was inferred (type, classes or range, missing count) and what the
 * user chooses (role, transform, missing policy). Exactly one column can be the target. A wide
 * table (2,000 columns is allowed) keeps only the rows in view in the DOM.
 */
export function ColumnPlanTable({ summaries, plan, onChange }: ColumnPlanTableProps) {
  const byName = useMemo(() => new Map(summaries.map((s) => [s.name, s])), [summaries]);
  // The latest plan, so that the update callback stays the same and the memoised rows stay put.
  const latest = useRef({ plan, onChange });
  useLayoutEffect(() => {
    latest.current = { plan, onChange };
  });
  const update = useCallback((name: string, patch: Partial<ColumnPlan>) => {
    const { plan: current, onChange: change } = latest.current;
    const columns = current.columns.map((c) => {
      if (c.name === name) return { ...c, ...patch };
      // A new target demotes the old one to a feature: one target column at a time.
      if (patch.role === 'target' && c.role === 'target') return { ...c, role: 'feature' as const };
      return c;
    });
    change({ ...current, columns });
  }, []);
  const count = plan.columns.length;
  const windowed = count > WINDOWED_FROM;
  const { scrollRef, itemRef, range } = useWindow<HTMLDivElement, HTMLTableRowElement>({ count, estimate: ROW_ESTIMATE, axis: 'y', enabled: windowed });
  const spacer = (height: number, key: string) =>
    height > 0 && (
      <tr key={key} aria-hidden="true" className="data-spacer">
        <td colSpan={HEADERS.length} style={{ height }} />
      </tr>
    );
  return (
    <div ref={scrollRef} className={windowed ? 'data-scroll data-scroll--rows' : undefined} data-testid="column-plan-scroll">
      <table className={`data-table${windowed ? ' is-windowed' : ''}`} aria-label="Columns" aria-rowcount={count + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={h === 'Missing' ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spacer(range.before, 'before')}
          {plan.columns.slice(range.start, range.end).map((c, k) => (
            <ColumnPlanRow
              key={c.name}
              column={c}
              summary={byName.get(c.name)}
              rowIndex={range.start + k + 2}
              onUpdate={update}
              {...(k === 0 && windowed ? { rowRef: itemRef } : {})}
            />
          ))}
          {spacer(range.after, 'after')}
        </tbody>
      </table>
    </div>
  );
}
