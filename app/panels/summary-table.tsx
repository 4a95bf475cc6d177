import type { Summary } from '../../src/compile/summary';
import { formatBytes } from '../../src/compile/summary';
import { formatCount } from '../../src/lib/format-count';
import { useWindow } from '../use-window';
import { SummaryTableRow } from './summary-table-row';

/** Summaries with more rows than this render only the rows on screen, in a scroll box of their own. */
export const SUMMARY_WINDOWED_FROM = 200;
/** A row's height before one is measured (CSS fixes it; see `.summary-table.is-windowed`). */
const ROW_ESTIMATE = 27;

/**
 * The Keras `model.summary()` table as HTML, from the core's summary data. A model of thousands
 * of layers keeps only the rows in view in the DOM (5,000 rows took the page 200 ms to mount).
 */
export function SummaryTable({ summary }: { summary: Summary }) {
  const rows = summary.rows;
  const columns = summary.sequential ? 3 : 4;
  const windowed = rows.length > SUMMARY_WINDOWED_FROM;
  const { scrollRef, itemRef, range } = useWindow<HTMLDivElement, HTMLTableRowElement>({
    count: rows.length,
    estimate: ROW_ESTIMATE,
    axis: 'y',
    enabled: windowed,
  });
  const spacer = (height: number, key: string) =>
    height > 0 && (
      <tr key={key} aria-hidden="true" className="summary-spacer">
        <td colSpan={columns} style={{ height }} />
      </tr>
    );
  return (
    <div ref={scrollRef} className={windowed ? 'summary-scroll' : undefined} data-testid="summary-scroll">
      <table className={`summary-table${windowed ? ' is-windowed' : ''}`} aria-label={`Summary of ${summary.name}`} aria-rowcount={rows.length + 2}>
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">
              Param #
            </th>
            {!summary.sequential && <th scope="col">Connected to</th>}
          </tr>
        </thead>
        <tbody>
          {spacer(range.before, 'before')}
          {rows.slice(range.start, range.end).map((row, k) => (
            <SummaryTableRow key={row.name} row={row} sequential={summary.sequential} {...(k === 0 && windowed ? { rowRef: itemRef } : {})} />
          ))}
          {spacer(range.after, 'after')}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={columns} data-testid="summary-totals">
              Total params: <strong>{formatCount(summary.totalParams)}</strong> ({formatBytes(summary.totalParams)}) · Trainable:{' '}
              {formatCount(summary.trainableParams)} · Non-trainable: {formatCount(summary.nonTrainableParams)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
