import type { SummaryRow } from '../../src/compile/summary';
import { formatShape } from '../../src/graph/shape';
import { formatCount } from '../../src/lib/format-count';

/** One layer's row of the summary: name (type), output shape, parameters, and its inputs in a functional model. */
export function SummaryTableRow({ row, sequential, rowRef }: { row: SummaryRow; sequential: boolean; rowRef?: (el: HTMLTableRowElement | null) => void }) {
  const connected = row.connectedTo.join(', ');
  return (
    <tr ref={rowRef} data-testid={`summary-row-${row.name}`}>
      <td>
        <code>{row.name}</code> <span className="muted">({row.className})</span>
      </td>
      <td>
        <code>{row.outputShape === null ? '?' : formatShape(row.outputShape)}</code>
      </td>
      <td className="num">{formatCount(row.params)}</td>
      {!sequential && (
        <td className="muted" title={connected}>
          {connected}
        </td>
      )}
    </tr>
  );
}
