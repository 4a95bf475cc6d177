// Netloom's own wasm kernels (AssemblyScript, SIMD). The module imports tfjs-backend-wasm's own
// memory and works on its tensors in place: every argument is a byte offset into that memory.
// Pure pointer code: no allocation, no strings, no data segment and no stack, so nothing of this
// module ever writes outside the buffers it is handed. Rebuild with scripts/build-wasm-kernels.mjs.

/** Rows of A per register tile (and per packed panel of A). */
const MR = 4;
/** Columns of B per register tile (and per packed panel of B). */
const NR = 8;

/**
 * Packs a matrix side into panels of `width` lanes (rows of op(A), or columns of op(B)): panel p
 * holds, for each kk < k, the values of lanes p*width .. p*width+width-1 side by side (zeros past
 * `lanes`), element (lane, kk) being at src + (lane*laneStride + kk*kStride) floats.
 */
function packPanels(src: usize, dst: usize, lanes: i32, k: i32, width: i32, laneStride: i32, kStride: i32): void {
  for (let l0 = 0; l0 < lanes; l0 += width) {
    const count = min(width, lanes - l0);
    let out = dst + <usize>(l0 * k) * 4;
    for (let kk = 0; kk < k; kk++) {
      const from = src + <usize>(l0 * laneStride + kk * kStride) * 4;
      if (laneStride == 1 && count == width) {
        // Contiguous lanes: copy four at a time.
        for (let l = 0; l < width; l += 4) v128.store(out + <usize>l * 4, v128.load(from + <usize>l * 4));
      } else {
        for (let l = 0; l < width; l++) store<f32>(out + <usize>l * 4, l < count ? load<f32>(from + <usize>(l * laneStride) * 4) : 0);
      }
      out += <usize>width * 4;
    }
  }
}

/** Stores the first `count` (at most 4) lanes of `v` (lane indices must be constants). */
@inline
function storeLanes(dst: usize, v: v128, count: i32): void {
  if (count > 0) store<f32>(dst, f32x4.extract_lane(v, 0));
  if (count > 1) store<f32>(dst, f32x4.extract_lane(v, 1), 4);
  if (count > 2) store<f32>(dst, f32x4.extract_lane(v, 2), 8);
  if (count > 3) store<f32>(dst, f32x4.extract_lane(v, 3), 12);
}

/** Stores the first `cols` (< NR) values of one tile row. */
@inline
function storePartial(dst: usize, lo: v128, hi: v128, cols: i32): void {
  storeLanes(dst, lo, min(cols, 4));
  if (cols > 4) storeLanes(dst + 16, hi, cols - 4);
}

/** C (m x n, row-major) = packed A times packed B, tile by tile: MR x NR accumulators in registers. */
function gemmPacked(pa: usize, pb: usize, c: usize, m: i32, n: i32, k: i32): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    const bPanel = pb + <usize>(j0 * k) * 4;
    const cols = min(NR, n - j0);
    for (let i0 = 0; i0 < m; i0 += MR) {
      let a = pa + <usize>(i0 * k) * 4;
      let b = bPanel;
      let c00 = f32x4.splat(0);
      let c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0);
      let c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0);
      let c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0);
      let c31 = f32x4.splat(0);
      for (let kk = 0; kk < k; kk++) {
        const b0 = v128.load(b);
        const b1 = v128.load(b, 16);
        let s = v128.load32_splat(a);
        c00 = f32x4.add(c00, f32x4.mul(s, b0));
        c01 = f32x4.add(c01, f32x4.mul(s, b1));
        s = v128.load32_splat(a, 4);
        c10 = f32x4.add(c10, f32x4.mul(s, b0));
        c11 = f32x4.add(c11, f32x4.mul(s, b1));
        s = v128.load32_splat(a, 8);
        c20 = f32x4.add(c20, f32x4.mul(s, b0));
        c21 = f32x4.add(c21, f32x4.mul(s, b1));
        s = v128.load32_splat(a, 12);
        c30 = f32x4.add(c30, f32x4.mul(s, b0));
        c31 = f32x4.add(c31, f32x4.mul(s, b1));
        a += MR * 4;
        b += NR * 4;
      }
      const rows = min(MR, m - i0);
      const row0 = c + <usize>(i0 * n + j0) * 4;
      const stride = <usize>n * 4;
      if (cols == NR) {
        v128.store(row0, c00);
        v128.store(row0, c01, 16);
        if (rows > 1) {
          v128.store(row0 + stride, c10);
          v128.store(row0 + stride, c11, 16);
        }
        if (rows > 2) {
          v128.store(row0 + 2 * stride, c20);
          v128.store(row0 + 2 * stride, c21, 16);
        }
        if (rows > 3) {
          v128.store(row0 + 3 * stride, c30);
          v128.store(row0 + 3 * stride, c31, 16);
        }
      } else {
        storePartial(row0, c00, c01, cols);
        if (rows > 1) storePartial(row0 + stride, c10, c11, cols);
        if (rows > 2) storePartial(row0 + 2 * stride, c20, c21, cols);
        if (rows > 3) storePartial(row0 + 3 * stride, c30, c31, cols);
      }
    }
  }
}

/** Floats `matmul` needs at `scratch` for one batch's packed A and B. */
export function matmulScratchFloats(m: i32, n: i32, k: i32): i32 {
  const mPad = ((m + MR - 1) / MR) * MR;
  const nPad = ((n + NR - 1) / NR) * NR;
  return (mPad + nPad) * k;
}

/**
 * Batched C[b] = op(A[b]) op(B[b]) (m x k times k x n, row-major, float32). `strideA` and
 * `strideB` are the floats between batches (0 broadcasts one matrix over all batches). `scratch`
 * holds `matmulScratchFloats(m, n, k)` floats, reused by every batch.
 */
export function matmul(
  a: usize,
  b: usize,
  c: usize,
  scratch: usize,
  batch: i32,
  strideA: i32,
  strideB: i32,
  m: i32,
  n: i32,
  k: i32,
  transA: bool,
  transB: bool,
): void {
  const mPad = ((m + MR - 1) / MR) * MR;
  const pa = scratch;
  const pb = scratch + <usize>(mPad * k) * 4;
  for (let i = 0; i < batch; i++) {
    // A broadcast matrix is packed once.
    // op(A)[i][kk] is A[kk][i] when transposed; op(B)[kk][j] is B[j][kk].
    if (i == 0 || strideA != 0) packPanels(a + <usize>(i * strideA) * 4, pa, m, k, MR, transA ? 1 : k, transA ? m : 1);
    if (i == 0 || strideB != 0) packPanels(b + <usize>(i * strideB) * 4, pb, n, k, NR, transB ? k : 1, transB ? 1 : n);
    gemmPacked(pa, pb, c + <usize>(i * m * n) * 4, m, n, k);
  }
}

/**
 * The gradient of a 2D max pool (NHWC, float32): dx is zeroed, then each dy value is added at its
 * window's first strict maximum in row-major window order (as tfjs's cpu backend picks it); a
 * window with no value above -Infinity passes nothing. `padTop`/`padLeft` may be 0.
 */
export function maxPoolGrad(
  x: usize,
  dy: usize,
  dx: usize,
  batch: i32,
  inH: i32,
  inW: i32,
  channels: i32,
  outH: i32,
  outW: i32,
  filterH: i32,
  filterW: i32,
  strideH: i32,
  strideW: i32,
  padTop: i32,
  padLeft: i32,
): void {
  memory.fill(dx, 0, <usize>(batch * inH * inW * channels) * 4);
  for (let bi = 0; bi < batch; bi++) {
    const xBatch = x + <usize>(bi * inH * inW * channels) * 4;
    const dxBatch = dx + <usize>(bi * inH * inW * channels) * 4;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      const yStart = max(0, y0);
      const yEnd = min(inH, y0 + filterH);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * strideW - padLeft;
        const xStart = max(0, x0);
        const xEnd = min(inW, x0 + filterW);
        const dyRow = dy + <usize>(((bi * outH + oy) * outW + ox) * channels) * 4;
        // Four channels at a time: lane-wise first strict maximum and where it is.
        const vectorChannels = channels & ~3;
        for (let ch = 0; ch < vectorChannels; ch += 4) {
          let best = f32x4.splat(-Infinity);
          let at = i32x4.splat(-1);
          for (let yy = yStart; yy < yEnd; yy++) {
            for (let xx = xStart; xx < xEnd; xx++) {
              const offset = (yy * inW + xx) * channels + ch;
              const value = v128.load(xBatch + <usize>offset * 4);
              const above = f32x4.gt(value, best);
              best = v128.bitselect(value, best, above);
              at = v128.bitselect(i32x4.add(i32x4.splat(offset), i32x4(0, 1, 2, 3)), at, above);
            }
          }
          const grad = v128.load(dyRow + <usize>ch * 4);
          addAt(dxBatch, i32x4.extract_lane(at, 0), f32x4.extract_lane(grad, 0));
          addAt(dxBatch, i32x4.extract_lane(at, 1), f32x4.extract_lane(grad, 1));
          addAt(dxBatch, i32x4.extract_lane(at, 2), f32x4.extract_lane(grad, 2));
          addAt(dxBatch, i32x4.extract_lane(at, 3), f32x4.extract_lane(grad, 3));
        }
        for (let ch = vectorChannels; ch < channels; ch++) {
          let best: f32 = -Infinity;
          let at: i32 = -1;
          for (let yy = yStart; yy < yEnd; yy++) {
            for (let xx = xStart; xx < xEnd; xx++) {
              const offset = (yy * inW + xx) * channels + ch;
              const value = load<f32>(xBatch + <usize>offset * 4);
              if (value > best) {
                best = value;
                at = offset;
              }
            }
          }
          addAt(dxBatch, at, load<f32>(dyRow + <usize>ch * 4));
        }
      }
    }
  }
}

/** dx[at] += value, unless `at` is -1 (a window with nothing above -Infinity). */
@inline
function addAt(dx: usize, at: i32, value: f32): void {
  if (at < 0) return;
  const target = dx + <usize>at * 4;
  store<f32>(target, load<f32>(target) + value);
}

/** Rows summed in float32 before each partial sum is added in float64 (bounds float32's drift). */
const SUM_BLOCK = 256;

/**
 * out[j] = sum over the rows of x[row][j] (x: rows x cols, row-major): the bias gradient of a
 * Dense or Conv layer. Blocks of SUM_BLOCK rows are summed with SIMD in float32, the blocks in
 * float64 in `scratch` (cols float64s), so a long batch does not lose precision.
 */
export function columnSum(x: usize, out: usize, scratch: usize, rows: i32, cols: i32): void {
  memory.fill(scratch, 0, <usize>cols * 8);
  const vectorCols = cols & ~3;
  for (let r0 = 0; r0 < rows; r0 += SUM_BLOCK) {
    const r1 = min(rows, r0 + SUM_BLOCK);
    for (let j = 0; j < vectorCols; j += 4) {
      let acc = f32x4.splat(0);
      let p = x + <usize>(r0 * cols + j) * 4;
      for (let r = r0; r < r1; r++) {
        acc = f32x4.add(acc, v128.load(p));
        p += <usize>cols * 4;
      }
      const total = scratch + <usize>j * 8;
      v128.store(total, f64x2.add(v128.load(total), f64x2.promote_low_f32x4(acc)));
      const high = v128.shuffle<f32>(acc, acc, 2, 3, 2, 3);
      v128.store(total, f64x2.add(v128.load(total, 16), f64x2.promote_low_f32x4(high)), 16);
    }
    for (let j = vectorCols; j < cols; j++) {
      let acc: f32 = 0;
      for (let r = r0; r < r1; r++) acc += load<f32>(x + <usize>(r * cols + j) * 4);
      const total = scratch + <usize>j * 8;
      store<f64>(total, load<f64>(total) + <f64>acc);
    }
  }
  for (let j = 0; j < cols; j++) store<f32>(out + <usize>j * 4, <f32>load<f64>(scratch + <usize>j * 8));
}

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
