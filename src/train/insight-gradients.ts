/**
 * Gradient norms and update sizes from the real training step: the compiled optimizer's
 * `applyGradients` is wrapped, and on a step armed beforehand it measures the gradients it is
 * handed and the weights before and after the update. Other steps pass straight through.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';

/** One layer's squared norms on the captured step. */
export interface LayerStep {
  readonly gradSquares: number;
  readonly beforeSquares: number;
  readonly updateSquares: number;
}

/** The wrap on one optimizer. */
export interface GradientCapture {
  /** The next step measures (decided at the end of the batch before it). */
  arm(): void;
  /** The armed step's numbers by layer name, once the step ran; undefined when no armed step ran since. */
  take(): Promise<Map<string, LayerStep> | undefined>;
  /** Milliseconds the wrap spent measuring, in all. */
  readonly ms: number;
}

/** What `applyGradients` takes: gradients by variable name, as a map or a list (fit passes a list). */
type NamedTensor = { readonly name: string; readonly tensor: tfjs.Tensor };
type Grads = tfjs.NamedTensorMap | readonly NamedTensor[];

/**
 * Wraps `optimizer.applyGradients` (an own property over the prototype's method) for the layers
 * of `model`, mapping variables to layers by each trainable weight's variable name. The measure
 * runs in a `tf.tidy`; the one tensor of sums it keeps is read and disposed by `take`. The
 * clones of the weights before the update share the variables' buffers (tfjs assigns new ones),
 * so the wrap copies nothing and the update itself is untouched.
 */
export function captureGradients(tf: Tf, model: tfjs.LayersModel, optimizer: tfjs.Optimizer, clock: () => number = () => performance.now()): GradientCapture {
  const original = optimizer.applyGradients.bind(optimizer);
  let armed = false;
  let kept: { names: string[]; sums: tfjs.Tensor1D } | undefined;
  let ms = 0;
  optimizer.applyGradients = (grads: Grads) => {
    if (!armed) return original(grads as tfjs.NamedTensorMap);
    armed = false;
    const t0 = clock();
    const byName = new Map<string, tfjs.Tensor>(
      Array.isArray(grads) ? (grads as readonly NamedTensor[]).map((g) => [g.name, g.tensor]) : Object.entries(grads as tfjs.NamedTensorMap),
    );
    const groups = model.layers
      .map((layer) => ({
        name: layer.name,
        pairs: layer.trainableWeights.flatMap((w) => {
          // A LayerVariable holds a tf.Variable, named as the optimizer names its gradient.
          const v = w.read() as tfjs.Variable;
          const g = byName.get(v.name);
          return g ? [{ v, g }] : [];
        }),
      }))
      .filter((group) => group.pairs.length > 0);
    const sq = (t: tfjs.Tensor) => tf.sum(tf.square(t));
    kept?.sums.dispose();
    // A tidy of its own: fit runs the step inside one, fitDataset (batches built on the fly) does not.
    const sums = tf.tidy(() => {
      const before = groups.map((group) => group.pairs.map(({ v }) => tf.clone(v)));
      const gradSquares = groups.map((group) => tf.addN(group.pairs.map(({ g }) => sq(g))));
      const beforeSquares = before.map((vs) => tf.addN(vs.map(sq)));
      original(grads as tfjs.NamedTensorMap);
      const updateSquares = groups.map((group, i) => tf.addN(group.pairs.map(({ v }, j) => sq(tf.sub(v, (before[i] as tfjs.Tensor[])[j] as tfjs.Tensor)))));
      return groups.length === 0 ? undefined : (tf.concat([...gradSquares, ...beforeSquares, ...updateSquares].map((s) => s.reshape([1]))) as tfjs.Tensor1D);
    });
    kept = sums === undefined ? undefined : { names: groups.map((g) => g.name), sums };
    ms += clock() - t0;
  };
  return {
    arm: () => {
      armed = true;
    },
    async take() {
      const got = kept;
      kept = undefined;
      if (!got) return undefined;
      try {
        const values = await got.sums.data();
        const n = got.names.length;
        return new Map(
          got.names.map((name, i) => [
            name,
            { gradSquares: values[i] as number, beforeSquares: values[n + i] as number, updateSquares: values[2 * n + i] as number },
          ]),
        );
      } finally {
        got.sums.dispose();
      }
    },
    get ms() {
      return ms;
    },
  };
}
