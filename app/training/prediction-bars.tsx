interface PredictionBarsProps {
  readonly classes: readonly string[];
  readonly probabilities: Float32Array;
}

/** Class probabilities as labelled bars, most likely first. */
export function PredictionBars({ classes, probabilities }: PredictionBarsProps) {
  const rows = classes.map((name, i) => ({ name, p: probabilities[i] ?? 0 })).sort((a, b) => b.p - a.p);
  return (
    <ul className="train-bars" data-testid="prediction">
      {rows.map((r) => (
        <li key={r.name} data-class={r.name} data-probability={r.p}>
          <span className="train-bars__name">{r.name}</span>
          <span className="train-bars__bar" style={{ width: `${Math.max(1, r.p * 100)}%` }} />
          <span className="num">{(r.p * 100).toFixed(1)}%</span>
        </li>
      ))}
    </ul>
  );
}
