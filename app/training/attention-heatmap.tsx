import { heatColour, heatPosition } from './attention-view';
import './attention.css';
import type { HeadView, Position } from './attention-view';

const FONT = 11;
/** Labels longer than this are cut with an ellipsis (the full one is in the cell titles). */
const MAX_LABEL = 12;
const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);
const labelClass = (p: Position) => `train-heat__label is-${p.kind}`;

/**
 * One head's attention weights as an SVG heatmap: query tokens in rows, key tokens in columns,
 * padding summed in a grey column of its own. Each cell's title gives its pair and value.
 */
export function AttentionHeatmap({ view, layer }: { view: HeadView; layer: string }) {
  const { rows, columns, weights, padShare, padColumns } = view;
  const cell = Math.max(12, Math.min(28, Math.floor(320 / Math.max(1, rows.length, columns.length))));
  const longest = Math.max(1, ...[...rows, ...columns].map((p) => short(p.label).length), padColumns > 0 ? 6 : 0);
  const labelW = Math.ceil(longest * FONT * 0.62) + 8;
  const left = labelW;
  const head = Math.ceil(labelW * 0.87) + 6;
  const padX = left + columns.length * cell + 6;
  const width = (padColumns > 0 ? padX + cell : left + columns.length * cell) + Math.ceil(labelW * 0.5) + 4;
  const height = head + rows.length * cell + 2;
  const name = `head ${view.head + 1}`;
  return (
    <svg
      className="train-heat"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${layer}, ${name}: attention of ${rows.length} query tokens (rows) over ${columns.length} key tokens (columns)${padColumns > 0 ? ` and ${padColumns} padding positions` : ''}`}
      data-testid="attention-heatmap"
      data-head={view.head}
    >
      {columns.map((c, j) => (
        <text key={`c${j}`} className={labelClass(c)} fontSize={FONT} transform={`translate(${left + j * cell + cell / 2 + 3}, ${head - 4}) rotate(-60)`}>
          {short(c.label)}
        </text>
      ))}
      {padColumns > 0 && (
        <text className="train-heat__label is-pad" fontSize={FONT} transform={`translate(${padX + cell / 2 + 3}, ${head - 4}) rotate(-60)`}>
          {`pad ×${padColumns}`}
        </text>
      )}
      {rows.map((r, i) => (
        <g key={`r${i}`}>
          <text className={labelClass(r)} fontSize={FONT} x={left - 4} y={head + i * cell + cell / 2} textAnchor="end" dominantBaseline="central">
            {short(r.label)}
          </text>
          {columns.map((c, j) => {
            const w = weights[i]?.[j] ?? 0;
            return (
              <rect
                key={j}
                className="train-heat__cell"
                x={left + j * cell}
                y={head + i * cell}
                width={cell}
                height={cell}
                fill={heatColour(w)}
                data-weight={w}
              >
                <title>{`"${r.label}" → "${c.label}": ${w.toFixed(3)}`}</title>
              </rect>
            );
          })}
          {padColumns > 0 && (
            <rect
              className="train-heat__cell is-pad"
              x={padX}
              y={head + i * cell}
              width={cell}
              height={cell}
              fillOpacity={0.15 + 0.85 * heatPosition(padShare[i] ?? 0)}
              data-weight={padShare[i] ?? 0}
            >
              <title>{`"${r.label}" → ${padColumns} padding positions: ${(padShare[i] ?? 0).toFixed(3)} in all`}</title>
            </rect>
          )}
        </g>
      ))}
    </svg>
  );
}
