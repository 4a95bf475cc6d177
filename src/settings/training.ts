/**
 * How a model is trained (`model.compile` + `model.fit`): each setting declared once, with its
 * default, range, help and Keras name. The project file's schema, the defaults and the Train
 * tab's "Compile and fit" form all come from these declarations.
 */
import { bool, choice, float, int } from '../lib/value-spec';
import { z } from '../lib/zod';
import { DEFAULT_TOP_K, defaultMetrics, isTopK, METRICS, metricsForLoss } from './metrics';
import type { Metric } from './metrics';
import { settingsSchema } from './schema';
import { setting } from './setting';

/** Loss functions offered, by Keras name. */
export const LOSSES = [
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'binary_crossentropy',
  'mean_squared_error',
  'mean_absolute_error',
  'huber',
] as const;

/** A Keras loss name. */
export type Loss = (typeof LOSSES)[number];

/** Optimizers offered, by Keras name. */
export const OPTIMIZERS = ['sgd', 'adam', 'rmsprop', 'adagrad', 'adamax'] as const;

/** A Keras optimizer name. */
export type Optimizer = (typeof OPTIMIZERS)[number];

/** Keras's default learning rate for each optimizer, so that switching optimizer keeps Keras behaviour. */
export const DEFAULT_LEARNING_RATE: Readonly<Record<Optimizer, number>> = {
  sgd: 0.01,
  adam: 0.001,
  rmsprop: 0.001,
  adagrad: 0.001,
  adamax: 0.001,
};

/** The compile and fit settings, in the order the form shows them and a project file writes them. */
export const TRAINING_SETTINGS = {
  loss: setting(choice(LOSSES, 'categorical_crossentropy', 'What training minimises: cross-entropy for classes, squared or absolute error for numbers.'), {
    label: 'loss',
    keras: 'loss',
  }),
  optimizer: setting(choice(OPTIMIZERS, 'adam', 'How each step updates the weights from the gradients.'), { label: 'optimizer', keras: 'optimizer' }),
  learningRate: setting(
    float(DEFAULT_LEARNING_RATE.adam, 'The size of each step; a new optimizer starts at Keras’s default for it.', { min: 0, minExclusive: true }),
    {
      label: 'learning rate',
      keras: 'learning_rate',
      defaultFrom: { setting: 'optimizer', values: DEFAULT_LEARNING_RATE },
    },
  ),
  momentum: setting(float(0, 'How much of the last step carries into the next (SGD only).', { min: 0, max: 1, maxExclusive: true }), {
    label: 'momentum',
    keras: 'momentum',
    onlyWhen: { setting: 'optimizer', oneOf: ['sgd'] },
  }),
  batchSize: setting(int(32, 'Samples per weight update.', { min: 1 }), { label: 'batch size', keras: 'batch_size' }),
  epochs: setting(int(10, 'Passes over the training data.', { min: 1 }), { label: 'epochs', keras: 'epochs' }),
  shuffle: setting(bool(true, 'Shuffle the training samples before each epoch.'), { label: 'shuffle each epoch', keras: 'shuffle' }),
  seed: setting(int(42, 'Seeds weight initialisation, shuffling and dropout, so that a run can be repeated.', { min: 0 }), {
    label: 'seed',
    keras: 'seed',
  }),
};

/**
 * How a model is trained, as stored in a project file. Every field may be left out and takes its
 * default; `learningRate` defaults per optimizer. `metrics` (Keras names, `src/settings/metrics.ts`)
 * and `topK` (the k of top-k accuracy) are the Train tab's metrics picker: left out, the metrics
 * are the loss's default (accuracy, or MAE for a regression); those that do not suit the loss are
 * dropped as the file is read, so the list always says what a run reports.
 */
export const trainingConfigSchema = settingsSchema(TRAINING_SETTINGS, {
  metrics: z.array(z.enum(METRICS)).optional(),
  topK: z.number().int().min(1).default(DEFAULT_TOP_K),
}).transform(({ metrics, ...rest }) => ({ ...rest, metrics: metrics === undefined ? defaultMetrics(rest.loss) : metricsForLoss(metrics, rest.loss) }));

/** A complete training configuration. */
export type TrainingConfig = z.output<typeof trainingConfigSchema>;

/**
 * Keras's defaults: Adam at 0.001, batches of 32, 10 epochs, accuracy. The validation split is
 * not here: it belongs to the data (src/settings/validation.ts, src/data/validation.ts).
 */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = trainingConfigSchema.parse({});

/**
 * The metrics a run compiles with, by Keras name: the chosen ones that suit the loss (a file or a
 * loss change may have left others; see {@link metricsForLoss}).
 */
export function metricsFor(config: Pick<TrainingConfig, 'metrics' | 'loss'>): Metric[] {
  return metricsForLoss(config.metrics, config.loss);
}

/**
 * A change of training settings with the metrics following a new loss: those that do not suit it
 * go, and the loss's default takes their place when none is left (accuracy -> MAE for a regression).
 */
export function withTrainingChange(config: TrainingConfig, patch: Partial<TrainingConfig>): TrainingConfig {
  const next = { ...config, ...patch };
  return patch.loss === undefined || patch.metrics !== undefined ? next : { ...next, metrics: metricsForLoss(config.metrics, patch.loss) };
}

/** Whether the metrics use `topK` (a file writes it only then). */
export const usesTopK = (config: Pick<TrainingConfig, 'metrics'>): boolean => config.metrics.some(isTopK);
