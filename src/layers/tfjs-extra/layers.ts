import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';
import { MENDED_LAYER_EXTENSIONS } from './mended-layers';

type Shape = (number | null)[];
type Kwargs = Record<string, unknown>;
const one = (x: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor => (Array.isArray(x) ? (x[0] as tfjs.Tensor) : x);
const oneShape = (s: Shape | Shape[]): Shape => (Array.isArray(s[0]) ? (s[0] as Shape) : (s as Shape));

/**
 * Keras 3's ReLU: `max_value`, `negative_slope` and `threshold`. tfjs's ReLU reads only
 * max_value, so a file with the other two would compute something else.
 */
function reluClass(tf: Tf): ExtensionClass {
  class ReLU extends tf.layers.Layer {
    static readonly className = 'ReLU';
    static readonly netloom = true as const;
    readonly maxValue: number | null;
    readonly negativeSlope: number;
    readonly threshold: number;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      this.maxValue = typeof args.maxValue === 'number' ? args.maxValue : null;
      this.negativeSlope = typeof args.negativeSlope === 'number' ? args.negativeSlope : 0;
      this.threshold = typeof args.threshold === 'number' ? args.threshold : 0;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        const t = this.threshold;
        // x above the threshold, negative_slope * (x - threshold) at or below it. Built from relu,
        // step and minimum: tfjs cannot differentiate a comparison (Greater has no gradient).
        let out = t === 0 ? tf.relu(x) : tf.add(tf.relu(tf.sub(x, t)), tf.mul(t, tf.step(tf.sub(x, t))));
        if (this.negativeSlope !== 0) out = tf.add(out, tf.mul(this.negativeSlope, tf.minimum(tf.sub(x, t), 0)));
        if (this.maxValue !== null) out = tf.minimum(out, this.maxValue);
        return out;
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      return shape;
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold };
    }
  }
  return ReLU as unknown as ExtensionClass;
}

/** ELU with any `alpha` (tfjs 4.22 refuses every alpha but 1). */
function eluClass(tf: Tf): ExtensionClass {
  class ELU extends tf.layers.Layer {
    static readonly className = 'ELU';
    static readonly netloom = true as const;
    readonly alpha: number;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      this.alpha = typeof args.alpha === 'number' ? args.alpha : 1;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        return this.alpha === 1 ? tf.elu(x) : tf.add(tf.relu(x), tf.mul(this.alpha, tf.expm1(tf.minimum(x, 0))));
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      return shape;
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), alpha: this.alpha };
    }
  }
  return ELU as unknown as ExtensionClass;
}

/**
 * Keras 2's ThresholdedReLU: x above theta, 0 at or below it. tfjs 4.22's multiplies x by a
 * comparison (Greater), which tfjs cannot differentiate, so a model with it cannot train.
 */
function thresholdedReluClass(tf: Tf): ExtensionClass {
  class ThresholdedReLU extends tf.layers.Layer {
    static readonly className = 'ThresholdedReLU';
    static readonly netloom = true as const;
    readonly theta: number;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      this.theta = typeof args.theta === 'number' ? args.theta : 1;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        // relu(x - theta) + theta * step(x - theta): x above theta, 0 at or below, differentiable.
        const shifted = tf.sub(one(inputs), this.theta);
        return tf.add(tf.relu(shifted), tf.mul(this.theta, tf.step(shifted)));
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      return shape;
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), theta: this.theta };
    }
  }
  return ThresholdedReLU as unknown as ExtensionClass;
}

/**
 * Keras's Softmax over any axis (or several). tfjs 4.22's refuses every axis but the last
 * ("Softmax along a non-last dimension is not yet supported") and defaults to axis 1, not -1.
 */
function softmaxClass(tf: Tf): ExtensionClass {
  class Softmax extends tf.layers.Layer {
    static readonly className = 'Softmax';
    static readonly netloom = true as const;
    readonly axis: number | number[];
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      const a = args.axis;
      this.axis = typeof a === 'number' ? a : Array.isArray(a) ? a.map(Number) : -1;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[], kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        const axes = (Array.isArray(this.axis) ? this.axis : [this.axis]).map((a) => (a < 0 ? a + x.rank : a));
        // Masked positions get a large negative logit, then a zero output (as Keras 3 does).
        const mask = kwargs.mask instanceof tf.Tensor ? tf.cast(kwargs.mask, x.dtype) : null;
        const logits = mask === null ? x : tf.add(x, tf.mul(tf.sub(1, mask), -1e9));
        const out =
          axes.length === 1 && axes[0] === x.rank - 1 ? tf.softmax(logits) : tf.exp(tf.sub(logits, tf.logSumExp(logits, axes, true)));
        return mask === null ? out : tf.mul(out, mask);
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      return shape;
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), axis: this.axis };
    }
  }
  return Softmax as unknown as ExtensionClass;
}

/** Keras's ZeroPadding1D, which tfjs lacks: zeros before and after the steps axis. */
function zeroPadding1dClass(tf: Tf): ExtensionClass {
  class ZeroPadding1D extends tf.layers.Layer {
    static readonly className = 'ZeroPadding1D';
    static readonly netloom = true as const;
    readonly padding: [number, number];
    constructor(args: Kwargs = {}) {
      super(args);
      const p = args.padding;
      this.padding = typeof p === 'number' ? [p, p] : Array.isArray(p) ? [Number(p[0]), Number(p[1])] : [1, 1];
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => tf.pad(one(inputs), [[0, 0], this.padding, [0, 0]]));
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const [batch = null, steps = null, channels = null] = oneShape(shape);
      return [batch, steps === null ? null : steps + this.padding[0] + this.padding[1], channels];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), padding: [...this.padding] };
    }
  }
  return ZeroPadding1D as unknown as ExtensionClass;
}

/**
 * Keras's Resizing: tfjs 4.22's drops the batch axis from its output shape, resizes with aligned
 * corners (Keras uses half-pixel centres) and ignores crop_to_aspect_ratio.
 */
function resizingClass(tf: Tf): ExtensionClass {
  class Resizing extends tf.layers.Layer {
    static readonly className = 'Resizing';
    static readonly netloom = true as const;
    readonly height: number;
    readonly width: number;
    readonly interpolation: 'bilinear' | 'nearest';
    readonly cropToAspectRatio: boolean;
    constructor(args: Kwargs = {}) {
      super(args);
      this.height = Number(args.height);
      this.width = Number(args.width);
      this.interpolation = args.interpolation === 'nearest' ? 'nearest' : 'bilinear';
      this.cropToAspectRatio = args.cropToAspectRatio === true;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        let x = one(inputs) as tfjs.Tensor4D;
        if (this.cropToAspectRatio) x = centerCropToRatio(tf, x, this.width / this.height);
        const size: [number, number] = [this.height, this.width];
        return this.interpolation === 'nearest' ? tf.image.resizeNearestNeighbor(x, size, false, true) : tf.image.resizeBilinear(x, size, false, true);
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const s = oneShape(shape);
      return [s[0] ?? null, this.height, this.width, s[3] ?? null];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      const own = { height: this.height, width: this.width, interpolation: this.interpolation, cropToAspectRatio: this.cropToAspectRatio };
      return { ...super.getConfig(), ...own };
    }
  }
  return Resizing as unknown as ExtensionClass;
}

/** The largest centred window of `ratio` (width / height), as Keras's crop_to_aspect_ratio takes. */
function centerCropToRatio(tf: Tf, x: tfjs.Tensor4D, ratio: number): tfjs.Tensor4D {
  const [, h = 1, w = 1] = x.shape;
  const cropW = Math.min(w, Math.round(h * ratio));
  const cropH = Math.min(h, Math.round(w / ratio));
  const top = Math.floor((h - cropH) / 2);
  const left = Math.floor((w - cropW) / 2);
  return tf.slice(x, [0, top, left, 0], [-1, cropH, cropW, -1]);
}

/** Layer classes Netloom adds to tfjs or puts in place of a broken one. */
export const LAYER_EXTENSIONS: readonly Extension[] = [
  { className: 'ReLU', make: reluClass },
  { className: 'ELU', make: eluClass },
  { className: 'ThresholdedReLU', make: thresholdedReluClass },
  { className: 'Softmax', make: softmaxClass },
  { className: 'ZeroPadding1D', make: zeroPadding1dClass },
  { className: 'Resizing', make: resizingClass },
  ...MENDED_LAYER_EXTENSIONS,
];
