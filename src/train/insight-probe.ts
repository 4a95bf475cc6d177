/**
 * The per-layer statistics of the views: a model of every layer's output that shares the trained
 * layers, run on a fixed probe batch, reduced on the backend and read back in one download.
 */
import { sampleRows } from '../data/features';
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitDataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';
import type { ActivationStats, LayerStats } from './insight-types';
import { RELU_FAMILY, histogram, strideFor } from './insight-stats';

/** At most this many probe samples, fewer when a layer's output is large (see {@link PROBE_VALUES}). */
export const PROBE_SAMPLES = 32;
/** The probe batch is sized so that the largest layer output holds at most this many values. */
export const PROBE_VALUES = 1 << 18;
/** Values per layer read back for its histogram (evenly strided over the probe batch's output). */
export const HISTOGRAM_VALUES = 2048;

/** The samples the views look at: validation, or training when there is no validation. */
export const viewedSamples = (data: SplitDataset): Dataset => (data.validation.count > 0 ? data.validation : data.train);

/** One layer whose output the probe measures. */
interface Measured {
  readonly layer: tfjs.layers.Layer;
  readonly output: tfjs.SymbolicTensor;
  readonly relu: boolean;
}

/** A model's probe: the activation model and the probe batch it runs on. `dispose` frees the batch only. */
export interface Probe {
  readonly model: tfjs.LayersModel;
  readonly measured: readonly Measured[];
  readonly activations?: tfjs.LayersModel;
  readonly x?: tfjs.Tensor;
  dispose(): void;
}

/** Whether a layer's output is 0 for every negative input (ReLU, or an activation of the ReLU family). */
function isRelu(layer: tfjs.layers.Layer): boolean {
  if (layer.getClassName() === 'ReLU') return true;
  try {
    const activation = layer.getConfig().activation;
    return typeof activation === 'string' && RELU_FAMILY.has(activation);
  } catch {
    return false;
  }
}

/** The layer's one output, or undefined for input layers and layers with several outputs or uses. */
export function singleOutput(layer: tfjs.layers.Layer): tfjs.SymbolicTensor | undefined {
  if (layer.getClassName() === 'InputLayer') return undefined;
  try {
    const output = layer.output;
    return Array.isArray(output) ? undefined : output;
  } catch {
    return undefined;
  }
}

const perSample = (s: tfjs.SymbolicTensor) => s.shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);

/** The rows `first..first+count` of a dataset as a tensor in the model's input shape. */
export function rowsTensor(tf: Tf, d: Dataset, first: number, count: number): tfjs.Tensor {
  return tf.tensor(sampleRows(d, first, count), [count, ...d.featureShape], 'float32');
}

/**
 * The probe of `model` on `data`: the first samples of {@link viewedSamples}, as many as
 * {@link PROBE_SAMPLES} and {@link PROBE_VALUES} allow. A model with more than one input, or data
 * whose sample shape is not the model's, gets no activation model (statistics then have no
 * activations). The activation model is never disposed: that would release the shared layers.
 */
export function makeProbe(tf: Tf, model: tfjs.LayersModel, data: SplitDataset): Probe {
  const measured = model.layers.flatMap((layer) => {
    const output = singleOutput(layer);
    return output ? [{ layer, output, relu: isRelu(layer) }] : [];
  });
  const samples = viewedSamples(data);
  const inputShape = model.inputs[0]?.shape.slice(1) ?? [];
  const fits =
    model.inputs.length === 1 && inputShape.length === samples.featureShape.length && inputShape.every((d, i) => d === null || d === samples.featureShape[i]);
  if (!fits || measured.length === 0 || samples.count === 0) return { model, measured, dispose: () => undefined };
  const largest = Math.max(...measured.map((m) => perSample(m.output)));
  const count = Math.max(1, Math.min(PROBE_SAMPLES, samples.count, Math.floor(PROBE_VALUES / largest)));
  const activations = tf.model({ inputs: model.inputs, outputs: measured.map((m) => m.output) });
  const x = rowsTensor(tf, samples, 0, count);
  return { model, measured, activations, x, dispose: () => x.dispose() };
}

/** Where one layer's numbers sit in the packed download. */
interface Slot {
  readonly at: number;
  readonly units: number;
  readonly values: number;
}

/** The sum of squares of a layer's trainable weights, as a scalar. */
export const weightSquares = (tf: Tf, layer: tfjs.layers.Layer): tfjs.Scalar | undefined =>
  layer.trainableWeights.length === 0 ? undefined : (tf.addN(layer.trainableWeights.map((w) => tf.sum(tf.square(w.read())))).reshape([]) as tfjs.Scalar);

/**
 * Runs the probe and reduces each layer on the backend to: min, max, mean, variance, its per-unit
 * maxima (ReLU layers: a unit is the last axis), a strided sample of its values, and its weights'
 * sum of squares. One tensor comes back; `read` turns its numbers into {@link LayerStats}.
 */
export function statsPass(tf: Tf, probe: Probe): { packed: tfjs.Tensor1D; read: (values: Float32Array) => LayerStats[] } {
  const { activations, x, measured, model } = probe;
  const slots = new Map<tfjs.layers.Layer, Slot>();
  const weightAt = new Map<tfjs.layers.Layer, number>();
  const packed = tf.tidy(() => {
    const parts: tfjs.Tensor1D[] = [];
    let at = 0;
    const push = (t: tfjs.Tensor) => {
      parts.push(t.reshape([-1]) as tfjs.Tensor1D);
      at += t.size;
    };
    if (activations && x) {
      const outs = activations.predict(x);
      const list = Array.isArray(outs) ? outs : [outs];
      measured.forEach((m, i) => {
        const t = list[i] as tfjs.Tensor;
        const flat = t.reshape([-1]);
        const { mean, variance } = tf.moments(flat);
        const start = at;
        push(tf.stack([tf.min(flat), tf.max(flat), mean, variance]));
        const lastDim = t.shape.at(-1) ?? 1;
        const units = m.relu && t.rank >= 2 ? lastDim : 0;
        if (units > 0) push(tf.max(t.reshape([-1, units]), 0));
        const stride = strideFor(flat.size, HISTOGRAM_VALUES);
        const sample = stride === 1 ? flat : tf.stridedSlice(flat, [0], [flat.size], [stride]);
        push(sample);
        slots.set(m.layer, { at: start, units, values: sample.size });
      });
    }
    for (const layer of model.layers) {
      const squares = weightSquares(tf, layer);
      if (!squares) continue;
      weightAt.set(layer, at);
      push(squares);
    }
    return parts.length === 0 ? tf.zeros([0]) : tf.concat(parts);
  }) as tfjs.Tensor1D;
  const read = (values: Float32Array): LayerStats[] =>
    model.layers.map((layer) => {
      const slot = slots.get(layer);
      const w = weightAt.get(layer);
      return {
        layer: layer.name,
        ...(slot ? { activation: activationStats(values, slot) } : {}),
        ...(w === undefined ? {} : { weightNorm: Math.sqrt(values[w] as number) }),
      };
    });
  return { packed, read };
}

function activationStats(values: Float32Array, { at, units, values: count }: Slot): ActivationStats {
  const [min = 0, max = 0, mean = 0, variance = 0] = values.subarray(at, at + 4);
  const unitMax = values.subarray(at + 4, at + 4 + units);
  const sample = values.subarray(at + 4 + units, at + 4 + units + count);
  let dead = 0;
  for (const v of unitMax) if (v <= 0) dead += 1;
  return {
    histogram: histogram(sample, min, max),
    mean,
    std: Math.sqrt(Math.max(0, variance)),
    ...(units > 0 ? { deadShare: dead / units } : {}),
  };
}
