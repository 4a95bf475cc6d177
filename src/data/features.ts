/**
 * Reading a dataset's feature values whatever their storage (see {@link FeatureValues}): float32
 * as they are, uint8 grey levels scaled to [0, 1]. Every reader of `Dataset.x` goes through here,
 * so a compact dataset reads exactly as its float32 twin would.
 */
import type { Dataset, FeatureValues } from './types';

/** What each stored byte of a uint8 dataset is worth: `level / 255`, exactly as float32 holds it. */
export const BYTE_VALUES: Float32Array = Float32Array.from({ length: 256 }, (_, level) => level / 255);

/** Values per sample of `x`: the product of the feature shape. */
export function featureSize(d: Pick<Dataset, 'featureShape'>): number {
  return d.featureShape.reduce((a, b) => a * b, 1);
}

/** The stored value at `index` of `x` as the model sees it. */
export function featureValue(x: FeatureValues, index: number): number {
  const v = x[index] ?? 0;
  return x instanceof Uint8Array ? (BYTE_VALUES[v] as number) : v;
}

/** Elements `from` to `to` of `x` as float32: a copy, so the caller may keep or transfer it. */
export function featureSlice(x: FeatureValues, from: number, to: number): Float32Array {
  if (x instanceof Float32Array) return x.slice(from, to);
  const out = new Float32Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = BYTE_VALUES[x[from + i] as number] as number;
  return out;
}

/** Samples `first` to `first + count` of `d` as float32 (row-major, as `x` stores them). */
export function sampleRows(d: Pick<Dataset, 'x' | 'featureShape'>, first: number, count: number): Float32Array {
  const size = featureSize(d);
  return featureSlice(d.x, first * size, (first + count) * size);
}

/** All of `x` as float32: `x` itself when it is float32 already. */
export function featuresFloat32(x: FeatureValues): Float32Array {
  return x instanceof Float32Array ? x : featureSlice(x, 0, x.length);
}

/**
 * Rows `order[start]` .. `order[end - 1]` of a row-major store gathered into float32 `out`
 * (allocated when absent): one batch, built when it is needed rather than the epoch at once.
 */
export function gatherRows(
  values: FeatureValues,
  rowSize: number,
  order: ArrayLike<number> | undefined,
  start: number,
  end: number,
  out: Float32Array = new Float32Array((end - start) * rowSize),
): Float32Array {
  const bytes = values instanceof Uint8Array;
  for (let r = start; r < end; r++) {
    const from = (order === undefined ? r : (order[r] as number)) * rowSize;
    const to = (r - start) * rowSize;
    if (!bytes) {
      out.set((values as Float32Array).subarray(from, from + rowSize), to);
      continue;
    }
    for (let i = 0; i < rowSize; i++) out[to + i] = BYTE_VALUES[values[from + i] as number] as number;
  }
  return out;
}

/** The rows at `indices`, in that order, in a new store of the same kind as `values`. */
export function pickRows(values: FeatureValues, rowSize: number, indices: readonly number[]): FeatureValues {
  if (values instanceof Uint8Array) {
    const out = new Uint8Array(indices.length * rowSize);
    indices.forEach((from, to) => out.set(values.subarray(from * rowSize, (from + 1) * rowSize), to * rowSize));
    return out;
  }
  const out = new Float32Array(indices.length * rowSize);
  indices.forEach((from, to) => out.set(values.subarray(from * rowSize, (from + 1) * rowSize), to * rowSize));
  return out;
}
