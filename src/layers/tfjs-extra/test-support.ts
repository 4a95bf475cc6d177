/**
 * What the tests of Netloom's registered layers share: the golden arrays Keras wrote, the largest
 * difference from them, and a central finite-difference check of a tensor's gradient.
 */
import type { Tf } from '../layer-spec';
import type * as tfjs from '@tensorflow/tfjs';

/** An array as the golden scripts write it: its shape and row-major values. */
export interface GoldenArray {
  readonly shape: number[];
  readonly values: number[];
}

/** The largest absolute difference between `got` and `want` (Infinity when their lengths differ). */
export function maxAbsDifference(got: ArrayLike<number>, want: readonly number[]): number {
  if (got.length !== want.length) return Number.POSITIVE_INFINITY;
  return Math.max(0, ...want.map((w, i) => Math.abs((got[i] as number) - w)));
}

/** A tensor whose gradient is checked: read it, write a changed copy in its place. */
export interface CheckedTensor {
  readonly label: string;
  readonly analytic: ArrayLike<number>;
  read(): tfjs.Tensor;
  write(t: tfjs.Tensor): void;
}

/**
 * Compares `analytic` with central differences of `loss` at `entries` of the tensor (all of them
 * when absent), each moved by ±`eps`; returns a line for each entry further off than
 * `tol` × max(1, |numeric|). In float32 with eps 1e-2, central differences are good to about 1e-3.
 */
export function finiteDifferenceMismatches(tf: Tf, loss: () => number, checked: CheckedTensor, entries?: readonly number[], eps = 1e-2, tol = 2e-3): string[] {
  const base = checked.read().clone();
  const flat = Array.from(base.dataSync());
  const out: string[] = [];
  for (const i of entries ?? flat.map((_, j) => j)) {
    const at = (d: number) => {
      const copy = [...flat];
      copy[i] = (copy[i] as number) + d;
      checked.write(tf.tensor(copy, base.shape));
      return loss();
    };
    const numeric = (at(eps) - at(-eps)) / (2 * eps);
    checked.write(base);
    const analytic = checked.analytic[i] as number;
    if (!(Math.abs(analytic - numeric) < tol * Math.max(1, Math.abs(numeric)))) out.push(`${checked.label}[${i}]: ${analytic} vs ${numeric}`);
  }
  return out;
}
