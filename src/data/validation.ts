/**
 * The project's one validation setting, wherever the data keeps it: a table's plan holds it
 * (`plan.split`, a held-out share or a separate file), an image folder, an IDX pair or a sample
 * without a plan holds a held-out share of its own (`split`). The app's training, the CLI, the Keras script and
 * the evaluation all read it through {@link validationOf}; the Data and Train tabs both change it
 * through {@link withValidation}. There is no other copy: the training settings have none.
 */
import { assertNever } from '../lib/assert-never';
import { invariant } from '../lib/invariant';
import { DEFAULT_VALIDATION_SETTINGS } from '../settings/validation';
import type { DataConfig } from './config';
import type { SplitPlan } from './types';

/** A held-out share of the data: the split of every source but a table with a separate validation file. */
export type FractionSplit = Extract<SplitPlan, { kind: 'fraction' }>;

/** 20% held out, stratified, seed 42: where data states no split of its own. */
export const DEFAULT_SPLIT: FractionSplit = { kind: 'fraction', ...DEFAULT_VALIDATION_SETTINGS };

/** The validation setting of `data`; the default share where images or a sample state none; null with no data. */
export function validationOf(data: DataConfig): SplitPlan | null {
  switch (data.kind) {
    case 'none':
      return null;
    case 'csv':
      return data.plan.split;
    case 'sample':
      return data.plan?.split ?? data.split ?? DEFAULT_SPLIT;
    case 'images':
    case 'idx':
    case 'audio':
      return data.split ?? DEFAULT_SPLIT;
    default:
      return assertNever(data, 'data config');
  }
}

/** The held-out share of `data`, or the default one where it has none (no data, or a separate file). */
export function fractionOf(data: DataConfig): FractionSplit {
  const split = validationOf(data);
  return split?.kind === 'fraction' ? split : DEFAULT_SPLIT;
}

/**
 * `data` with `split` as its validation setting: in a table's plan, else beside the images or the
 * sample. No data keeps none. Only a table can take a separate file (the UI offers it nowhere else).
 */
export function withValidation(data: DataConfig, split: SplitPlan): DataConfig {
  switch (data.kind) {
    case 'none':
      return data;
    case 'csv':
      return { ...data, plan: { ...data.plan, split } };
    case 'sample':
      if (data.plan) return { ...data, plan: { ...data.plan, split } };
      invariant(split.kind === 'fraction', 'a sample without a plan takes a held-out share only');
      return { ...data, split };
    case 'images':
    case 'idx':
    case 'audio':
      invariant(split.kind === 'fraction', 'images and sound clips take a held-out share only');
      return { ...data, split };
    default:
      return assertNever(data, 'data config');
  }
}

/**
 * The split new data starts with: the share and seed of the data it replaces (the setting is the
 * user's, like Keras's `validation_split`, not the file's), stratified as `fresh` says for the
 * new data (a regression table is never stratified). `fresh` itself when the old data held out
 * no share (none, or a separate file).
 */
export function carriedSplit(from: DataConfig, fresh: FractionSplit): FractionSplit {
  const split = validationOf(from);
  return split?.kind === 'fraction' ? { ...fresh, validation: split.validation, seed: split.seed } : fresh;
}

/** The split in words, for the CLI's log: `40% held out, stratified, seed 7`, `the separate file val.csv`. */
export function describeSplit(split: SplitPlan, classification: boolean): string {
  switch (split.kind) {
    case 'fraction': {
      const percent = Math.round(split.validation * 1000) / 10;
      return `${percent}% held out, ${split.stratified && classification ? 'stratified, ' : ''}seed ${split.seed}`;
    }
    case 'file':
      return `the separate file ${split.fileName}`;
    default:
      return assertNever(split, 'split');
  }
}

/**
 * Whether a run on `data` has held-out data, so that it logs `val_` quantities: a share above 0
 * or a separate file. True with no data yet (nothing trains then; the default split holds out 20%).
 */
export function validates(data: DataConfig): boolean {
  const split = validationOf(data);
  return split === null || split.kind === 'file' || split.validation > 0;
}
