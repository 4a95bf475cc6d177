/** Precision, recall and F1 of one class; NaN-free (0 when undefined). */
export interface ClassScores {
  readonly name: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** A classifier's results on the validation set. */
export interface ClassificationReport {
  readonly kind: 'classification';
  /** How many validation samples were evaluated. */
  readonly count: number;
  /** matrix[actual][predicted] counts. */
  readonly matrix: readonly (readonly number[])[];
  readonly classes: readonly ClassScores[];
  readonly accuracy: number;
}

/** A regression model's results on the validation set. */
export interface RegressionReport {
  readonly kind: 'regression';
  /** How many validation samples were evaluated (`points` may show fewer). */
  readonly count: number;
  /** [actual, predicted] pairs (at most `maxPoints`, evenly sampled). */
  readonly points: readonly (readonly [number, number])[];
  readonly mae: number;
  readonly rmse: number;
  readonly r2: number;
}

/** Index of the largest of `width` values starting at `offset` (a 1-wide row: > 0.5 is class 1). */
function argmax(values: Float32Array, offset: number, width: number): number {
  if (width === 1) return (values[offset] ?? 0) > 0.5 ? 1 : 0;
  let best = 0;
  for (let i = 1; i < width; i += 1) if ((values[offset + i] ?? -Infinity) > (values[offset + best] ?? -Infinity)) best = i;
  return best;
}

/**
 * Confusion matrix and per-class scores from targets `y` (one-hot rows, a 0/1 column, or
 * integer ids when `yWidth` is 1 and there are more than two classes) and model `outputs`.
 */
export function classificationReport(
  y: Float32Array,
  yWidth: number,
  outputs: Float32Array,
  outputWidth: number,
  classNames: readonly string[],
): ClassificationReport {
  const k = classNames.length;
  const count = Math.floor(outputs.length / outputWidth);
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < count; i += 1) {
    const actual = yWidth === 1 && k > 2 ? Math.round(y[i] ?? 0) : argmax(y, i * yWidth, yWidth);
    const predicted = argmax(outputs, i * outputWidth, outputWidth);
    const row = matrix[actual];
    if (row && predicted < k) row[predicted] = (row[predicted] ?? 0) + 1;
    if (actual === predicted) correct += 1;
  }
  const classes = classNames.map((name, c) => {
    const tp = matrix[c]?.[c] ?? 0;
    const support = (matrix[c] ?? []).reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + (row[c] ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { name, precision, recall, f1, support };
  });
  return { kind: 'classification', count, matrix, classes, accuracy: count === 0 ? 0 : correct / count };
}

/** Error figures and a scatter of predicted against actual values. */
export function regressionReport(y: Float32Array, outputs: Float32Array, maxPoints = 500): RegressionReport {
  const n = Math.min(y.length, outputs.length);
  let abs = 0;
  let sq = 0;
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += (y[i] ?? 0) / n;
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const e = (outputs[i] ?? 0) - (y[i] ?? 0);
    abs += Math.abs(e);
    sq += e * e;
    total += ((y[i] ?? 0) - mean) ** 2;
  }
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const points: [number, number][] = [];
  for (let i = 0; i < n; i += step) points.push([y[i] ?? 0, outputs[i] ?? 0]);
  return { kind: 'regression', count: n, points, mae: n ? abs / n : 0, rmse: n ? Math.sqrt(sq / n) : 0, r2: total === 0 ? 0 : 1 - sq / total };
}
