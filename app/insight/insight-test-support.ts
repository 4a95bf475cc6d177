/** Hand-made samples of the views, shaped as the worker sends them, for the views' tests. Tests only. */
import type { Grid, InsightSnapshot, LayerStats } from '../../src/train/insight-types';
import type { RunState } from '../store/training-slice';

/** Run 1 of one epoch of one batch, in `status`. */
export const runIn = (status: RunState['status']): RunState => ({
  runId: 1,
  status,
  epochs: 1,
  batchesPerEpoch: 1,
  samples: 1,
  initialEpoch: 0,
  epoch: 0,
  batch: 0,
  samplesPerSecond: 0,
  startedAt: 0,
  modelKey: 'k',
});

/** A width × height picture whose value at (x, y) is `f(x, y)`. */
export function grid(width: number, height: number, f: (x: number, y: number) => number): Grid {
  const values = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) values[y * width + x] = f(x, y);
  return { width, height, values };
}

/** Iris's 4 features into Dense(8, relu) "dense", then Dense(3, softmax) "dense_1". */
export function denseStats(step: number, gradNorm = 0.2 / step): LayerStats[] {
  return [
    { layer: 'input', activation: { histogram: { min: -2, max: 2, counts: [2, 5, 9, 12, 9, 5, 2, 1] }, mean: 0, std: 1 } },
    {
      layer: 'dense',
      activation: { histogram: { min: 0, max: 3, counts: [20, 8, 6, 4, 3, 2, 1, 1] }, mean: 0.62, std: 0.8, deadShare: 0.125 },
      weightNorm: 2.5 + step * 0.01,
      gradNorm,
      updateRatio: 1e-3,
    },
    {
      layer: 'dense_1',
      activation: { histogram: { min: 0, max: 1, counts: [10, 4, 3, 2, 2, 3, 4, 12] }, mean: 0.33, std: 0.4 },
      weightNorm: 1.8,
      gradNorm: 0.05,
      updateRatio: 2e-3,
    },
  ];
}

/** One sample of the views of that model on 2-D data would have boundaries; Iris has 4 features, so none. */
export function denseSnapshot(step: number, patch: Partial<InsightSnapshot> = {}): InsightSnapshot {
  return { epoch: Math.floor(step / 4), batch: step % 4, step, sample: 0, layers: denseStats(step), conv: [], attention: [], ms: 3, ...patch };
}

/** The two-moons toy data: 2 features into Dense(4, tanh) "hidden", then Dense(2, softmax) "out". */
export function boundarySnapshot(): InsightSnapshot {
  const size = 12;
  const unit = (k: number) => grid(size, size, (x, y) => Math.tanh((x - size / 2) * (k - 1.5) * 0.3 + (y - size / 2) * 0.2));
  const p = (x: number, y: number) => 1 / (1 + Math.exp(-(x - y) * 0.5));
  return {
    epoch: 1,
    batch: 0,
    step: 9,
    sample: 0,
    layers: [
      { layer: 'hidden', activation: { histogram: { min: -1, max: 1, counts: [3, 4, 5, 4, 3] }, mean: 0.01, std: 0.6 }, weightNorm: 1.2, gradNorm: 0.3 },
      { layer: 'out', activation: { histogram: { min: 0, max: 1, counts: [5, 1, 1, 5] }, mean: 0.5, std: 0.4 }, weightNorm: 0.9, gradNorm: 0.1 },
    ],
    conv: [],
    attention: [],
    boundary: {
      extent: { x: [-2, 2], y: [-1.5, 1.5] },
      points: Float32Array.of(-1, 0.5, 1, -0.5, 0.2, 0.1, -0.3, -1),
      labels: Float32Array.of(0, 1, 1, 0),
      layers: [
        { layer: 'hidden', output: false, units: [0, 1, 2, 3].map(unit), unitCount: 4 },
        { layer: 'out', output: true, units: [grid(size, size, (x, y) => 1 - p(x, y)), grid(size, size, (x, y) => p(x, y))], unitCount: 2 },
      ],
    },
    ms: 6,
  };
}

/** MNIST-like: Conv2D(4 filters, 3×3) "conv2d" over 28×28 images, its feature maps 26×26. */
export function convSnapshot(sample = 2): InsightSnapshot {
  return {
    epoch: 0,
    batch: 3,
    step: 3,
    sample,
    layers: [
      {
        layer: 'conv2d',
        activation: { histogram: { min: 0, max: 2, counts: [40, 10, 5, 2] }, mean: 0.3, std: 0.5, deadShare: 0.25 },
        weightNorm: 1.1,
        gradNorm: 3e-7,
        updateRatio: 1e-8,
        gradFlag: 'vanishing',
      },
    ],
    conv: [
      {
        layer: 'conv2d',
        filters: [0, 1, 2, 3].map((k) => grid(3, 3, (x, y) => (k % 2 === 0 ? x - 1 : y - 1) * (k + 1))),
        featureMaps: [0, 1, 2, 3].map((k) => grid(26, 26, (x, y) => Math.max(0, Math.sin((x + k) / 4) * Math.cos(y / 5)))),
      },
    ],
    attention: [],
    ms: 12,
  };
}
