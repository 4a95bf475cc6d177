import { z } from 'zod';

/**
 * Where a project's training data comes from. Only the choice is stored, never the data itself:
 * files are picked again after a reload, built-in samples are fetched by id.
 */
export const dataConfigSchema = z.discriminatedUnion('kind', [
  /** No data chosen yet. */
  z.strictObject({ kind: z.literal('none') }),
  /** A built-in dataset from `public/samples/`. */
  z.strictObject({ kind: z.literal('sample'), sampleId: z.string().min(1) }),
  /**
   * A CSV the user uploaded. `featureColumns` empty means every column that is not a target.
   */
  z.strictObject({
    kind: z.literal('csv'),
    fileName: z.string().min(1),
    targetColumns: z.array(z.string()),
    featureColumns: z.array(z.string()),
  }),
  /** A folder of images, one subfolder per class, resized to `imageSize` (height, width). */
  z.strictObject({
    kind: z.literal('images'),
    folderName: z.string().min(1),
    imageSize: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    channels: z.union([z.literal(1), z.literal(3)]),
  }),
]);

/** Where the training data comes from. */
export type DataConfig = z.output<typeof dataConfigSchema>;

/** The data source of a new project: none yet. */
export const DEFAULT_DATA_CONFIG: DataConfig = { kind: 'none' };
