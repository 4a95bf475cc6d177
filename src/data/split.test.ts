import { describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace } from '../lib/random';
import { checkCompatible, classIds, splitDataset } from './split';
import type { Dataset } from './types';

/** A classification dataset whose x is the sample index, so splits can be traced; classes by `sizes`. */
function classified(sizes: readonly number[], onehot = true): Dataset {
  const labels = sizes.flatMap((n, k) => Array.from({ length: n }, () => k));
  const k = sizes.length;
  const y = new Float32Array(labels.length * (onehot ? k : 1));
  labels.forEach((label, i) => {
    if (onehot) y[i * k + label] = 1;
    else y[i] = label;
  });
  return {
    x: Float32Array.from(labels, (_, i) => i),
    y,
    count: labels.length,
    featureShape: [1],
    targetShape: [onehot ? k : 1],
    task: 'classification',
    classNames: sizes.map((_, i) => `c${i}`),
  };
}

const ids = (d: Dataset) => Array.from(d.x);
const counts = (d: Dataset) => Array.from(classIds(d)).reduce<Record<number, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

describe('mulberry32 and shuffleInPlace', () => {
  it('is deterministic per seed and within [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(values[0]);
  });

  it('shuffles typed arrays and arrays into a permutation', () => {
    const shuffled = shuffleInPlace(
      Int32Array.from({ length: 50 }, (_, i) => i),
      mulberry32(1),
    );
    expect(Array.from(shuffled).sort((p, q) => p - q)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffled)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('splitDataset', () => {
  it.each([
    { sizes: [50, 30, 20], validation: 0.2, stratified: true, train: 80, val: 20, valCounts: { 0: 10, 1: 6, 2: 4 } },
    { sizes: [7, 5, 3], validation: 0.3, stratified: true, train: 10, val: 5, valCounts: { 0: 2, 1: 2, 2: 1 } },
    { sizes: [90, 10], validation: 0.25, stratified: true, train: 75, val: 25, valCounts: { 0: 23, 1: 2 } },
    { sizes: [60, 40], validation: 0.2, stratified: false, train: 80, val: 20, valCounts: undefined },
    { sizes: [10], validation: 0, stratified: false, train: 10, val: 0, valCounts: undefined },
  ])('$sizes at $validation (stratified: $stratified)', ({ sizes, validation, stratified, train, val, valCounts }) => {
    const data = classified(sizes);
    const split = splitDataset(data, { validation, stratified, seed: 42 });
    expect(split.train.count).toBe(train);
    expect(split.validation.count).toBe(val);
    expect([...ids(split.train), ...ids(split.validation)].sort((a, b) => a - b)).toEqual(ids(data));
    if (valCounts !== undefined) expect(counts(split.validation)).toEqual(valCounts);
    if (stratified) {
      // Each class's share of the validation part is within one sample of its share overall.
      sizes.forEach((n, k) => expect(Math.abs((counts(split.validation)[k] ?? 0) - n * validation)).toBeLessThanOrEqual(1));
    }
  });

  it('splits a big table stratified (classes of 250,000 rows once overflowed the call stack)', () => {
    const split = splitDataset(classified([250_000, 250_000, 234_000], false), { validation: 0.2, stratified: true, seed: 42 });
    expect(split.train.count + split.validation.count).toBe(734_000);
    expect(counts(split.validation)).toEqual({ 0: 50_000, 1: 50_000, 2: 46_800 });
  });

  it('stratifies integer-encoded targets too, and copies y with x', () => {
    const split = splitDataset(classified([20, 10], false), { validation: 0.2, stratified: true, seed: 3 });
    expect(counts(split.validation)).toEqual({ 0: 4, 1: 2 });
    split.train.x.forEach((index, i) => expect(split.train.y[i]).toBe(index < 20 ? 0 : 1));
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const data = classified([40, 40]);
    const a = splitDataset(data, { validation: 0.25, stratified: true, seed: 7 });
    const b = splitDataset(data, { validation: 0.25, stratified: true, seed: 7 });
    const c = splitDataset(data, { validation: 0.25, stratified: true, seed: 8 });
    expect(ids(a.validation)).toEqual(ids(b.validation));
    expect(ids(a.train)).toEqual(ids(b.train));
    expect(ids(a.validation)).not.toEqual(ids(c.validation));
  });

  it('keeps one sample on each side of a tiny dataset', () => {
    const split = splitDataset(classified([3]), { validation: 0.1, stratified: false, seed: 1 });
    expect([split.train.count, split.validation.count]).toEqual([2, 1]);
  });

  it('keeps the metadata of the dataset', () => {
    const split = splitDataset(classified([5, 5]), { validation: 0.2, stratified: true, seed: 1 });
    expect(split.validation).toMatchObject({ featureShape: [1], targetShape: [2], task: 'classification', classNames: ['c0', 'c1'] });
  });
});

describe('checkCompatible', () => {
  const train = classified([5, 5]);
  const reshape = (d: Dataset, change: Partial<Dataset>): Dataset => ({ ...d, ...change });
  it.each([
    { name: 'same', validation: classified([2, 3]), message: null },
    { name: 'features', validation: reshape(train, { featureShape: [5] }), message: 'the validation file has 5 features but the training file has 1' },
    {
      name: 'targets',
      validation: classified([1, 1, 1]),
      message: "the validation file's target has 3 values per sample but the training file's has 2",
    },
    {
      name: 'task',
      validation: reshape(train, { task: 'regression' }),
      message: 'the validation file is for regression but the training file is for classification',
    },
    {
      name: 'classes',
      validation: reshape(train, { classNames: ['c0', 'x'] }),
      message: "the validation file's classes (c0, x) differ from the training file's (c0, c1)",
    },
  ])('$name', ({ validation, message }) => {
    expect(checkCompatible(train, validation)).toBe(message);
  });
});
