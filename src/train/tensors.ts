/**
 * The dataset as tensors for one run: made once, reordered per epoch, disposed together.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitDataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';

/** The training and (when it has samples) validation tensors of a run. */
export interface RunTensors {
  readonly x: tfjs.Tensor;
  readonly y: tfjs.Tensor;
  readonly validation?: [tfjs.Tensor, tfjs.Tensor];
  dispose(): void;
}

/** `x` with shape [count, ...featureShape] and `y` with [count, ...targetShape]. */
export function datasetTensors(tf: Tf, d: Dataset): [tfjs.Tensor, tfjs.Tensor] {
  return [tf.tensor(d.x, [d.count, ...d.featureShape], 'float32'), tf.tensor(d.y, [d.count, ...d.targetShape], 'float32')];
}

/** Tensors for the split; validation is left out when it has no samples (fit then skips it). */
export function makeTensors(tf: Tf, data: SplitDataset): RunTensors {
  const [x, y] = datasetTensors(tf, data.train);
  const validation = data.validation.count > 0 ? datasetTensors(tf, data.validation) : undefined;
  return {
    x,
    y,
    ...(validation ? { validation } : {}),
    dispose: () => tf.dispose([x, y, ...(validation ?? [])]),
  };
}

/** Rows of a row-major array in `order`: a plain memory copy, row by row. */
function reorderRows(values: Float32Array, rowSize: number, order: Int32Array): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < order.length; i++) {
    const from = (order[i] as number) * rowSize;
    out.set(values.subarray(from, from + rowSize), i * rowSize);
  }
  return out;
}

/**
 * The training tensors in `order` (a permutation of the sample indices), or as they are when
 * `order` is undefined. `dispose` frees only what this call made. The rows are reordered in
 * JavaScript, not with a backend gather: on wasm a gather of the whole set cost a quarter of an
 * MLP epoch, a row copy costs a few milliseconds.
 */
export function epochTensors(
  tf: Tf,
  tensors: RunTensors,
  train: Dataset,
  order: Int32Array | undefined,
): { x: tfjs.Tensor; y: tfjs.Tensor; dispose: () => void } {
  if (order === undefined) return { x: tensors.x, y: tensors.y, dispose: () => undefined };
  const xRow = train.featureShape.reduce((a, b) => a * b, 1);
  const yRow = train.targetShape.reduce((a, b) => a * b, 1);
  const x = tf.tensor(reorderRows(train.x, xRow, order), [train.count, ...train.featureShape], 'float32');
  const y = tf.tensor(reorderRows(train.y, yRow, order), [train.count, ...train.targetShape], 'float32');
  return { x, y, dispose: () => tf.dispose([x, y]) };
}
