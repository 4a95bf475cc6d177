import type { Dim, Shape } from './types';

/** Formats a shape the way Keras prints it: `(None, 26, 26, 32)`; a 1-tuple keeps its comma. */
export function formatShape(shape: Shape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** Product of the dimensions, or null when any is unknown. */
export function product(dims: readonly Dim[]): number | null {
  let total = 1;
  for (const d of dims) {
    if (d === null) return null;
    total *= d;
  }
  return total;
}

/** True when two shapes are equal, treating each unknown dimension as equal only to unknown. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The last dimension (channels or features), or null when unknown or the shape is empty. */
export function lastDim(shape: Shape): Dim {
  return shape.length === 0 ? null : (shape[shape.length - 1] ?? null);
}

/** Rank including the batch axis, as Keras counts it: `(None, 64)` is 2-D. */
export function rank(shape: Shape): number {
  return shape.length;
}
