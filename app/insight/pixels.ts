import type { Grid } from '../../src/train/insight-types';

/** Class colours (Tableau 10): distinct on light and dark backgrounds. */
export const CLASS_COLOURS: readonly (readonly [number, number, number])[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
];

/** The colour of class `k`, as CSS. */
export const classColour = (k: number): string => {
  const [r, g, b] = CLASS_COLOURS[((k % CLASS_COLOURS.length) + CLASS_COLOURS.length) % CLASS_COLOURS.length] as readonly number[];
  return `rgb(${r}, ${g}, ${b})`;
};

/** The smallest and largest finite values of a picture ([0, 0] when it has none). */
export function rangeOf(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > hi ? [0, 0] : [lo, hi];
}

/** A picture in greys, scaled from its own min (black) to max (white); a flat one is mid-grey. */
export function greyPixels(grid: Grid): Uint8ClampedArray {
  const [lo, hi] = rangeOf(grid.values);
  const out = new Uint8ClampedArray(grid.width * grid.height * 4);
  for (let i = 0; i < grid.width * grid.height; i++) {
    const v = grid.values[i] as number;
    const g = hi > lo && Number.isFinite(v) ? Math.round(((v - lo) / (hi - lo)) * 255) : 128;
    out.set([g, g, g, 255], i * 4);
  }
  return out;
}

const NEGATIVE = [245, 147, 34] as const;
const POSITIVE = [8, 119, 189] as const;

/**
 * A unit's values over the plane as the Playground draws them: orange below 0, blue above,
 * white at 0, scaled by the largest magnitude so the sign stays readable.
 */
export function divergingPixels(grid: Grid): Uint8ClampedArray {
  const [lo, hi] = rangeOf(grid.values);
  const scale = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const out = new Uint8ClampedArray(grid.width * grid.height * 4);
  for (let i = 0; i < grid.width * grid.height; i++) {
    const v = Number.isFinite(grid.values[i]) ? (grid.values[i] as number) / scale : 0;
    const c = v < 0 ? NEGATIVE : POSITIVE;
    const t = Math.min(1, Math.abs(v));
    out.set([255 + (c[0] - 255) * t, 255 + (c[1] - 255) * t, 255 + (c[2] - 255) * t, 255], i * 4);
  }
  return out;
}

/**
 * An output layer's decision over the plane: each point in the colour of its most likely class,
 * paler where the model is less sure. One unit (a sigmoid) is class 1 above 0.5, class 0 below.
 */
export function classPixels(units: readonly Grid[]): Uint8ClampedArray {
  const first = units[0];
  if (!first) return new Uint8ClampedArray(0);
  const n = first.width * first.height;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let p: number;
    if (units.length === 1) {
      const v = first.values[i] ?? 0;
      best = v >= 0.5 ? 1 : 0;
      p = best === 1 ? v : 1 - v;
    } else {
      for (let k = 1; k < units.length; k++) if ((units[k]?.values[i] ?? -Infinity) > (units[best]?.values[i] ?? -Infinity)) best = k;
      p = units[best]?.values[i] ?? 0;
    }
    // Sure (p = 1) is the full colour; a toss-up (p = 1 / classes) is near white.
    const floor = 1 / Math.max(2, units.length);
    const t = 0.15 + 0.7 * Math.min(1, Math.max(0, (p - floor) / (1 - floor)));
    const c = CLASS_COLOURS[best % CLASS_COLOURS.length] as readonly number[];
    out.set([255 + ((c[0] as number) - 255) * t, 255 + ((c[1] as number) - 255) * t, 255 + ((c[2] as number) - 255) * t, 255], i * 4);
  }
  return out;
}
