// Part of Netloom's own wasm kernels (assembly/netloom-kernels.ts is the entry): pure pointer code
// on tfjs-backend-wasm's own memory, every argument a byte offset into it.

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
