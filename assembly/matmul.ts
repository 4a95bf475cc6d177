// Part of Netloom's own wasm kernels (assembly/netloom-kernels.ts is the entry): pure pointer code
// on tfjs-backend-wasm's own memory, every argument a byte offset into it.

/** Rows of A per register tile (and per packed panel of A). */
export const MR = 4;
/** Columns of B per register tile (and per packed panel of B). */
export const NR = 8;

/**
 * Packs a matrix side into panels of `width` lanes (rows of op(A), or columns of op(B)): panel p
 * holds, for each kk < k, the values of lanes p*width .. p*width+width-1 side by side (zeros past
 * `lanes`), element (lane, kk) being at src + (lane*laneStride + kk*kStride) floats.
 */
export function packPanels(src: usize, dst: usize, lanes: i32, k: i32, width: i32, laneStride: i32, kStride: i32): void {
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
export function gemmPacked(pa: usize, pb: usize, c: usize, m: i32, n: i32, k: i32): void {
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
