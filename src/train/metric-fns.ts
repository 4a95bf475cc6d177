/**
 * The chosen metrics (`src/settings/metrics.ts`) as tfjs's `model.compile` takes them, with the
 * numbers Keras reports. tfjs 4.22 averages a metric over an epoch's batches, weighted by batch
 * size: exact for a per-sample mean (accuracy, top-k accuracy, MAE, MSE), but not what Keras's
 * stateful Precision, Recall and AUC report, which count over the whole epoch and divide once.
 * Those three keep their counts in variables here, one set for the training batches and one for
 * validation, and the epoch's value is read from the counts once `fit` returns.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { assertNever } from '../lib/assert-never';
import type { Metric } from '../settings/metrics';

/** What tfjs takes as a metric function: per-sample (or already reduced) values of a batch. */
export type MetricFn = (yTrue: tfjs.Tensor, yPred: tfjs.Tensor) => tfjs.Tensor;

/** Keras's AUC(num_thresholds=200). */
export const AUC_THRESHOLDS = 200;

/**
 * Top-k accuracy of each sample: 1 when fewer than k classes score strictly higher than the true
 * class (ties at the boundary count as in the top k, as TensorFlow's `in_top_k` does). `yTrue`
 * is one-hot rows, or class ids when `sparse`.
 */
export function topKAccuracy(tf: Tf, k: number, sparse: boolean): MetricFn {
  return (yTrue, yPred) =>
    tf.tidy(() => {
      const classes = yPred.shape[yPred.shape.length - 1] ?? 1;
      const oneHot = sparse ? tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), classes) : yTrue;
      const pred = tf.reshape(yPred, [-1, classes]);
      const trueScore = tf.sum(tf.mul(tf.reshape(oneHot, [-1, classes]), pred), -1, true);
      const higher = tf.sum(tf.cast(tf.greater(pred, trueScore), 'float32'), -1);
      return tf.cast(tf.less(higher, k), 'float32');
    });
}

/** A metric Keras computes from counts over the epoch: how a batch adds to them, and the value of counts. */
interface CountedMetric {
  readonly size: number;
  /** The batch's counts, float32 [size]. */
  counts(tf: Tf, yTrue: tfjs.Tensor, yPred: tfjs.Tensor): tfjs.Tensor;
  /** The metric of accumulated counts, a scalar. */
  value(tf: Tf, counts: tfjs.Tensor): tfjs.Tensor;
}

/** [TP, FP, FN] of the outputs above 0.5, every output of every sample a yes/no (Keras's default threshold). */
function thresholdCounts(tf: Tf, yTrue: tfjs.Tensor, yPred: tfjs.Tensor): tfjs.Tensor {
  const truth = tf.cast(tf.greater(tf.reshape(yTrue, [-1]), 0), 'float32');
  const said = tf.cast(tf.greater(tf.reshape(yPred, [-1]), 0.5), 'float32');
  const tp = tf.sum(tf.mul(truth, said));
  return tf.stack([tp, tf.sub(tf.sum(said), tp), tf.sub(tf.sum(truth), tp)]);
}

const PRECISION: CountedMetric = {
  size: 3,
  counts: thresholdCounts,
  value: (tf, c) => tf.divNoNan(c.slice(0, 1), tf.add(c.slice(0, 1), c.slice(1, 1))).reshape([]),
};

const RECALL: CountedMetric = {
  size: 3,
  counts: thresholdCounts,
  value: (tf, c) => tf.divNoNan(c.slice(0, 1), tf.add(c.slice(0, 1), c.slice(2, 1))).reshape([]),
};

/**
 * Keras's AUC(): ROC curve, trapezoidal ("interpolation") sum over 200 thresholds spread evenly
 * from -ε to 1+ε. The counts are per bucket of the prediction (bucket i holds predictions in
 * (i/199, (i+1)/199], 0 in the first), positives then negatives, as Keras's evenly-spaced path
 * counts them; the positives above threshold i are then the sum of buckets i and up.
 */
const AUC: CountedMetric = {
  size: 2 * AUC_THRESHOLDS,
  counts: (tf, yTrue, yPred) => {
    const truth = tf.reshape(yTrue, [-1]);
    const bucket = tf.cast(tf.clipByValue(tf.sub(tf.ceil(tf.mul(tf.reshape(yPred, [-1]), AUC_THRESHOLDS - 1)), 1), 0, AUC_THRESHOLDS - 1), 'int32');
    const positives = tf.bincount(bucket as tfjs.Tensor1D, truth as tfjs.Tensor1D, AUC_THRESHOLDS);
    const negatives = tf.bincount(bucket as tfjs.Tensor1D, tf.sub(1, truth) as tfjs.Tensor1D, AUC_THRESHOLDS);
    return tf.concat([positives, negatives]);
  },
  value: (tf, c) => {
    const n = AUC_THRESHOLDS;
    const tp = tf.cumsum(c.slice(0, n), 0, false, true);
    const fp = tf.cumsum(c.slice(n, n), 0, false, true);
    const recall = tf.divNoNan(tp, tf.sum(c.slice(0, n)));
    const fpRate = tf.divNoNan(fp, tf.sum(c.slice(n, n)));
    const heights = tf.div(tf.add(recall.slice(0, n - 1), recall.slice(1, n - 1)), 2);
    return tf.sum(tf.mul(tf.sub(fpRate.slice(0, n - 1), fpRate.slice(1, n - 1)), heights));
  },
};

function counted(metric: Metric): CountedMetric | undefined {
  switch (metric) {
    case 'precision':
      return PRECISION;
    case 'recall':
      return RECALL;
    case 'auc':
      return AUC;
    case 'accuracy':
    case 'top_k_categorical_accuracy':
    case 'sparse_top_k_categorical_accuracy':
    case 'mae':
    case 'mse':
      return undefined;
    default:
      return assertNever(metric, 'metric');
  }
}

/** A function tfjs logs under `name` (it names a function metric by its `name`). */
function named(name: string, fn: MetricFn): MetricFn {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/** The metrics of one run as `model.compile` takes them, and the epoch values of the counted ones. */
export interface RunMetrics {
  /** For `model.compile({metrics})`: one list, or one list per output (by output name) for several outputs. */
  readonly compile: (string | MetricFn)[] | Record<string, (string | MetricFn)[]>;
  /** Before an epoch's fit: the counts start again, and the training batches count. */
  beginEpoch(): void;
  /** The epoch's last training batch is done: validation counts from here. */
  beginValidation(): void;
  /** The counted metrics of the epoch just fitted, by log name (`auc`, `val_auc` when validated, `<output>_auc` for several outputs). */
  epochLogs(validated: boolean): Promise<Record<string, number>>;
  dispose(): void;
}

/**
 * The run's metrics for an output list of `outputNames` (tfjs prefixes each log with its output's
 * name when there are several, as Keras does). A top-k accuracy uses `topK`.
 */
export function runMetrics(tf: Tf, metrics: readonly Metric[], topK: number, outputNames: readonly string[]): RunMetrics {
  let phase: 'train' | 'validation' = 'train';
  const counters: { log: string; metric: CountedMetric; train: tfjs.Variable; validation: tfjs.Variable }[] = [];
  const forOutput = (prefix: string): (string | MetricFn)[] =>
    metrics.map((m) => {
      if (m === 'top_k_categorical_accuracy' || m === 'sparse_top_k_categorical_accuracy') return named(m, topKAccuracy(tf, topK, m.startsWith('sparse')));
      const metric = counted(m);
      if (metric === undefined) return m;
      const zeros = () => tf.tidy(() => tf.variable(tf.zeros([metric.size]), false));
      const counter = { log: `${prefix}${m}`, metric, train: zeros(), validation: zeros() };
      counters.push(counter);
      // Called inside tfjs's train and test steps: the batch's counts join the phase's, and the
      // batch log shows the value so far, as Keras's progress bar does.
      return named(m, (yTrue, yPred) =>
        tf.tidy(() => {
          const into = phase === 'train' ? counter.train : counter.validation;
          into.assign(tf.add(into, metric.counts(tf, yTrue, yPred)));
          return metric.value(tf, into);
        }),
      );
    });
  const compile = outputNames.length > 1 ? Object.fromEntries(outputNames.map((name) => [name, forOutput(`${name}_`)])) : forOutput('');
  return {
    compile,
    beginEpoch() {
      phase = 'train';
      tf.tidy(() => {
        for (const c of counters) for (const v of [c.train, c.validation]) v.assign(tf.zerosLike(v));
      });
    },
    beginValidation() {
      phase = 'validation';
    },
    async epochLogs(validated) {
      const out: Record<string, number> = {};
      for (const c of counters) {
        const read = async (v: tfjs.Variable) => {
          const value = tf.tidy(() => c.metric.value(tf, v));
          try {
            return (await value.data())[0] ?? Number.NaN;
          } finally {
            value.dispose();
          }
        };
        out[c.log] = await read(c.train);
        if (validated) out[`val_${c.log}`] = await read(c.validation);
      }
      return out;
    },
    dispose() {
      for (const c of counters) tf.dispose([c.train, c.validation]);
    },
  };
}
