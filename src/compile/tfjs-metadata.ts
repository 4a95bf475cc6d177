import { z } from '../lib/zod';
import { fittedPreprocessingSchema } from '../data/config';
import type { FittedPreprocessing } from '../data/types';
import { UserFileError } from '../lib/errors';
import { zodMessage } from '../lib/parse-file';

/** The version of the `netloom` block this build writes, and the newest it reads. */
export const NETLOOM_METADATA_VERSION = 1;

/** What a Netloom model.json carries besides the model, so predictions can reuse it. */
export interface NetloomMetadata {
  /** The fitted transform from raw rows to the model's input, and its target encoding. */
  readonly preprocessing?: FittedPreprocessing;
  /** Class names in class-id order, for classification. */
  readonly classNames?: readonly string[];
  /** The name of the project the model came from. */
  readonly project?: string;
}

const metadataSchema = z.looseObject({
  version: z.number().int().min(1),
  preprocessing: fittedPreprocessingSchema.optional(),
  classNames: z.array(z.string()).readonly().optional(),
  project: z.string().optional(),
});

/**
 * The `userDefinedMetadata` block: `{netloom: {version, ...}}`. Undefined fields are left out so
 * the file only says what is known. tfjs keeps this block on `model.getUserDefinedMetadata()`.
 */
export function netloomMetadataBlock(metadata: NetloomMetadata = {}): { netloom: Record<string, unknown> } {
  const { preprocessing, classNames, project } = metadata;
  return {
    netloom: {
      version: NETLOOM_METADATA_VERSION,
      ...(preprocessing === undefined ? {} : { preprocessing }),
      ...(classNames === undefined ? {} : { classNames: [...classNames] }),
      ...(project === undefined ? {} : { project }),
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `userDefinedMetadata.netloom` from a parsed model.json: undefined when the file has none
 * (any model not written by Netloom), a UserFileError when it is there but damaged or newer.
 */
export function readNetloomMetadata(json: unknown): NetloomMetadata | undefined {
  const block = isRecord(json) && isRecord(json.userDefinedMetadata) ? json.userDefinedMetadata.netloom : undefined;
  if (block === undefined) return undefined;
  const parsed = metadataSchema.safeParse(block);
  if (!parsed.success) throw new UserFileError(`its Netloom metadata is damaged: ${zodMessage(parsed.error, 'userDefinedMetadata.netloom')}`);
  const { version, preprocessing, classNames, project } = parsed.data;
  if (version > NETLOOM_METADATA_VERSION) {
    throw new UserFileError(`it was written by a newer Netloom (metadata version ${version}); this version reads up to ${NETLOOM_METADATA_VERSION}`);
  }
  return {
    ...(preprocessing === undefined ? {} : { preprocessing }),
    ...(classNames === undefined ? {} : { classNames }),
    ...(project === undefined ? {} : { project }),
  };
}
