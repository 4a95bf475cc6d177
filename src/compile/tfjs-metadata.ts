import { z } from '../lib/zod';
import { fittedPreprocessingSchema } from '../data/config';
import { audioSettingsSchema } from '../data/audio/settings';
import type { AudioSettings } from '../data/audio/types';
import type { FittedPreprocessing } from '../data/types';
import { UserFileError } from '../lib/errors';
import { zodMessage } from '../lib/parse-file';
import { METRICS } from '../settings/metrics';
import { LOSSES, metricsFor, usesTopK } from '../settings/training';
import type { TrainingConfig } from '../settings/training';

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
  /** How it was compiled: the loss and the metrics by Keras name (see {@link trainingMetadata}). */
  readonly training?: TrainingMetadata;
  /**
   * For a model of sound clips: how a clip becomes its input (rate, length, STFT, mel bands; see
   * {@link AudioSettings}), so a prediction makes the same log-mel spectrogram.
   */
  readonly audio?: AudioSettings;
}

/**
 * The compile settings a model.json carries, by Keras name. They sit in Netloom's block rather
 * than tfjs's own `trainingConfig`, which `tf.loadLayersModel` compiles at once: tfjs 4.22 knows
 * no `auc` or `top_k_categorical_accuracy` by name and would refuse the file.
 */
export interface TrainingMetadata {
  readonly loss: TrainingConfig['loss'];
  readonly metrics: readonly TrainingConfig['metrics'][number][];
  /** The k of top-k accuracy, when it is one of the metrics. */
  readonly topK?: number;
}

/** The compile settings of a training config as model.json carries them: the metrics a run compiles with. */
export function trainingMetadata(config: TrainingConfig): TrainingMetadata {
  return { loss: config.loss, metrics: metricsFor(config), ...(usesTopK(config) ? { topK: config.topK } : {}) };
}

const trainingMetadataSchema = z.looseObject({
  loss: z.enum(LOSSES),
  metrics: z.array(z.enum(METRICS)).readonly(),
  topK: z.number().int().min(1).optional(),
});

const metadataSchema = z.looseObject({
  version: z.number().int().min(1),
  preprocessing: fittedPreprocessingSchema.optional(),
  classNames: z.array(z.string()).readonly().optional(),
  project: z.string().optional(),
  training: trainingMetadataSchema.optional(),
  audio: audioSettingsSchema.optional(),
});

/**
 * The `userDefinedMetadata` block: `{netloom: {version, ...}}`. Undefined fields are left out so
 * the file only says what is known. tfjs keeps this block on `model.getUserDefinedMetadata()`.
 */
export function netloomMetadataBlock(metadata: NetloomMetadata = {}): { netloom: Record<string, unknown> } {
  const { preprocessing, classNames, project, training, audio } = metadata;
  return {
    netloom: {
      version: NETLOOM_METADATA_VERSION,
      ...(preprocessing === undefined ? {} : { preprocessing }),
      ...(classNames === undefined ? {} : { classNames: [...classNames] }),
      ...(project === undefined ? {} : { project }),
      ...(training === undefined ? {} : { training }),
      ...(audio === undefined ? {} : { audio: { ...audio } }),
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
  const { version, preprocessing, classNames, project, training, audio } = parsed.data;
  if (version > NETLOOM_METADATA_VERSION) {
    throw new UserFileError(`it was written by a newer Netloom (metadata version ${version}); this version reads up to ${NETLOOM_METADATA_VERSION}`);
  }
  return {
    ...(preprocessing === undefined ? {} : { preprocessing }),
    ...(classNames === undefined ? {} : { classNames }),
    ...(project === undefined ? {} : { project }),
    ...(training === undefined
      ? {}
      : { training: { loss: training.loss, metrics: training.metrics, ...(training.topK === undefined ? {} : { topK: training.topK }) } }),
    ...(audio === undefined ? {} : { audio }),
  };
}
