/**
 * The metrics a run reports beside its loss, by their Keras names: what each one computes, the
 * losses it suits, and how a stored list follows a change of loss. The Train tab's picker, the
 * project file, the trainer (`src/train/metric-fns.ts`), the Keras script and the CLI all read
 * this one table.
 */
import { assertNever } from '../lib/assert-never';
import type { Loss } from './training';

/** Metrics offered, by the name Keras logs them under (`history.history[name]`). */
export const METRICS = ['accuracy', 'precision', 'recall', 'auc', 'top_k_categorical_accuracy', 'sparse_top_k_categorical_accuracy', 'mae', 'mse'] as const;

/** A metric's Keras name. */
export type Metric = (typeof METRICS)[number];

/**
 * What a loss trains: one sigmoid per output (`binary`), a softmax over one-hot targets
 * (`categorical`), a softmax over class ids (`sparse`), or numbers (`regression`).
 */
export type LossFamily = 'binary' | 'categorical' | 'sparse' | 'regression';

/** The family of a loss: which metrics mean something for it. */
export function lossFamily(loss: Loss): LossFamily {
  switch (loss) {
    case 'binary_crossentropy':
      return 'binary';
    case 'categorical_crossentropy':
      return 'categorical';
    case 'sparse_categorical_crossentropy':
      return 'sparse';
    case 'mean_squared_error':
    case 'mean_absolute_error':
    case 'huber':
      return 'regression';
    default:
      return assertNever(loss, 'loss');
  }
}

/** How the picker shows a metric, and the losses it suits. */
export interface MetricInfo {
  /** The short name a checkbox and a chart legend show. */
  readonly label: string;
  /** The chart's title: "<title> per epoch". */
  readonly title: string;
  /** Exactly what is computed, in a sentence. */
  readonly help: string;
  readonly families: readonly LossFamily[];
  /**
   * Which way is better, as the Keras 3 metric's `_direction` says (`up` for accuracies, precision,
   * recall and AUC; `down` for the errors, which Keras wraps as losses): what a callback's `auto`
   * mode watches for.
   */
  readonly direction: 'up' | 'down';
}

/** Every metric's words and families. */
export const METRIC_INFO: Readonly<Record<Metric, MetricInfo>> = {
  accuracy: {
    label: 'accuracy',
    title: 'Accuracy',
    help: 'The share of samples whose predicted class is the true one (one sigmoid output: above 0.5 is class 1).',
    families: ['binary', 'categorical', 'sparse'],
    direction: 'up',
  },
  precision: {
    label: 'precision',
    title: 'Precision',
    help: 'Of the samples predicted positive (output above 0.5), the share that are: TP / (TP + FP), counted over the whole epoch as keras.metrics.Precision() does.',
    families: ['binary'],
    direction: 'up',
  },
  recall: {
    label: 'recall',
    title: 'Recall',
    help: 'Of the positive samples, the share predicted positive (output above 0.5): TP / (TP + FN), counted over the whole epoch as keras.metrics.Recall() does.',
    families: ['binary'],
    direction: 'up',
  },
  auc: {
    label: 'AUC',
    title: 'AUC (ROC)',
    help: 'Area under the ROC curve from 200 thresholds counted over the whole epoch, as keras.metrics.AUC() computes it; with several classes every class output counts as a yes/no question (micro-averaged).',
    families: ['binary', 'categorical'],
    direction: 'up',
  },
  top_k_categorical_accuracy: {
    label: 'top-k accuracy',
    title: 'Top-k accuracy',
    help: 'The share of samples whose true class is among the k highest outputs (keras.metrics.TopKCategoricalAccuracy).',
    families: ['categorical'],
    direction: 'up',
  },
  sparse_top_k_categorical_accuracy: {
    label: 'top-k accuracy',
    title: 'Top-k accuracy',
    help: 'The share of samples whose true class is among the k highest outputs (keras.metrics.SparseTopKCategoricalAccuracy).',
    families: ['sparse'],
    direction: 'up',
  },
  mae: { label: 'MAE', title: 'Mean absolute error', help: 'The mean of |prediction − target|.', families: ['regression'], direction: 'down' },
  mse: { label: 'MSE', title: 'Mean squared error', help: 'The mean of (prediction − target)².', families: ['regression'], direction: 'down' },
};

/** Keras's default k for top-k accuracy. */
export const DEFAULT_TOP_K = 5;

/** The metrics that mean something for `loss`, in picker order. */
export const offeredMetrics = (loss: Loss): Metric[] => METRICS.filter((m) => METRIC_INFO[m].families.includes(lossFamily(loss)));

/** What a run reports when nothing else was chosen: accuracy for classes, MAE for numbers (as before the picker). */
export const defaultMetrics = (loss: Loss): Metric[] => (lossFamily(loss) === 'regression' ? ['mae'] : ['accuracy']);

/** The same measure for the other way of giving class targets (top-k over one-hot rows or over ids). */
const TWIN: Partial<Record<Metric, Metric>> = {
  top_k_categorical_accuracy: 'sparse_top_k_categorical_accuracy',
  sparse_top_k_categorical_accuracy: 'top_k_categorical_accuracy',
};

/**
 * `metrics` as they apply to `loss`: each one that suits it, top-k following the target's form,
 * in picker order without repeats. A list of which nothing suits (accuracy on a regression)
 * becomes the loss's default; an empty list, chosen on purpose, stays empty.
 */
export function metricsForLoss(metrics: readonly Metric[], loss: Loss): Metric[] {
  const offered = offeredMetrics(loss);
  const kept = new Set(metrics.flatMap((m) => [m, TWIN[m]]).filter((m): m is Metric => m !== undefined && offered.includes(m)));
  const out = offered.filter((m) => kept.has(m));
  return out.length === 0 && metrics.length > 0 ? defaultMetrics(loss) : out;
}

/** Whether a metric is a top-k accuracy, whose `k` the settings hold. */
export const isTopK = (metric: Metric): boolean => metric === 'top_k_categorical_accuracy' || metric === 'sparse_top_k_categorical_accuracy';
