/**
 * The arithmetic of the views, on numbers already read from the backend: histograms, moments,
 * gradient flags. Kept apart from tfjs so it is tested on plain arrays.
 */
import type { GradientFlag, Histogram } from './insight-types';

/** Histogram bins per layer: enough for a sparkline, few enough to cost nothing. */
export const HISTOGRAM_BINS = 24;

/**
 * Below this ratio of gradient norm to weight norm a layer's gradient is `vanishing`: an update
 * at a learning rate near 1e-3 would move the weights by about 1e-8 of themselves, nothing.
 */
export const VANISHING_BELOW = 1e-5;

/**
 * Above this ratio of gradient norm to weight norm (or when either norm is not finite) the
 * gradient is `exploding`: one step at a learning rate near 0.1 would move the weights by more
 * than their own size.
 */
export const EXPLODING_ABOVE = 10;

/** `values` counted into `bins` equal bins from `min` to `max` (the last bin closed); non-finite values are left out. */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins = HISTOGRAM_BINS): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const width = max - min;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const at = width > 0 ? Math.floor(((v - min) / width) * bins) : 0;
    const bin = Math.min(bins - 1, Math.max(0, at));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { min, max, counts };
}

/**
 * The flag of a layer's gradient: see {@link VANISHING_BELOW} and {@link EXPLODING_ABOVE}.
 * A layer whose weights are all 0 (a fresh bias) is judged by its gradient alone: any non-zero
 * finite gradient is fine then.
 */
export function gradientFlag(gradNorm: number, weightNorm: number): GradientFlag | undefined {
  if (!Number.isFinite(gradNorm) || !Number.isFinite(weightNorm)) return 'exploding';
  if (weightNorm === 0) return gradNorm === 0 ? 'vanishing' : undefined;
  const relative = gradNorm / weightNorm;
  if (relative < VANISHING_BELOW) return 'vanishing';
  if (relative > EXPLODING_ABOVE) return 'exploding';
  return undefined;
}

/** The ReLU family: activations whose output is exactly 0 for every negative input, so a unit can die. */
export const RELU_FAMILY: ReadonlySet<string> = new Set(['relu', 'relu6']);

/** Every `stride`-th index of `count` (at most `cap` of them, evenly spread), for capped downloads. */
export function strideFor(count: number, cap: number): number {
  return Math.max(1, Math.ceil(count / cap));
}
