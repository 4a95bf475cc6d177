import { UserFileError } from '../lib/errors';
import { transformTable } from './preprocess';
import { checkCompatible, splitDataset } from './split';
import type { Dataset, DataPlan, FittedPreprocessing, SplitDataset, Table } from './types';
import type { FractionSplit } from './validation';

/**
 * Training and validation samples from a table under its plan: the fitted transform applied,
 * then either the plan's seeded (stratified) split or the separate validation table, which goes
 * through the same fitted transform.
 */
export function prepareFromTable(table: Table, plan: DataPlan, fitted: FittedPreprocessing, validationTable?: Table): SplitDataset {
  const all = transformTable(table, fitted, plan);
  if (plan.split.kind === 'file') {
    if (!validationTable) throw new UserFileError(`upload the validation file ${plan.split.fileName} again`);
    const validation = transformTable(validationTable, fitted, plan);
    const problem = checkCompatible(all, validation);
    if (problem !== null) throw new UserFileError(problem);
    return { train: all, validation };
  }
  return splitDataset(all, { validation: plan.split.validation, stratified: plan.split.stratified && all.task === 'classification', seed: plan.split.seed });
}

/**
 * Training and validation samples from a ready dataset (images, IDX, toy) with the data's held-out
 * share: seeded, stratified when it says so and the task is classification.
 */
export function prepareFromDataset(dataset: Dataset, split: FractionSplit): SplitDataset {
  return splitDataset(dataset, { validation: split.validation, stratified: split.stratified && dataset.task === 'classification', seed: split.seed });
}
