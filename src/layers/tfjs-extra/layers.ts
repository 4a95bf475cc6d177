import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import { ATTENTION_EXTENSIONS } from './multi-head-attention';
import { POSITION_EMBEDDING_EXTENSIONS } from './position-embedding';
import { CATEGORY_ENCODING_EXTENSIONS } from './category-encoding';
import { DEPTHWISE_EXTENSIONS } from './depthwise';
import type { Extension, ExtensionClass } from './extension';
import { MENDED_LAYER_EXTENSIONS } from './mended-layers';
import { IMAGE_LAYER_EXTENSIONS } from './image-layers';

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
        const out = axes.length === 1 && axes[0] === x.rank - 1 ? tf.softmax(logits) : tf.exp(tf.sub(logits, tf.logSumExp(logits, axes, true)));
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

/** Layer classes Netloom adds to tfjs or puts in place of a broken one. */
export const LAYER_EXTENSIONS: readonly Extension[] = [
  { className: 'ReLU', make: reluClass },
  { className: 'ELU', make: eluClass },
  { className: 'ThresholdedReLU', make: thresholdedReluClass },
  { className: 'Softmax', make: softmaxClass },
  { className: 'ZeroPadding1D', make: zeroPadding1dClass },
  ...MENDED_LAYER_EXTENSIONS,
  ...IMAGE_LAYER_EXTENSIONS,
  ...CATEGORY_ENCODING_EXTENSIONS,
  ...DEPTHWISE_EXTENSIONS,
  ...ATTENTION_EXTENSIONS,
  ...POSITION_EMBEDDING_EXTENSIONS,
];
