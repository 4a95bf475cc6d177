/**
 * The dataset as tfjs sees it during one run. The training samples stay in their compact store
 * (uint8 pixels, float32 values) and become tensors a batch at a time, in the epoch's order, as
 * fit asks for them: memory stays the store's plus one batch, however many samples there are.
 * The validation samples become float32 tensors once, since they are evaluated whole every epoch.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { featureSize, featuresFloat32, gatherRows } from '../data/features';
import type { Dataset, SplitDataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';

/** The validation tensors of a run, when it has validation samples (fit then skips validation otherwise). */
export interface RunTensors {
  readonly validation?: [tfjs.Tensor, tfjs.Tensor];
  dispose(): void;
}

/** One batch as fit takes it from a dataset. */
export interface Batch extends tfjs.TensorContainerObject {
  readonly xs: tfjs.Tensor;
  readonly ys: tfjs.Tensor;
}

/** `x` with shape [count, ...featureShape] and `y` with [count, ...targetShape], float32. */
export function datasetTensors(tf: Tf, d: Dataset): [tfjs.Tensor, tfjs.Tensor] {
  return [tf.tensor(featuresFloat32(d.x), [d.count, ...d.featureShape], 'float32'), tf.tensor(d.y, [d.count, ...d.targetShape], 'float32')];
}

/** The validation tensors of the split; none when it has no samples. */
export function makeTensors(tf: Tf, data: SplitDataset): RunTensors {
  const validation = data.validation.count > 0 ? datasetTensors(tf, data.validation) : undefined;
  return { ...(validation ? { validation } : {}), dispose: () => tf.dispose(validation ?? []) };
}

/** Batches of `batchSize` samples of `train` a run makes in an epoch (the last may be smaller). */
export function batchesIn(train: Pick<Dataset, 'count'>, batchSize: number): number {
  return Math.ceil(train.count / batchSize);
}

/**
 * The batches of one epoch of `train`, in `order` (a permutation of the sample indices, or as
 * stored when undefined), each built from the store when fit asks for it. fit disposes each batch
 * once it has trained on it. The rows are copied in JavaScript, not gathered by the backend: on
 * wasm a gather of the whole set cost a quarter of an MLP epoch, a row copy a few microseconds.
 */
export function epochBatches(tf: Tf, train: Dataset, batchSize: number, order: Int32Array | undefined): tfjs.data.Dataset<Batch> {
  const xRow = featureSize(train);
  const yRow = train.targetShape.reduce((a, b) => a * b, 1);
  return tf.data.generator(function* () {
    for (let start = 0; start < train.count; start += batchSize) {
      const end = Math.min(start + batchSize, train.count);
      const xs = tf.tensor(gatherRows(train.x, xRow, order, start, end), [end - start, ...train.featureShape], 'float32');
      const ys = tf.tensor(gatherRows(train.y, yRow, order, start, end), [end - start, ...train.targetShape], 'float32');
      yield { xs, ys };
    }
  });
}
