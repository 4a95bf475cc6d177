interface ChartTickProps {
  readonly x?: number;
  readonly y?: number;
  readonly textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  readonly verticalAnchor?: 'start' | 'middle' | 'end';
  readonly payload?: { readonly value: number };
}

/** An axis label as plain SVG text: Recharts' own measures each word in the DOM to wrap it. */
export function ChartTick({ x = 0, y = 0, textAnchor = 'middle', verticalAnchor = 'middle', payload }: ChartTickProps) {
  const dy = verticalAnchor === 'start' ? '0.71em' : verticalAnchor === 'end' ? '0' : '0.32em';
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} className="train-chart-tick">
      {formatTick(payload?.value)}
    </text>
  );
}

function formatTick(value: number | undefined): string {
  if (value === undefined) return '';
  // Tick values are round, but sums like 0.1 + 0.2 still need trimming.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
