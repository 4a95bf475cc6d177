/**
 * The boundary view of a model on 2-D input, as the Playground draws it: every layer with a flat
 * output, evaluated over a grid of the plane the training data lies in, one picture per unit.
 * Works for any DAG from the one input: the grid runs through a model of those layers' outputs.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { featureValue } from '../data/features';
import type { Dataset } from '../data/types';
import type { Tf } from '../layers/layer-spec';
import type { BoundaryView, Grid } from './insight-types';
import { singleOutput } from './insight-probe';

/** Grid points a side. */
export const BOUNDARY_SIZE = 32;
/** At most this many units per layer get a picture. */
export const BOUNDARY_UNITS = 64;
/** At most this many training points are drawn over the maps. */
export const BOUNDARY_POINTS = 300;
/** The plane reaches this share of the data's range beyond it on each side. */
const PAD = 0.1;

type Extent = BoundaryView['extent'];

/** The data's range of feature `f`, padded; a single value gets ±1. */
function span(d: Dataset, f: number): readonly [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < d.count; i++) {
    const v = featureValue(d.x, i * 2 + f);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  const pad = hi > lo ? (hi - lo) * PAD : 1;
  return [lo - pad, hi + pad];
}

/**
 * The grid's points, row-major: row `r` is at y = y0 + (r + 0.5) / size of the y range (row 0 is
 * the lowest y), column `c` likewise for x. Pairs (x, y), size * size of them.
 */
export function gridPoints(extent: Extent, size = BOUNDARY_SIZE): Float32Array {
  const out = new Float32Array(size * size * 2);
  const [x0, x1] = extent.x;
  const [y0, y1] = extent.y;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const at = (r * size + c) * 2;
      out[at] = x0 + ((c + 0.5) / size) * (x1 - x0);
      out[at + 1] = y0 + ((r + 0.5) / size) * (y1 - y0);
    }
  }
  return out;
}

/** Up to {@link BOUNDARY_POINTS} training points, evenly strided, with each one's class (one-hot y) or value. */
function pointsOf(d: Dataset): { points: Float32Array; labels: Float32Array } {
  const stride = Math.max(1, Math.ceil(d.count / BOUNDARY_POINTS));
  const n = Math.ceil(d.count / stride);
  const points = new Float32Array(n * 2);
  const labels = new Float32Array(n);
  const k = d.targetShape.reduce((a, b) => a * b, 1);
  for (let j = 0; j < n; j++) {
    const i = j * stride;
    points[j * 2] = featureValue(d.x, i * 2);
    points[j * 2 + 1] = featureValue(d.x, i * 2 + 1);
    const y = d.y.subarray(i * k, (i + 1) * k);
    labels[j] = k > 1 ? y.indexOf(Math.max(...y)) : (y[0] as number);
  }
  return { points, labels };
}

/** A model's boundary maker; the model of its layers shares them and is never disposed. */
export interface BoundaryPart {
  take(): Promise<BoundaryView>;
}

/**
 * The boundary maker of `model`, or undefined unless it takes one input of shape [null, 2] and
 * the training data has 2 features. The layers drawn are those with a [null, n] output.
 */
export function boundaryPart(tf: Tf, model: tfjs.LayersModel, train: Dataset): BoundaryPart | undefined {
  const shape = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || shape?.length !== 2 || shape[1] !== 2 || train.featureShape.join() !== '2') return undefined;
  const flat = model.layers.flatMap((layer) => {
    const output = singleOutput(layer);
    return output && output.shape.length === 2 && (output.shape[1] ?? 0) > 0 ? [{ layer, output }] : [];
  });
  if (flat.length === 0) return undefined;
  const outputs = new Set(model.outputs);
  const layersModel = tf.model({ inputs: model.inputs, outputs: flat.map((f) => f.output) });
  const extent: Extent = { x: span(train, 0), y: span(train, 1) };
  const grid = gridPoints(extent);
  const { points, labels } = pointsOf(train);
  const cells = BOUNDARY_SIZE * BOUNDARY_SIZE;
  return {
    async take() {
      const made = tf.tidy(() => {
        const outs = layersModel.predict(tf.tensor2d(grid, [cells, 2]));
        const list = Array.isArray(outs) ? outs : [outs];
        return list.map((t) => tf.transpose(tf.slice(t, [0, 0], [cells, Math.min(BOUNDARY_UNITS, t.shape[1] ?? 0)])));
      });
      try {
        const read = await Promise.all(made.map(async (t) => (await t.data()) as Float32Array));
        const layers = flat.map((f, i) => {
          const values = read[i] as Float32Array;
          const units: Grid[] = Array.from({ length: values.length / cells }, (_, u) => ({
            width: BOUNDARY_SIZE,
            height: BOUNDARY_SIZE,
            values: values.slice(u * cells, (u + 1) * cells),
          }));
          return { layer: f.layer.name, output: outputs.has(f.output), units, unitCount: f.output.shape[1] ?? units.length };
        });
        return { extent, points: points.slice(), labels: labels.slice(), layers };
      } finally {
        tf.dispose(made);
      }
    },
  };
}
