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

/**
 * The training tensors in `order` (a permutation of the sample indices), or as they are when
 * `order` is undefined. `dispose` frees only what this call made.
 */
export function epochTensors(
  tf: Tf,
  tensors: RunTensors,
  order: Int32Array | undefined,
): { x: tfjs.Tensor; y: tfjs.Tensor; dispose: () => void } {
  if (order === undefined) return { x: tensors.x, y: tensors.y, dispose: () => undefined };
  const [x, y] = tf.tidy(() => {
    const indices = tf.tensor1d(order, 'int32');
    return [tf.gather(tensors.x, indices), tf.gather(tensors.y, indices)];
  });
  return { x, y, dispose: () => tf.dispose([x, y]) };
}
