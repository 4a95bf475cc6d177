// Part of Netloom's own wasm kernels (assembly/netloom-kernels.ts is the entry): pure pointer code
// on tfjs-backend-wasm's own memory, every argument a byte offset into it.
import { MR, NR, gemmPacked, packPanels } from './matmul';

/**
 * Packs a chunk of positions' input patches as op(A) panels for `conv2dFilterGrad`: lane i of a
 * panel is the filter tap (kh, kw, c) = (i / (fw*inC), i / inC % fw, i % inC), and position p =
 * (n, oy, ox) reads x[n][oy*sh + kh - top][ox*sw + kw - left][c], zero outside the input.
 */
function packPatches(
  x: usize,
  dst: usize,
  p0: i32,
  count: i32,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  fw: i32,
  taps: i32,
  sh: i32,
  sw: i32,
  top: i32,
  left: i32,
): void {
  const vector = inC % 4 == 0;
  for (let i0 = 0; i0 < taps; i0 += MR) {
    let out = dst + <usize>(i0 * count) * 4;
    // Each lane's tap, worked out once per panel: its row and column offsets and its channel
    // (a lane past the last tap reads nothing: its row offset puts it outside the input).
    const kh0 = tapRow(i0, fw, inC, taps, top), kw0 = tapCol(i0, fw, inC, left), c0 = i0 % inC;
    const kh1 = tapRow(i0 + 1, fw, inC, taps, top), kw1 = tapCol(i0 + 1, fw, inC, left), c1 = (i0 + 1) % inC;
    const kh2 = tapRow(i0 + 2, fw, inC, taps, top), kw2 = tapCol(i0 + 2, fw, inC, left), c2 = (i0 + 2) % inC;
    const kh3 = tapRow(i0 + 3, fw, inC, taps, top), kw3 = tapCol(i0 + 3, fw, inC, left), c3 = (i0 + 3) % inC;
    let n = p0 / (outH * outW);
    let oy = (p0 / outW) % outH;
    let ox = p0 % outW;
    for (let p = 0; p < count; p++) {
      const y = oy * sh;
      const xx = ox * sw;
      const image = x + <usize>(n * inH * inW * inC) * 4;
      if (vector) {
        // Four consecutive channels of one tap: one load. An if, not a select: outside the input
        // the address must never be read.
        const iy = y + kh0;
        const ix = xx + kw0;
        if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) v128.store(out, v128.load(image + <usize>((iy * inW + ix) * inC + c0) * 4));
        else v128.store(out, f32x4.splat(0));
      } else {
        store<f32>(out, patchValue(image, y + kh0, xx + kw0, c0, inH, inW, inC));
        store<f32>(out, patchValue(image, y + kh1, xx + kw1, c1, inH, inW, inC), 4);
        store<f32>(out, patchValue(image, y + kh2, xx + kw2, c2, inH, inW, inC), 8);
        store<f32>(out, patchValue(image, y + kh3, xx + kw3, c3, inH, inW, inC), 12);
      }
      out += MR * 4;
      if (++ox == outW) {
        ox = 0;
        if (++oy == outH) {
          oy = 0;
          n++;
        }
      }
    }
  }
}

/** A tap's row offset less the top padding; far outside the input for a lane past the last tap. */
@inline
function tapRow(i: i32, fw: i32, inC: i32, taps: i32, top: i32): i32 {
  return i < taps ? i / (fw * inC) - top : -(1 << 30);
}

@inline
function tapCol(i: i32, fw: i32, inC: i32, left: i32): i32 {
  return ((i / inC) % fw) - left;
}

/** image[iy][ix][c], or 0 outside the input. */
@inline
function patchValue(image: usize, iy: i32, ix: i32, c: i32, inH: i32, inW: i32, inC: i32): f32 {
  if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) return 0;
  return load<f32>(image + <usize>((iy * inW + ix) * inC + c) * 4);
}

/** Floats `conv2dFilterGrad` needs at `scratch`, for chunks of `chunk` positions. */
export function conv2dFilterGradScratchFloats(taps: i32, outC: i32, chunk: i32): i32 {
  const mPad = ((taps + MR - 1) / MR) * MR;
  const nPad = ((outC + NR - 1) / NR) * NR;
  return (mPad + nPad) * chunk + taps * outC;
}

/**
 * The filter gradient of a 2D convolution (NHWC, dilation 1, float32): dw[kh][kw][c][o] = the sum
 * over positions (n, oy, ox) of the input patch value times dy[n][oy][ox][o], as the packed
 * matmul of the patches (taps x positions) by dy (positions x outC), `chunk` positions at a time.
 */
export function conv2dFilterGrad(
  x: usize,
  dy: usize,
  dw: usize,
  scratch: usize,
  batch: i32,
  inH: i32,
  inW: i32,
  inC: i32,
  outH: i32,
  outW: i32,
  fh: i32,
  fw: i32,
  sh: i32,
  sw: i32,
  top: i32,
  left: i32,
  outC: i32,
  chunk: i32,
): void {
  const taps = fh * fw * inC;
  const positions = batch * outH * outW;
  const mPad = ((taps + MR - 1) / MR) * MR;
  const nPad = ((outC + NR - 1) / NR) * NR;
  const pa = scratch;
  const pb = pa + <usize>(mPad * chunk) * 4;
  const partial = pb + <usize>(nPad * chunk) * 4;
  const size = taps * outC;
  if (positions == 0) memory.fill(dw, 0, <usize>size * 4);
  for (let p0 = 0; p0 < positions; p0 += chunk) {
    const count = min(chunk, positions - p0);
    packPatches(x, pa, p0, count, inH, inW, inC, outH, outW, fw, taps, sh, sw, top, left);
    packPanels(dy + <usize>(p0 * outC) * 4, pb, outC, count, NR, 1, outC);
    if (p0 == 0) {
      gemmPacked(pa, pb, dw, taps, outC, count);
      continue;
    }
    gemmPacked(pa, pb, partial, taps, outC, count);
    for (let i = 0; i < size; i++) {
      const at = dw + <usize>i * 4;
      store<f32>(at, load<f32>(at) + load<f32>(partial + <usize>i * 4));
    }
  }
}
