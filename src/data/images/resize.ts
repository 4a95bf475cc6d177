import { assertNever } from '../../lib/assert-never';
import { invariant } from '../../lib/invariant';
import type { DecodedImage, SampleOptions } from './types';

/** The part of the source that is sampled and where it lands in the sample, in pixels. */
interface Placement {
  readonly srcX: number;
  readonly srcY: number;
  readonly srcW: number;
  readonly srcH: number;
  readonly dstX: number;
  readonly dstY: number;
  readonly dstW: number;
  readonly dstH: number;
}

/** Where the image goes in a `width x height` sample for a fit (pure geometry, exported for tests). */
export function placement(image: { width: number; height: number }, opts: SampleOptions): Placement {
  const { width: W, height: H } = opts;
  const { width: w, height: h } = image;
  const full = { srcX: 0, srcY: 0, srcW: w, srcH: h, dstX: 0, dstY: 0, dstW: W, dstH: H };
  switch (opts.fit) {
    case 'stretch':
      return full;
    case 'crop': {
      const scale = Math.max(W / w, H / h);
      const srcW = W / scale;
      const srcH = H / scale;
      return { ...full, srcX: (w - srcW) / 2, srcY: (h - srcH) / 2, srcW, srcH };
    }
    case 'pad': {
      const scale = Math.min(W / w, H / h);
      const dstW = Math.min(W, Math.max(1, Math.round(w * scale)));
      const dstH = Math.min(H, Math.max(1, Math.round(h * scale)));
      return { ...full, dstX: Math.floor((W - dstW) / 2), dstY: Math.floor((H - dstH) / 2), dstW, dstH };
    }
    default:
      return assertNever(opts.fit, 'fit');
  }
}

/** For each output pixel along one axis: the source pixels it reads and their weights. */
interface Taps {
  readonly start: Int32Array;
  readonly weights: Float32Array[];
}

/**
 * Weights along one axis. Shrinking averages every source pixel the output pixel covers, by
 * overlap (area resampling: no aliasing, thin strokes survive); enlarging interpolates linearly
 * between pixel centres.
 */
function taps(srcStart: number, srcLen: number, srcSize: number, dstLen: number): Taps {
  const ratio = srcLen / dstLen;
  const start = new Int32Array(dstLen);
  const weights: Float32Array[] = [];
  for (let i = 0; i < dstLen; i++) {
    if (ratio >= 1) {
      const a = srcStart + i * ratio;
      const b = a + ratio;
      const first = Math.floor(a);
      const last = Math.min(srcSize - 1, Math.ceil(b) - 1);
      const w = new Float32Array(last - first + 1);
      for (let s = first; s <= last; s++) w[s - first] = (Math.min(b, s + 1) - Math.max(a, s)) / ratio;
      start[i] = first;
      weights.push(w);
    } else {
      const x = Math.min(srcSize - 1, Math.max(0, srcStart + (i + 0.5) * ratio - 0.5));
      const first = Math.min(Math.floor(x), srcSize - 2 < 0 ? 0 : srcSize - 2);
      const t = x - first;
      start[i] = first;
      weights.push(srcSize > 1 ? Float32Array.of(1 - t, t) : Float32Array.of(1));
    }
  }
  return { start, weights };
}

/**
 * Turns a decoded picture into one sample: `height * width * channels` floats in [0, 1],
 * row-major HWC, RGB order. Transparent pixels are laid over black, because the common image
 * datasets (MNIST and its kin) are light strokes on black; padding is black for the same reason.
 * Grayscale is luma (0.299 R + 0.587 G + 0.114 B), averaged in stored (sRGB) values as PIL does.
 */
export function toSample(image: DecodedImage, opts: SampleOptions): Float32Array {
  const { width: W, height: H, channels: C } = opts;
  const { width: w, height: h, rgba } = image;
  invariant(w > 0 && h > 0 && rgba.length >= w * h * 4, 'decoded image has pixels');
  const p = placement(image, opts);

  // Source pixels as the sample's channels, alpha applied, in [0, 1].
  const src = new Float32Array(w * h * C);
  for (let i = 0, o = 0; i < w * h; i++, o += C) {
    const a = (rgba[i * 4 + 3] ?? 255) / (255 * 255);
    const r = (rgba[i * 4] ?? 0) * a;
    const g = (rgba[i * 4 + 1] ?? 0) * a;
    const b = (rgba[i * 4 + 2] ?? 0) * a;
    if (C === 1) src[o] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      src[o] = r;
      src[o + 1] = g;
      src[o + 2] = b;
    }
  }

  const tx = taps(p.srcX, p.srcW, w, p.dstW);
  const ty = taps(p.srcY, p.srcH, h, p.dstH);
  // Horizontal pass over every source row, then vertical into the sample: separable, so the cost
  // is per pixel and tap, not per pixel and tap squared.
  const rows = new Float32Array(h * p.dstW * C);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < p.dstW; x++) {
      const s0 = tx.start[x] ?? 0;
      const ws = tx.weights[x] ?? new Float32Array(0);
      for (let c = 0; c < C; c++) {
        let sum = 0;
        for (let k = 0; k < ws.length; k++) sum += (ws[k] ?? 0) * (src[(y * w + s0 + k) * C + c] ?? 0);
        rows[(y * p.dstW + x) * C + c] = sum;
      }
    }
  }
  const out = new Float32Array(H * W * C);
  for (let y = 0; y < p.dstH; y++) {
    const s0 = ty.start[y] ?? 0;
    const ws = ty.weights[y] ?? new Float32Array(0);
    for (let x = 0; x < p.dstW; x++) {
      for (let c = 0; c < C; c++) {
        let sum = 0;
        for (let k = 0; k < ws.length; k++) sum += (ws[k] ?? 0) * (rows[((s0 + k) * p.dstW + x) * C + c] ?? 0);
        // Float rounding can overshoot [0, 1] by an ulp; the contract is [0, 1].
        out[((p.dstY + y) * W + p.dstX + x) * C + c] = Math.min(1, Math.max(0, sum));
      }
    }
  }
  return out;
}
