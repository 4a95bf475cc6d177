/**
 * What the training worker samples from inside the network while it learns (the "views"), as it
 * travels to the page: per-layer statistics at every sample, and the pictures (conv filters and
 * feature maps, decision boundaries, attention maps) of the one chosen validation sample.
 * Plain data (numbers, arrays, Float32Arrays), so it crosses `postMessage` as is.
 */
import type { AttentionWeights } from './attention-weights';

/** How the page asks for the views: which validation sample the pictures are of. */
export interface InsightOptions {
  /** 0-based index into the validation samples (the training samples when there are none); clamped to the data. */
  readonly sample: number;
}

/** Values counted into equal-width bins from `min` to `max`. */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
}

/** A gradient that has all but gone (< 1e-5 of its weights' norm), or that has blown up. */
export type GradientFlag = 'vanishing' | 'exploding';

/** The activations of one layer over the probe batch (a fixed set of validation samples). */
export interface ActivationStats {
  readonly histogram: Histogram;
  readonly mean: number;
  readonly std: number;
  /** For layers with a ReLU-family activation: the share of units that are 0 on every probe sample. */
  readonly deadShare?: number;
}

/** One layer's numbers at one sample. Weight and gradient fields are absent for layers with no trainable weights. */
export interface LayerStats {
  /** The layer's name, as in the graph (the tfjs layer name). */
  readonly layer: string;
  readonly activation?: ActivationStats;
  /** L2 norm of the layer's trainable weights, all of them together. */
  readonly weightNorm?: number;
  /** L2 norm of the gradient of the loss over those weights, on the training batch of this step. */
  readonly gradNorm?: number;
  /** ||w_after - w_before|| / ||w_before|| of that step's update. */
  readonly updateRatio?: number;
  readonly gradFlag?: GradientFlag;
}

/** A single-channel picture, row-major; the page scales it from its own min to max. */
export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly values: Float32Array;
}

/** A convolution layer's filters (one picture per output filter) and its feature maps for the chosen sample. */
export interface ConvView {
  readonly layer: string;
  /** Per output filter: its kernel, averaged over the input channels. */
  readonly filters: readonly Grid[];
  /** Per output channel: the layer's output on the chosen sample. */
  readonly featureMaps: readonly Grid[];
}

/** For a model with a 2-D numeric input: what each layer computes over a grid of that plane. */
export interface BoundaryView {
  /** The plane's extent in model-input units (after preprocessing): x is feature 0, y feature 1. */
  readonly extent: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  /** Training points to draw over the maps (at most 300): (x, y) pairs and each one's class (argmax of a one-hot y) or target value. */
  readonly points: Float32Array;
  readonly labels: Float32Array;
  /**
   * Per layer with a flat output (hidden Dense layers and the output): one picture per unit (at
   * most 64), the unit's value over a 32 x 32 grid of the plane; row 0 is the lowest y, column 0
   * the lowest x, each cell's value taken at its centre.
   */
  readonly layers: readonly {
    readonly layer: string;
    readonly output: boolean;
    readonly units: readonly Grid[];
    /** How many units the layer has: more than `units` when the pictures were capped. */
    readonly unitCount: number;
  }[];
}

/** One sample of the views. */
export interface InsightSnapshot {
  /**
   * 0-based epoch and batch the sample was taken after; `step` counts batches from the run's start
   * (through fine-tuning's phase 2). All three are -1 for a snapshot outside a run (an `insight` request).
   */
  readonly epoch: number;
  readonly batch: number;
  readonly step: number;
  /** The validation sample the pictures are of (after clamping). */
  readonly sample: number;
  /** Every layer of the model, in its order. */
  readonly layers: readonly LayerStats[];
  readonly conv: readonly ConvView[];
  readonly boundary?: BoundaryView;
  readonly attention: readonly AttentionWeights[];
  /** How long sampling took in the worker, in milliseconds. */
  readonly ms: number;
}
