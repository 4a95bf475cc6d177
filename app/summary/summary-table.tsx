import type { Summary } from '../../src/compile/summary';
import { formatBytes } from '../../src/compile/summary';
import { formatShape } from '../../src/graph/shape';
import { formatCount } from '../../src/lib/format-count';


/** The Keras `model.summary()` table as HTML, from the core's summary data. */
export function SummaryTable({ summary }: { summary: Summary }) {
  const rows = summary.rows;
  return (
    <table className="summary-table" aria-label={`Summary of ${summary.name}`}>
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
        {rows.map((row) => (
          <tr key={row.name} data-testid={`summary-row-${row.name}`}>
            <td>
              <code>{row.name}</code> <span className="muted">({row.className})</span>
            </td>
            <td>
              <code>{row.outputShape === null ? '?' : formatShape(row.outputShape)}</code>
            </td>
            <td className="num">{formatCount(row.params)}</td>
            {!summary.sequential && <td className="muted">{row.connectedTo.join(', ')}</td>}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={summary.sequential ? 3 : 4} data-testid="summary-totals">
            Total params: <strong>{formatCount(summary.totalParams)}</strong> ({formatBytes(summary.totalParams)}) · Trainable:{' '}
            {formatCount(summary.trainableParams)} · Non-trainable: {formatCount(summary.nonTrainableParams)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
