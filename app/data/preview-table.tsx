import type { Table } from '../../src/data/types';

/** The first rows of a table as read, under their column names. */
export function PreviewTable({ table }: { table: Table }) {
  return (
    <div className="data-scroll">
      <table className="data-table data-preview" aria-label="First rows" data-testid="preview-table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.name} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.preview.slice(0, 8).map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
