/**
 * The models the trainer service builds and reads outside a run: fresh ones for exports, imports
 * and backend checks, the weights a run hands to the page, and predictions.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { WeightValues } from '../compile/tfjs-weights';
import { toTfjsModel } from '../compile/to-tfjs';
import type { Graph } from '../graph/types';
import type { Tf } from '../layers/layer-spec';
import { seededBuild } from './run-training';

/**
 * A freshly initialised model of the graph, built with its own seeded Math.random: a run in
 * progress draws its Dropout masks from Math.random, and a build for an export or an import in
 * the meantime must not take numbers from that stream. Runs build theirs in runTraining.
 */
export function freshModel(tf: Tf, graph: Graph): tfjs.LayersModel {
  return seededBuild(0, () => toTfjsModel(tf, graph));
}

/** A model's weights by name, each in its own buffer, ready to transfer to the page. */
export function weightValues(model: tfjs.LayersModel): WeightValues[] {
  return model.weights.map((v) => ({
    name: v.originalName,
    shape: v.shape.map((d) => d ?? 0),
    dtype: v.dtype === 'int32' ? 'int32' : 'float32',
    values: Float32Array.from(v.read().dataSync()),
  }));
}

/**
 * `count` samples of x (flat) as a tensor of the model's input shape; says so when x holds another
 * number of values.
 */
export function inputTensor(tf: Tf, model: tfjs.LayersModel, x: Float32Array, count: number): tfjs.Tensor {
  const dims = (model.inputs[0]?.shape ?? []).slice(1);
  const sample = dims.map((d) => d ?? 0);
  const size = sample.reduce((a, b) => a * b, 1);
  if (!dims.includes(null) && x.length !== count * size) {
    throw new Error(`the model takes ${size} values a sample (input shape [${sample.join(', ')}]); got ${x.length} for ${count}`);
  }
  return tf.tensor(x, [count, ...sample]);
}

/** The model's outputs on `count` samples of x (flat, in the model's input shape), in a buffer of their own. */
export function predictWith(tf: Tf, model: tfjs.LayersModel, x: Float32Array, count: number): Float32Array {
  return tf
    .tidy(() => {
      const out = model.predict(inputTensor(tf, model, x, count)) as tfjs.Tensor;
      return out.dataSync() as Float32Array;
    })
    .slice();
}
