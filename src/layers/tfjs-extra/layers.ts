import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import { CATEGORY_ENCODING_EXTENSIONS } from './category-encoding';
import type { Extension, ExtensionClass } from './extension';
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
  { className: 'ZeroPadding1D', make: zeroPadding1dClass },
  ...IMAGE_LAYER_EXTENSIONS,
  ...CATEGORY_ENCODING_EXTENSIONS,
];
