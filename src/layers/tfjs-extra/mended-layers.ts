import type * as tfjs from '@tensorflow/tfjs';
import type { Tf, TfLayer } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Shape = (number | null)[];
type Kwargs = Record<string, unknown>;
const one = (x: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor => (Array.isArray(x) ? (x[0] as tfjs.Tensor) : x);
const oneShape = (s: Shape | Shape[]): Shape => (Array.isArray(s[0]) ? (s[0] as Shape) : (s as Shape));

/**
 * Keras's Cropping2D: tfjs 4.22's subtracts the crop from an unknown (None) height or width and
 * reports a negative size, which breaks every layer after it; Keras keeps it None.
 */
function cropping2dClass(tf: Tf): ExtensionClass {
  class Cropping2D extends tf.layers.Layer {
    static readonly className = 'Cropping2D';
    static readonly netloom = true as const;
    readonly cropping: [[number, number], [number, number]];
    constructor(args: Kwargs = {}) {
      super(args);
      const c = args.cropping;
      const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [Number(v[0]), Number(v[1])] : [Number(v ?? 0), Number(v ?? 0)]);
      this.cropping = Array.isArray(c) ? [pair(c[0]), pair(c[1])] : [pair(c), pair(c)];
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        const [[top, bottom], [left, right]] = this.cropping;
        const [, h = 0, w = 0] = x.shape;
        return tf.slice(x, [0, top, left, 0], [-1, h - top - bottom, w - left - right, -1]);
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const [batch = null, h = null, w = null, c = null] = oneShape(shape);
      const [[top, bottom], [left, right]] = this.cropping;
      return [batch, h === null ? null : h - top - bottom, w === null ? null : w - left - right, c];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      // dataFormat as tfjs's own Cropping2D writes it, so the file reads the same anywhere.
      return { ...super.getConfig(), cropping: this.cropping.map((p) => [...p]), dataFormat: 'channelsLast' };
    }
  }
  return Cropping2D as unknown as ExtensionClass;
}

/**
 * Keras's Masking, trainable: tfjs 4.22's builds its mask from NotEqual and Any, which have no
 * gradient, so any model with a trainable layer before the Masking fails to train. The same mask
 * comes from step(max |x - mask_value|) over the features, whose gradient is zero (as Keras's).
 */
function maskingClass(tf: Tf): ExtensionClass {
  class Masking extends tf.layers.Layer {
    static readonly className = 'Masking';
    static readonly netloom = true as const;
    readonly maskValue: number;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      this.maskValue = typeof args.maskValue === 'number' ? args.maskValue : 0;
    }
    /** 1 for a step with any feature unlike mask_value, else 0. */
    private keep(x: tfjs.Tensor, keepDims: boolean): tfjs.Tensor {
      return tf.step(tf.max(tf.abs(tf.sub(x, this.maskValue)), -1, keepDims));
    }
    override computeMask(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => tf.cast(this.keep(one(inputs), false), 'bool'));
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        return tf.mul(x, this.keep(x, true));
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      return shape;
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), maskValue: this.maskValue };
    }
  }
  return Masking as unknown as ExtensionClass;
}

/**
 * Keras's AlphaDropout: tfjs 4.22's sets dropped units to +1.758 (the sign of alpha' flipped)
 * where Keras sets them to SELU's negative saturation -1.758, so training shifts the mean the layer
 * exists to keep. Identity at inference, as in Keras.
 */
function alphaDropoutClass(tf: Tf): ExtensionClass {
  const ALPHA_P = -1.6732632423543772 * 1.0507009873554805;
  class AlphaDropout extends tf.layers.Layer {
    static readonly className = 'AlphaDropout';
    static readonly netloom = true as const;
    readonly rate: number;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      this.rate = typeof args.rate === 'number' ? args.rate : 0;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[], kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs);
        const r = this.rate;
        if (kwargs.training !== true || r <= 0 || r >= 1) return x;
        // The comparison is on the random draw, not on x, so no gradient is needed through it.
        const kept = tf.cast(tf.greaterEqual(tf.randomUniform(x.shape), r), x.dtype);
        const a = ((1 - r) * (1 + r * ALPHA_P ** 2)) ** -0.5;
        const b = -a * ALPHA_P * r;
        return tf.add(tf.mul(tf.add(tf.mul(x, kept), tf.mul(tf.sub(1, kept), ALPHA_P)), a), b);
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      return shape;
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), rate: this.rate };
    }
  }
  return AlphaDropout as unknown as ExtensionClass;
}

/** Numpy-style broadcast of shapes aligned at the last axis; an unknown size stays unknown. */
function broadcastShape(shapes: readonly Shape[]): Shape {
  const rank = Math.max(...shapes.map((s) => s.length));
  return Array.from({ length: rank }, (_, i) => {
    const dims = shapes.map((s) => (i < rank - s.length ? 1 : (s[i - rank + s.length] ?? null)));
    if (dims.includes(null)) return null;
    return Math.max(...(dims as number[]));
  });
}

/** tfjs types computeMask's result as never null, but null is how a layer says "no mask". */
const NO_MASK = null as unknown as tfjs.Tensor;

/**
 * Keras's Maximum and Minimum: the gradients of tfjs 4.22's maximum and minimum do not sum over
 * broadcast axes, so (None, 5, 1) against (None, 5, 4) cannot train. Each input is broadcast first
 * (broadcastTo's gradient sums), then the op runs on equal shapes.
 */
function extremumClass(tf: Tf, className: 'Maximum' | 'Minimum'): ExtensionClass {
  const op = className === 'Maximum' ? tf.maximum : tf.minimum;
  class Extremum extends tf.layers.Layer {
    static readonly className = className;
    static readonly netloom = true as const;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const xs = Array.isArray(inputs) ? inputs : [inputs];
        const shape = broadcastShape(xs.map((x) => x.shape)) as number[];
        return xs.map((x) => tf.broadcastTo(x, shape)).reduce((a, b) => op(a, b));
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      return broadcastShape(Array.isArray(shape[0]) ? (shape as Shape[]) : [shape as Shape]);
    }
    override computeMask(_inputs: tfjs.Tensor | tfjs.Tensor[], mask?: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      // As Keras merges masks: a step counts where every masked input counts it.
      const masks = (Array.isArray(mask) ? mask : [mask]).filter((m): m is tfjs.Tensor => m !== null && m !== undefined);
      if (masks.length === 0) return NO_MASK;
      return tf.tidy(() => masks.reduce((a, b) => tf.logicalAnd(a, b)));
    }
  }
  return Extremum as unknown as ExtensionClass;
}

/**
 * Keras's Dot: tfjs 4.22's reads a negative entry of an `axes` pair as a Python index in one place
 * and not in another, so `axes=(1, -1)` fails to build. This one counts the axes from the front
 * for the inputs' ranks and hands them to tfjs's own Dot.
 */
function dotClass(tf: Tf): ExtensionClass {
  class Dot extends tf.layers.Layer {
    static readonly className = 'Dot';
    static readonly netloom = true as const;
    readonly axes: number | [number, number];
    readonly normalize: boolean;
    private inner: { key: string; layer: TfLayer } | null = null;
    constructor(args: Kwargs = {}) {
      super(args);
      this.supportsMasking = true;
      const a = args.axes;
      this.axes = Array.isArray(a) ? [Number(a[0]), Number(a[1])] : Number(a ?? -1);
      this.normalize = args.normalize === true;
    }
    /** tfjs's Dot for inputs of these ranks, made once (the ranks of a built layer do not change). */
    private dotFor(ranks: readonly number[]): TfLayer {
      const [a, b] = Array.isArray(this.axes) ? this.axes : [this.axes, this.axes];
      const axes: [number, number] = [a < 0 ? a + (ranks[0] ?? 0) : a, b < 0 ? b + (ranks[1] ?? 0) : b];
      const key = axes.join(',');
      if (this.inner?.key !== key) this.inner = { key, layer: tf.layers.dot({ axes, normalize: this.normalize }) };
      return this.inner.layer;
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape | Shape[] {
      const shapes = shape as Shape[];
      return this.dotFor(shapes.map((s) => s.length)).computeOutputShape(shapes);
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      const xs = Array.isArray(inputs) ? inputs : [inputs];
      return this.dotFor(xs.map((x) => x.rank)).apply(xs) as tfjs.Tensor;
    }
    override computeMask(inputs: tfjs.Tensor | tfjs.Tensor[], mask?: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor | tfjs.Tensor[] {
      // No mask comes out of a dot product, as in Keras (tfjs's Dot says so with null).
      const xs = Array.isArray(inputs) ? inputs : [inputs];
      return this.dotFor(xs.map((x) => x.rank)).computeMask(xs, mask);
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), axes: Array.isArray(this.axes) ? [...this.axes] : this.axes, normalize: this.normalize };
    }
  }
  return Dot as unknown as ExtensionClass;
}

/**
 * tfjs 4.22 layers that compute something other than Keras 3, replaced under their Keras names
 * (tfjs's own stay reachable through their `tf.layers` factories).
 */
export const MENDED_LAYER_EXTENSIONS: readonly Extension[] = [
  { className: 'Cropping2D', make: cropping2dClass },
  { className: 'Masking', make: maskingClass },
  { className: 'AlphaDropout', make: alphaDropoutClass },
  { className: 'Dot', make: dotClass },
  { className: 'Maximum', make: (tf) => extremumClass(tf, 'Maximum') },
  { className: 'Minimum', make: (tf) => extremumClass(tf, 'Minimum') },
];
