/**
 * The models the trainer service builds and reads outside a run: fresh ones for exports, imports
 * and backend checks, the weights a run hands to the page, and predictions.
 */
import { featureSlice } from '../data/features';
import type { FeatureValues } from '../data/types';
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

/** Which layers {@link carryWeights} set, and which layers with weights it left as they were. */
export interface CarriedWeights {
  readonly carried: readonly string[];
  readonly fresh: readonly string[];
}

/**
 * Keras's `load_weights(by_name=True, skip_mismatch=True)` from one model to another: every layer
 * of `to` with weights takes those of the layer of `from` with its name, when they have the same
 * shapes; the others keep what they have. This is how a pretrained base survives a new head.
 */
export function carryWeights(from: tfjs.LayersModel, to: tfjs.LayersModel): CarriedWeights {
  const carried: string[] = [];
  const fresh: string[] = [];
  const source = new Map(from.layers.map((l) => [l.name, l]));
  for (const layer of to.layers) {
    if (layer.weights.length === 0) continue;
    const other = source.get(layer.name);
    const same =
      other !== undefined && other.weights.length === layer.weights.length && other.weights.every((w, i) => w.shape.join() === layer.weights[i]?.shape.join());
    if (!same) {
      fresh.push(layer.name);
      continue;
    }
    // getWeights hands out the variables' own tensors (not copies) and setWeights assigns from them: nothing to dispose.
    layer.setWeights(other.getWeights());
    carried.push(layer.name);
  }
  return { carried, fresh };
}

/**
 * {@link carryWeights} from saved weights (`<layer>/<weight>` names, as a project file or
 * model.json holds them) instead of a model: each layer of `to` takes them when every one of its
 * weights is there with the same shape.
 */
export function carryWeightValues(
  tf: Tf,
  weights: readonly { readonly name: string; readonly shape: readonly number[]; readonly values: Float32Array }[],
  to: tfjs.LayersModel,
): CarriedWeights {
  const byName = new Map(weights.map((w) => [w.name, w]));
  const carried: string[] = [];
  const fresh: string[] = [];
  for (const layer of to.layers) {
    if (layer.weights.length === 0) continue;
    const found = layer.weights.map((v) => byName.get(v.originalName));
    if (!found.every((w, i) => w !== undefined && w.shape.join() === layer.weights[i]?.shape.join())) {
      fresh.push(layer.name);
      continue;
    }
    const tensors = found.map((w) => tf.tensor((w as NonNullable<typeof w>).values, [...(w as NonNullable<typeof w>).shape]));
    layer.setWeights(tensors);
    tensors.forEach((t) => t.dispose());
    carried.push(layer.name);
  }
  return { carried, fresh };
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

/** Samples predicted at once by {@link predictSamples}: a float32 copy of this many at a time, not of the set. */
export const PREDICT_CHUNK = 1024;

/**
 * The model's outputs on `count` samples of a dataset's store (float32 or uint8 pixels), a chunk
 * of {@link PREDICT_CHUNK} at a time, in one buffer of their own.
 */
export function predictSamples(tf: Tf, model: tfjs.LayersModel, x: FeatureValues, count: number): Float32Array {
  const size = count === 0 ? 0 : x.length / count;
  const parts: Float32Array[] = [];
  for (let first = 0; first < count; first += PREDICT_CHUNK) {
    const n = Math.min(PREDICT_CHUNK, count - first);
    parts.push(predictWith(tf, model, featureSlice(x, first * size, (first + n) * size), n));
  }
  if (parts.length === 1) return parts[0] as Float32Array;
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
