/**
 * Project files of version 4 and the runs kept before version 5 held two validation settings: the
 * training's `validationSplit` (and `seed`), which split image folders and the ready samples, and
 * a table plan's `split`, which split CSVs while the training's was silently ignored. Version 5
 * keeps one, with the data. This moves the old one there as plain JSON, so that every file means
 * what it did: a table keeps its plan's split (it was the one used; a CSV sample not loaded yet
 * keeps getting its plan's default); images and the ready samples (digits, toy sets) take the
 * training's share and seed, stratified as they were; the training's `validationSplit` goes.
 */
import { DEFAULT_VALIDATION_SETTINGS } from '../settings/validation';

/** The samples that were ready datasets in version 4, split by the training's share (the rest are CSVs with a plan). */
const READY_SAMPLES_V4: readonly unknown[] = ['digits', 'xor', 'circles', 'spirals'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The split images and ready samples trained on under a version 4 `training`. */
function oldSplit(training: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: 'fraction',
    validation: training.validationSplit ?? DEFAULT_VALIDATION_SETTINGS.validation,
    // Ready datasets are all classification, and were always split stratified.
    stratified: true,
    seed: training.seed ?? DEFAULT_VALIDATION_SETTINGS.seed,
  };
}

/** `data` with the split it trained on under `training`, where the data kept none itself. */
function dataWithSplit(data: unknown, training: Record<string, unknown>): unknown {
  if (!isRecord(data) || 'split' in data) return data;
  const ready = data.kind === 'images' || (data.kind === 'sample' && data.plan === undefined && READY_SAMPLES_V4.includes(data.sampleId));
  return ready ? { ...data, split: oldSplit(training) } : data;
}

/**
 * A document or run record (`{data?, training?, ...}`) with its validation setting moved from the
 * training to the data. Anything else passes through for the schema to judge.
 */
export function moveValidationSplit<T extends Record<string, unknown>>(doc: T): T {
  const training = isRecord(doc.training) ? doc.training : {};
  const data = 'data' in doc ? { data: dataWithSplit(doc.data, training) } : {};
  if (!isRecord(doc.training)) return { ...doc, ...data };
  const { validationSplit: _moved, ...rest } = doc.training;
  return { ...doc, ...data, training: rest };
}

/** Whether a run record kept in the browser still holds the training's old `validationSplit`. */
export const holdsOldSplit = (record: unknown): record is Record<string, unknown> =>
  isRecord(record) && isRecord(record.training) && 'validationSplit' in record.training;
