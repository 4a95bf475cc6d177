import type { SamplePositions } from '../../src/data/text';
import type { AttentionWeights } from '../../src/train/attention-weights';

/** What one position of an attention layer's sequence is. */
export interface Position {
  readonly label: string;
  readonly kind: 'token' | 'oov' | 'feature' | 'pad';
}

/** One head's weights as try-it draws them: real positions only, padding summed into one share per row. */
export interface HeadView {
  readonly head: number;
  readonly rows: readonly Position[];
  readonly columns: readonly Position[];
  /** weights[row][column], among the real positions. */
  readonly weights: readonly (readonly number[])[];
  /** Each row's weight on the padding positions, in all (0 when there are none). */
  readonly padShare: readonly number[];
  /** The padding positions left out of the columns. */
  readonly padColumns: number;
}

/**
 * What each of `length` positions of an attention layer is: the sentence's tokens (and padding)
 * when the layer's sequence is the model's input sequence, else null (a layer before it changed
 * the length, so positions are only numbers).
 */
export function positionsFor(sample: SamplePositions, length: number): Position[] | null {
  const { sequence, offset, featureNames } = sample;
  if (length !== featureNames.length) return null;
  return featureNames.map((name, p): Position => {
    const i = p - offset;
    if (i < 0 || i >= sequence.ids.length) return { label: name, kind: 'feature' };
    const token = sequence.tokens[i];
    if (token === undefined) return { label: '[pad]', kind: 'pad' };
    return { label: token.token, kind: token.oov ? 'oov' : 'token' };
  });
}

const numbered = (length: number): Position[] => Array.from({ length }, (_, i) => ({ label: `#${i + 1}`, kind: 'feature' }));

/** The heads of one layer as views: rows and columns of real positions, padding summed per row. */
export function headViews(layer: AttentionWeights, sample: SamplePositions): HeadView[] {
  const { heads, queryLength: t, keyLength: s, weights } = layer;
  const queries = positionsFor(sample, t) ?? numbered(t);
  const keys = positionsFor(sample, s) ?? numbered(s);
  const realRows = queries.flatMap((p, i) => (p.kind === 'pad' ? [] : [i]));
  const realColumns = keys.flatMap((p, j) => (p.kind === 'pad' ? [] : [j]));
  const padColumns = keys.flatMap((p, j) => (p.kind === 'pad' ? [j] : []));
  return Array.from({ length: heads }, (_, h) => {
    const at = (i: number, j: number) => weights[(h * t + i) * s + j] ?? 0;
    return {
      head: h,
      rows: realRows.map((i) => queries[i] as Position),
      columns: realColumns.map((j) => keys[j] as Position),
      weights: realRows.map((i) => realColumns.map((j) => at(i, j))),
      padShare: realRows.map((i) => padColumns.reduce((sum, j) => sum + at(i, j), 0)),
      padColumns: padColumns.length,
    };
  });
}

/** `"not" attends most to "good" (0.61)`: the strongest pair of one head, and how much weight padding takes. */
export function headSummary(view: HeadView): string {
  let best = { i: -1, j: -1, w: -1 };
  view.weights.forEach((row, i) => row.forEach((w, j) => (w > best.w ? (best = { i, j, w }) : undefined)));
  const name = `head ${view.head + 1}`;
  if (best.i < 0) return `${name}: no real tokens to show`;
  const q = view.rows[best.i]?.label ?? '';
  const k = view.columns[best.j]?.label ?? '';
  const pad = view.padShare.length > 0 ? view.padShare.reduce((a, b) => a + b, 0) / view.padShare.length : 0;
  const padding = view.padColumns > 0 ? `; padding takes ${(pad * 100).toFixed(0)}% of the weight on average` : '';
  return `${name}: "${q}" attends most to "${k}" (${best.w.toFixed(2)})${padding}`;
}

/** Viridis, from 0 (dark purple) to 1 (yellow): readable on light and dark backgrounds, and in grey. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/**
 * Where a weight sits on the colour scale: its square root, so that the small weights of a long
 * sentence still differ while 0 and 1 keep their meaning (every head and layer on one scale).
 */
export const heatPosition = (value: number): number => Math.sqrt(Math.min(1, Math.max(0, value)));

/** The weights the legend marks, from 0 to 1. */
export const HEAT_TICKS: readonly number[] = [0, 0.1, 0.25, 0.5, 1];

/** The colour of a weight (0..1) on the scale. */
export function heatColour(value: number): string {
  const x = heatPosition(value) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [VIRIDIS[i] as readonly number[], VIRIDIS[i + 1] as readonly number[]];
  const mix = (k: number) => Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** The CSS gradient of the scale, for its legend. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${VIRIDIS.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ')})`;
