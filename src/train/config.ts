import { z } from '../lib/zod';

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

/**
 * How a model is trained (`model.compile` + `model.fit`), as stored in a project file. Every field
 * may be left out and takes its default; `learningRate` defaults per optimizer.
 */
export const trainingConfigSchema = z
  .strictObject({
    loss: z.enum(LOSSES).default('categorical_crossentropy'),
    optimizer: z.enum(OPTIMIZERS).default('adam'),
    learningRate: z.number().positive().optional(),
    /** SGD momentum; other optimizers ignore it. */
    momentum: z.number().min(0).lt(1).default(0),
    batchSize: z.number().int().min(1).default(32),
    epochs: z.number().int().min(1).default(10),
    /** Fraction of the samples held out for validation, taken from the end as Keras does. */
    validationSplit: z.number().min(0).lt(1).default(0.2),
    shuffle: z.boolean().default(true),
    /** Seeds weight initialisation and shuffling, so that a run can be repeated. */
    seed: z.number().int().min(0).default(42),
    metrics: z.array(z.enum(METRICS)).default(['accuracy']),
  })
  .transform(({ learningRate, ...rest }) => ({
    ...rest,
    learningRate: learningRate ?? DEFAULT_LEARNING_RATE[rest.optimizer],
  }));

/** A complete training configuration. */
export type TrainingConfig = z.output<typeof trainingConfigSchema>;

/** Keras's defaults: Adam at 0.001, batches of 32, 10 epochs, 20% validation, accuracy. */
export const DEFAULT_TRAINING_CONFIG: TrainingConfig = trainingConfigSchema.parse({});
