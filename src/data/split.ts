/**
 * Seeded train/validation splits (optionally stratified), and the shape check for a separate
 * validation file.
 */
import { pickRows } from './features';
import { mulberry32, shuffleInPlace } from '../lib/random';
import type { Dataset, SplitDataset } from './types';

/** How to split: the validation share, whether to keep class shares, and the seed. */
export interface SplitOptions {
  /** Share of samples held out, in [0, 1). */
  readonly validation: number;
  /** Keep each class's share in both parts (classification only). */
  readonly stratified: boolean;
  readonly seed: number;
}

/** The class id of each sample of a classification dataset (argmax of one-hot y, else y). */
export function classIds(dataset: Dataset): Int32Array {
  const per = dataset.targetShape.reduce((a, b) => a * b, 1);
  const ids = new Int32Array(dataset.count);
  for (let i = 0; i < dataset.count; i++) {
    if (per === 1) {
      ids[i] = dataset.y[i] as number;
      continue;
    }
    let best = 0;
    for (let k = 1; k < per; k++) if ((dataset.y[i * per + k] as number) > (dataset.y[i * per + best] as number)) best = k;
    ids[i] = best;
  }
  return ids;
}

/**
 * Splits a dataset reproducibly. `round(count * validation)` samples are held out. Without
 * stratification they are the first of a shuffle; with it, each class holds out its own share
 * rounded down or up (largest remainders first, so the total still adds up), within one sample
 * of its exact share, and both parts are shuffled so classes are interleaved. A non-zero share of two or more samples always
 * leaves at least one sample on each side.
 */
export function splitDataset(dataset: Dataset, options: SplitOptions): SplitDataset {
  const ids = options.stratified && dataset.task === 'classification' ? classIds(dataset) : null;
  const { train, validation } = splitIndices(dataset.count, ids, options);
  return { train: subset(dataset, train), validation: subset(dataset, validation) };
}

/**
 * The sample indices {@link splitDataset} puts on each side, for `count` samples with these class
 * ids (stratified when given). Fitting uses it to learn a text vocabulary from the training rows
 * only, before the dataset exists.
 */
export function splitIndices(count: number, ids: Int32Array | null, options: SplitOptions): { train: number[]; validation: number[] } {
  const random = mulberry32(options.seed);
  const quota = (n: number) => {
    const k = Math.round(n * options.validation);
    return options.validation > 0 && n >= 2 ? Math.min(n - 1, Math.max(1, k)) : Math.min(n, k);
  };
  let train: number[];
  let validation: number[];
  if (options.stratified && ids !== null) {
    const byClass = new Map<number, number[]>();
    ids.forEach((id, i) => {
      const list = byClass.get(id);
      if (list === undefined) byClass.set(id, [i]);
      else list.push(i);
    });
    const classes = [...byClass.keys()].sort((a, b) => a - b).map((id) => byClass.get(id) as number[]);
    const quotas = allocate(
      classes.map((members) => members.length),
      quota(count),
      options.validation,
    );
    // concat, not push(...): spreading a class of 100,000 rows overflows the call stack.
    const parts = classes.map((members, c) => {
      shuffleInPlace(members, random);
      const k = quotas[c] as number;
      return { validation: members.slice(0, k), train: members.slice(k) };
    });
    validation = ([] as number[]).concat(...parts.map((p) => p.validation));
    train = ([] as number[]).concat(...parts.map((p) => p.train));
    shuffleInPlace(train, random);
    shuffleInPlace(validation, random);
  } else {
    const order = shuffleInPlace(
      Array.from({ length: count }, (_, i) => i),
      random,
    );
    const k = quota(count);
    validation = order.slice(0, k);
    train = order.slice(k);
  }
  return { train, validation };
}

/**
 * Splits `total` held-out samples among classes by largest remainder: each class gets its exact
 * share rounded down or up (so within one sample of it) and the shares add up to `total`. A class
 * never gives up its last sample, so no class vanishes from training.
 */
function allocate(sizes: readonly number[], total: number, share: number): number[] {
  const exact = sizes.map((n) => n * share);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, c) => [e - Math.floor(e), c] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, c] of byRemainder) {
    if (left <= 0) break;
    quotas[c] = (quotas[c] as number) + 1;
    left--;
  }
  return quotas.map((q, c) => Math.max(0, Math.min(q, (sizes[c] as number) - 1)));
}

/** The samples at `indices`, in that order, copied into new buffers. */
export function subset(dataset: Dataset, indices: readonly number[]): Dataset {
  const xPer = dataset.featureShape.reduce((a, b) => a * b, 1);
  const yPer = dataset.targetShape.reduce((a, b) => a * b, 1);
  const x = pickRows(dataset.x, xPer, indices);
  const y = new Float32Array(indices.length * yPer);
  indices.forEach((from, to) => y.set(dataset.y.subarray(from * yPer, (from + 1) * yPer), to * yPer));
  return { ...dataset, x, y, count: indices.length };
}

/**
 * Why a separate validation file cannot be used with the training data, or null when it can:
 * the number of features, the target's width, the task and the class names must all agree.
 */
export function checkCompatible(train: Dataset, validation: Dataset): string | null {
  const features = (d: Dataset) => d.featureShape.reduce((a, b) => a * b, 1);
  const targets = (d: Dataset) => d.targetShape.reduce((a, b) => a * b, 1);
  if (features(validation) !== features(train)) {
    return `the validation file has ${features(validation)} features but the training file has ${features(train)}`;
  }
  if (validation.featureShape.join('x') !== train.featureShape.join('x')) {
    return `the validation samples are ${validation.featureShape.join('x')} but the training samples are ${train.featureShape.join('x')}`;
  }
  if (validation.task !== train.task) return `the validation file is for ${validation.task} but the training file is for ${train.task}`;
  if (targets(validation) !== targets(train)) {
    return `the validation file's target has ${targets(validation)} values per sample but the training file's has ${targets(train)}`;
  }
  const a = train.classNames ?? [];
  const b = validation.classNames ?? [];
  if (a.length !== b.length || a.some((name, i) => name !== b[i])) {
    return `the validation file's classes (${b.join(', ')}) differ from the training file's (${a.join(', ')})`;
  }
  return null;
}
