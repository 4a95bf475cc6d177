import { z } from '../lib/zod';
import { audioSettingsSchema } from './audio/settings';
import { fittedTextVectorizerSchema, textVectorizerOptionsSchema } from './text';
import type { FittedPreprocessing } from './types';

/** A text column's tokenizer options: Keras's, with a fixed sequence length (see ColumnTextOptions). */
const columnTextSchema = textVectorizerOptionsSchema.extend({ outputSequenceLength: z.number().int().min(1) });

// `text` (the transform and its options) came after version 4 without a bump: it only adds, so
// every older file still parses and means what it meant (see docs/project-format.md).
const columnPlanSchema = z.strictObject({
  name: z.string(),
  role: z.enum(['feature', 'target', 'ignore']),
  transform: z.enum(['standardize', 'minmax', 'none', 'onehot', 'text']),
  missing: z.enum(['mean', 'median', 'mode', 'zero', 'drop']),
  text: columnTextSchema.optional(),
});

/**
 * A held-out share of the data, seeded and optionally stratified: the ranges of
 * `VALIDATION_SETTINGS` (src/settings/validation.ts), which the Data and Train tabs' fields check.
 */
export const fractionSplitSchema = z.strictObject({
  kind: z.literal('fraction'),
  validation: z.number().min(0).lt(1),
  stratified: z.boolean(),
  seed: z.number().int().min(0),
});

/** The user's per-column choices, target encoding and validation split (see DataPlan). */
export const dataPlanSchema = z.strictObject({
  columns: z.array(columnPlanSchema).readonly(),
  target: z.enum(['onehot', 'integer', 'binary', 'regression']),
  split: z.discriminatedUnion('kind', [fractionSplitSchema, z.strictObject({ kind: z.literal('file'), fileName: z.string().min(1) })]),
});

/** The fitted preprocessing (see FittedPreprocessing): numbers that make the transform repeatable. */
export const fittedPreprocessingSchema = z.strictObject({
  version: z.literal(1),
  features: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('scale'), name: z.string(), fill: z.number(), offset: z.number(), scale: z.number() }),
        z.strictObject({ kind: z.literal('onehot'), name: z.string(), categories: z.array(z.string()).readonly(), fill: z.string() }),
        z.strictObject({ kind: z.literal('text'), name: z.string(), vectorizer: fittedTextVectorizerSchema }),
      ]),
    )
    .readonly(),
  featureNames: z.array(z.string()).readonly(),
  target: z.strictObject({
    name: z.string(),
    encoding: z.enum(['onehot', 'integer', 'binary', 'regression']),
    classes: z.array(z.string()).readonly().optional(),
    offset: z.number().optional(),
    scale: z.number().optional(),
  }),
});

/**
 * Where a project's training data comes from and how it is prepared. The data itself is never
 * stored: files are picked again after a reload, built-in samples are fetched by id. The plan
 * and the fitted preprocessing are, so predictions on new rows use exactly the same transform.
 */
export const dataConfigSchema = z.discriminatedUnion('kind', [
  /** No data chosen yet. */
  z.strictObject({ kind: z.literal('none') }),
  /**
   * A built-in dataset from `public/samples/`; CSV samples carry a plan like uploads, and their
   * split is the plan's. `split` is the split of a sample without a plan (the digits, the toy
   * sets, or a CSV sample not loaded yet), so a sample never states two.
   */
  z
    .strictObject({
      kind: z.literal('sample'),
      sampleId: z.string().min(1),
      plan: dataPlanSchema.optional(),
      fitted: fittedPreprocessingSchema.optional(),
      split: fractionSplitSchema.optional(),
    })
    .refine((d) => d.plan === undefined || d.split === undefined, {
      message: 'a sample with a plan keeps its validation split in plan.split, not beside it',
      path: ['split'],
    }),
  /** A CSV the user uploaded, with the plan for its columns. */
  z.strictObject({
    kind: z.literal('csv'),
    fileName: z.string().min(1),
    plan: dataPlanSchema,
    fitted: fittedPreprocessingSchema.optional(),
  }),
  /** A folder of images, one subfolder per class, resized to `imageSize` (height, width). */
  z.strictObject({
    kind: z.literal('images'),
    folderName: z.string().min(1),
    imageSize: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    channels: z.union([z.literal(1), z.literal(3)]),
    fit: z.enum(['pad', 'crop', 'stretch']),
    classes: z.array(z.string()).optional(),
    /** The held-out share of the images; the default (20%, stratified, seed 42) when absent. */
    split: fractionSplitSchema.optional(),
  }),
  /**
   * Sound clips, one subfolder per class (a folder, a zip, clips recorded in the Data view, or the
   * built-in speech sample when `sampleId` is set), as log-mel spectrograms made with `settings`.
   * Added after version 5 without a bump: it only adds (see docs/project-format.md).
   */
  z.strictObject({
    kind: z.literal('audio'),
    /** The folder or zip the clips came from ("Recordings" for the microphone), or the sample's title. */
    folderName: z.string().min(1),
    sampleId: z.string().min(1).optional(),
    settings: audioSettingsSchema,
    classes: z.array(z.string()).optional(),
    /** The held-out share of the clips, as for images. */
    split: fractionSplitSchema.optional(),
  }),
  /** An IDX image file and its label file (MNIST's format) the user uploaded; `classes` name the label ids. */
  z.strictObject({
    kind: z.literal('idx'),
    imagesFile: z.string().min(1),
    labelsFile: z.string().min(1),
    classes: z.array(z.string()).optional(),
    /** The held-out share of the images, as for a folder. */
    split: fractionSplitSchema.optional(),
  }),
]);

/** Where the training data comes from. */
export type DataConfig = z.output<typeof dataConfigSchema>;

/** The data source of a new project: none yet. */
export const DEFAULT_DATA_CONFIG: DataConfig = { kind: 'none' };

/**
 * Version 1 stored a CSV as target and feature column names, and images without a fit mode.
 * Version 2 stores the full per-column plan; old names become a plan with the defaults
 * (standardise, fill with the mean), which the user can review when the file is loaded again.
 */
export function migrateDataV1(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const d = data as Record<string, unknown>;
  if (d.kind === 'images') return { ...d, fit: 'pad' };
  if (d.kind !== 'csv') return d;
  const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const targets = names(d.targetColumns);
  const columns = [
    ...names(d.featureColumns).map((name) => ({ name, role: 'feature', transform: 'standardize', missing: 'mean' })),
    ...targets.map((name) => ({ name, role: 'target', transform: 'none', missing: 'drop' })),
  ];
  return {
    kind: 'csv',
    fileName: d.fileName,
    plan: { columns, target: 'onehot', split: { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 } },
  };
}

/**
 * The data config with an unreadable `fitted` left out. Before fitting refused overflowing
 * statistics, a scale of Infinity was saved as `null`, and the schema then refused the whole
 * project; the fitted preprocessing is derived from the data and is fitted again when the data
 * is loaded, so dropping it loses nothing the user made.
 */
export function dropUnreadableFitted(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('fitted' in data)) return data;
  if (fittedPreprocessingSchema.safeParse(data.fitted).success) return data;
  const { fitted: _unreadable, ...rest } = data as Record<string, unknown>;
  return rest;
}

/** The fitted preprocessing of table data (a CSV or a built-in table), when it has been fitted. */
export function fittedOf(data: DataConfig): FittedPreprocessing | undefined {
  return data.kind === 'csv' || data.kind === 'sample' ? data.fitted : undefined;
}
