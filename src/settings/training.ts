/**
 * How a model is trained (`model.compile` + `model.fit`): each setting declared once, with its
 * default, range, help and Keras name. The project file's schema, the defaults and the Train
 * tab's "Compile and fit" form all come from these declarations.
 */
import { bool, choice, float, int } from '../lib/value-spec';
import { z } from '../lib/zod';
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

/** Metrics offered, by the short names both Keras and tfjs accept in `compile(metrics=...)`. */
export const METRICS = ['accuracy', 'mae', 'mse'] as const;

/** A metric name. */
export type Metric = (typeof METRICS)[number];

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
 * default; `learningRate` defaults per optimizer. `metrics` is the one field the form does not show.
 */
export const trainingConfigSchema = settingsSchema(TRAINING_SETTINGS, { metrics: z.array(z.enum(METRICS)).default(['accuracy']) });

/** A complete training configuration. */
export type TrainingConfig = z.output<typeof trainingConfigSchema>;

/**
 * Keras's defaults: Adam at 0.001, batches of 32, 10 epochs, accuracy. The validation split is
 * not here: it belongs to the data (src/settings/validation.ts, src/data/validation.ts).
 */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = trainingConfigSchema.parse({});

/**
 * Metric names for `compile`. tfjs picks categorical, binary or sparse accuracy itself from the
 * loss and the output width when given 'accuracy' (logged as 'acc'); accuracy is dropped for
 * regression, where it means nothing, and MAE is always reported there. mae and mse keep their names.
 */
export function metricsFor(config: Pick<TrainingConfig, 'metrics'>, task: 'classification' | 'regression'): string[] {
  const metrics = config.metrics.filter((m) => task === 'classification' || m !== 'accuracy');
  // A regression run reports MAE even when only the default ['accuracy'] was asked for.
  return task === 'regression' && !metrics.includes('mae') ? [...metrics, 'mae'] : metrics;
}
