import type { Dataset } from '../src/data/types';
import { trainingConfigSchema } from '../src/settings/training';
import type { TrainingConfig } from '../src/settings/training';
import type { BenchRequest } from './throughput/protocol';
import { randomDataset } from './throughput/shared';

/** The sizes of one timed bench run: warm-up epochs, then the timed ones, on `samples` random samples. */
export type FitSizes = Omit<Extract<BenchRequest, { task: 'fit' }>, 'task' | 'insight'>;

/**
 * What the app's trainer service gets for a bench run, set up like the raw tfjs run: random
 * samples of the model's shape, no validation, no metrics; Adam 1e-3, categorical cross-entropy,
 * shuffled.
 */
export function benchFitSetup(sizes: FitSizes): { train: Dataset; validation: Dataset; config: TrainingConfig } {
  const train = randomDataset(sizes.model, sizes.samples, sizes.seed);
  const validation = { ...train, x: new Float32Array(0), y: new Float32Array(0), count: 0 };
  const config = trainingConfigSchema.parse({
    epochs: sizes.warmupEpochs + sizes.timedEpochs,
    batchSize: sizes.batchSize,
    optimizer: 'adam',
    learningRate: 1e-3,
    loss: 'categorical_crossentropy',
    metrics: [],
    shuffle: true,
  });
  return { train, validation, config };
}
