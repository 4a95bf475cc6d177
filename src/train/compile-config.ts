/**
 * The bridge from a stored {@link TrainingConfig} (Keras names) to what tfjs's `model.compile`
 * takes: an optimizer object, a loss name or function, metric names. tfjs is passed in, so the
 * page bundle never loads it through this module.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { assertNever } from '../lib/assert-never';
import type { Loss, TrainingConfig } from '../settings/training';
import { fusedAdam } from './fused-adam';

/** What a loss is to tfjs: the name of one of its own, or `(yTrue, yPred) => per-sample loss`. */
export type TfLoss = string | ((yTrue: tfjs.Tensor, yPred: tfjs.Tensor) => tfjs.Tensor);

/** A new optimizer for the config, at `config.learningRate` (SGD uses momentum when it is set). */
export function optimizerFor(tf: Tf, config: Pick<TrainingConfig, 'optimizer' | 'learningRate' | 'momentum'>): tfjs.Optimizer {
  const lr = config.learningRate;
  switch (config.optimizer) {
    case 'sgd':
      return config.momentum > 0 ? momentum(tf, lr, config.momentum) : tf.train.sgd(lr);
    case 'adam':
      // Keras's defaults (beta 0.9 / 0.999, epsilon 1e-7), where tfjs would use its own epsilon;
      // tfjs's Adam, its step fused into one kernel per variable on wasm.
      return fusedAdam(tf, lr, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(lr, 0.9, 0, 1e-7);
    case 'adagrad':
      return tf.train.adagrad(lr, 0.1);
    case 'adamax':
      return tf.train.adamax(lr, 0.9, 0.999, 1e-7);
    default:
      return assertNever(config.optimizer, 'optimizer');
  }
}

/**
 * tfjs 4.22's MomentumOptimizer.dispose forgets the `-lr` scalar its SGD base keeps, leaking one
 * tensor per run; this one releases it too.
 */
function momentum(tf: Tf, lr: number, m: number): tfjs.Optimizer {
  const optimizer = tf.train.momentum(lr, m);
  const dispose = optimizer.dispose.bind(optimizer);
  optimizer.dispose = () => {
    dispose();
    (optimizer as unknown as { c?: tfjs.Tensor }).c?.dispose();
  };
  return optimizer;
}

/** The optimizer's current learning rate (every tfjs optimizer keeps it in `learningRate`). */
export function learningRateOf(optimizer: tfjs.Optimizer): number {
  return (optimizer as unknown as { learningRate: number }).learningRate;
}

/**
 * Changes the learning rate between steps. SGD and momentum cache `-lr` as a tensor that only
 * `setLearningRate` refreshes; the others read the `learningRate` property at every step.
 */
export function setLearningRate(optimizer: tfjs.Optimizer, lr: number): void {
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}

/**
 * The tfjs loss for a Keras loss name. Huber has no tfjs name: it is Keras's `Huber(delta=1)`,
 * the mean over the last axis of `tf.losses.huberLoss` without reduction (fit averages the rest).
 */
export function lossFor(tf: Tf, config: Pick<TrainingConfig, 'loss'>): TfLoss {
  const loss: Loss = config.loss;
  switch (loss) {
    case 'categorical_crossentropy':
      return 'categoricalCrossentropy';
    case 'sparse_categorical_crossentropy':
      return 'sparseCategoricalCrossentropy';
    case 'binary_crossentropy':
      return 'binaryCrossentropy';
    case 'mean_squared_error':
      return 'meanSquaredError';
    case 'mean_absolute_error':
      return 'meanAbsoluteError';
    case 'huber':
      return (yTrue, yPred) => tf.tidy(() => tf.mean(tf.losses.huberLoss(yTrue, yPred, undefined, 1, tf.Reduction.NONE), -1));
    default:
      return assertNever(loss, 'loss');
  }
}

/** Keras's name for a tfjs log key: `acc` -> `accuracy`, `val_acc` -> `val_accuracy`, others as is. */
export function historyKey(name: string): string {
  if (name === 'acc') return 'accuracy';
  if (name === 'val_acc') return 'val_accuracy';
  return name;
}
