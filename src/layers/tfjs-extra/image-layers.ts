import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Shape = (number | null)[];
type Kwargs = Record<string, unknown>;
const one = (x: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor => (Array.isArray(x) ? (x[0] as tfjs.Tensor) : x);
const oneShape = (s: Shape | Shape[]): Shape => (Array.isArray(s[0]) ? (s[0] as Shape) : (s as Shape));

type Interpolation = 'bilinear' | 'nearest';

/** Resizes as Keras does: half-pixel centres, corners not aligned (tfjs's default is neither). */
function resize(tf: Tf, x: tfjs.Tensor4D, size: [number, number], interpolation: Interpolation): tfjs.Tensor4D {
  return interpolation === 'nearest' ? tf.image.resizeNearestNeighbor(x, size, false, true) : tf.image.resizeBilinear(x, size, false, true);
}

/**
 * The largest centred window with the aspect ratio of `height` x `width`, as Keras 3 takes it
 * (its smart_resize and crop_to_aspect_ratio): sizes and offsets truncated, at least 1 pixel.
 */
function cropToAspectRatio(tf: Tf, x: tfjs.Tensor4D, height: number, width: number): tfjs.Tensor4D {
  const [, h = 1, w = 1] = x.shape;
  const cropH = Math.max(Math.min(h, Math.trunc((w * height) / width)), 1);
  const cropW = Math.max(Math.min(w, Math.trunc((h * width) / height)), 1);
  return tf.slice(x, [0, Math.trunc((h - cropH) / 2), Math.trunc((w - cropW) / 2), 0], [-1, cropH, cropW, -1]);
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
    readonly interpolation: Interpolation;
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
        if (this.cropToAspectRatio) x = cropToAspectRatio(tf, x, this.height, this.width);
        return resize(tf, x, [this.height, this.width], this.interpolation);
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

/**
 * Keras's CenterCrop. tfjs 4.22's writes the crop size into its input's symbolic shape, starts
 * one column late when the widths differ by 1, and crops with CropAndResize, which has no
 * gradient. This one slices; a window larger than the image is resized as Keras does (smart_resize:
 * crop to the aspect ratio, then bilinear).
 */
function centerCropClass(tf: Tf): ExtensionClass {
  class CenterCrop extends tf.layers.Layer {
    static readonly className = 'CenterCrop';
    static readonly netloom = true as const;
    readonly height: number;
    readonly width: number;
    constructor(args: Kwargs = {}) {
      super(args);
      this.height = Number(args.height);
      this.width = Number(args.width);
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[]): tfjs.Tensor {
      return tf.tidy(() => {
        const x = tf.cast(one(inputs), 'float32') as tfjs.Tensor4D;
        const [, h = 0, w = 0] = x.shape;
        const [dh, dw] = [h - this.height, w - this.width];
        if (dh >= 0 && dw >= 0) return tf.slice(x, [0, Math.floor(dh / 2), Math.floor(dw / 2), 0], [-1, this.height, this.width, -1]);
        return resize(tf, cropToAspectRatio(tf, x, this.height, this.width), [this.height, this.width], 'bilinear');
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const s = oneShape(shape);
      return [s[0] ?? null, this.height, this.width, s[3] ?? null];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), height: this.height, width: this.width };
    }
  }
  return CenterCrop as unknown as ExtensionClass;
}

/**
 * Keras 2's RandomWidth (Keras 3 has none). tfjs 4.22's symbolic shape is 3-D without the batch
 * axis: [height of the last batch seen (undefined before one), -1, the input's width as channels],
 * so [undefined, -1, 8] for (None, 8, 8, 3). It also resizes at prediction time (Keras passes
 * images through unchanged then), samples pixel corners where Keras samples centres, rounds the
 * width where Keras truncates, and saves the seed it has counted up to instead of the one given.
 * Training draws the factor as tfjs does: uniform in [1 + lower, 1 + upper], seed, seed + 1, ...
 */
function randomWidthClass(tf: Tf): ExtensionClass {
  class RandomWidth extends tf.layers.Layer {
    static readonly className = 'RandomWidth';
    static readonly netloom = true as const;
    readonly factor: number | [number, number];
    readonly interpolation: Interpolation;
    readonly seed: number | null;
    private readonly bounds: [number, number];
    private nextSeed: number | undefined;
    constructor(args: Kwargs = {}) {
      super(args);
      const f = args.factor;
      this.factor = Array.isArray(f) ? [Number(f[0]), Number(f[1])] : Number(f);
      this.bounds = Array.isArray(this.factor) ? this.factor : [-this.factor, this.factor];
      const [lower, upper] = this.bounds;
      if (!(lower >= -1 && upper >= lower)) {
        throw new Error(`RandomWidth factor ${JSON.stringify(f)} must be a number from 0 to 1 or a (lower, upper) pair with -1 <= lower <= upper`);
      }
      const interpolation = args.interpolation ?? 'bilinear';
      if (interpolation !== 'bilinear' && interpolation !== 'nearest') throw new Error(`RandomWidth cannot interpolate "${String(interpolation)}"`);
      this.interpolation = interpolation;
      this.seed = typeof args.seed === 'number' ? args.seed : null;
      this.nextSeed = this.seed ?? undefined;
    }
    override call(inputs: tfjs.Tensor | tfjs.Tensor[], kwargs: Kwargs): tfjs.Tensor {
      return tf.tidy(() => {
        const x = one(inputs) as tfjs.Tensor4D;
        if (kwargs.training !== true) return x;
        const [, h = 1, w = 1] = x.shape;
        const seed = this.nextSeed === undefined ? undefined : this.nextSeed++;
        const factor = tf.randomUniform([1], 1 + this.bounds[0], 1 + this.bounds[1], 'float32', seed).dataSync()[0] ?? 1;
        return resize(tf, tf.cast(x, 'float32') as tfjs.Tensor4D, [h, Math.max(1, Math.trunc(factor * w))], this.interpolation);
      });
    }
    override computeOutputShape(shape: Shape | Shape[]): Shape {
      const s = oneShape(shape);
      return [s[0] ?? null, s[1] ?? null, null, s[3] ?? null];
    }
    override getConfig(): tfjs.serialization.ConfigDict {
      return { ...super.getConfig(), factor: this.factor, interpolation: this.interpolation, seed: this.seed };
    }
  }
  return RandomWidth as unknown as ExtensionClass;
}

/** Image preprocessing classes Netloom puts in place of tfjs 4.22's broken ones. */
export const IMAGE_LAYER_EXTENSIONS: readonly Extension[] = [
  { className: 'Resizing', make: resizingClass },
  { className: 'CenterCrop', make: centerCropClass },
  { className: 'RandomWidth', make: randomWidthClass },
];
