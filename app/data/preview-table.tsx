import type { TableOutline } from '../../src/data/types';
import { useWindow } from '../use-window';

/** Previews wider than this many columns render only the columns in view, at a fixed width. */
export const WINDOWED_COLUMNS_FROM = 40;
/** A column's width before one is measured (CSS sets it; see `.data-preview.is-windowed`). */
const COLUMN_ESTIMATE = 112;
const ROWS = 8;

/** The first rows of a table as read, under their column names; a wide one scrolls sideways. */
export function PreviewTable({ table }: { table: TableOutline }) {
  const count = table.columns.length;
  const windowed = count > WINDOWED_COLUMNS_FROM;
  const { scrollRef, itemRef, range } = useWindow<HTMLDivElement, HTMLTableCellElement>({ count, estimate: COLUMN_ESTIMATE, axis: 'x', enabled: windowed });
  const { start, end, before, after } = range;
  const rows = table.preview.slice(0, ROWS);
  // Spacer cells stand in for the columns left out, so the scroll width is the whole table's.
  const spacer = (width: number, header: boolean) => {
    if (width <= 0) return null;
    return header ? <th aria-hidden="true" className="data-spacer" style={{ width }} /> : <td aria-hidden="true" className="data-spacer" />;
  };
  return (
    <div ref={scrollRef} className="data-scroll">
      <table
        className={`data-table data-preview${windowed ? ' is-windowed' : ''}`}
        aria-label="First rows"
        aria-colcount={count}
        data-testid="preview-table"
        style={windowed ? { width: before + after + (end - start) * COLUMN_ESTIMATE } : undefined}
      >
        <thead>
          <tr>
            {spacer(before, true)}
            {table.columns.slice(start, end).map((c, k) => (
              <th
                key={c.name}
                scope="col"
                aria-colindex={start + k + 1}
                title={windowed ? c.name : undefined}
                {...(k === 0 && windowed ? { ref: itemRef } : {})}
              >
                {c.name}
              </th>
            ))}
            {spacer(after, true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {spacer(before, false)}
              {row.slice(start, end).map((cell, k) => (
                <td key={start + k} aria-colindex={start + k + 1} title={windowed ? cell : undefined}>
                  {cell}
                </td>
              ))}
              {spacer(after, false)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
