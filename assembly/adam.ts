// Part of Netloom's own wasm kernels (assembly/netloom-kernels.ts is the entry): pure pointer code
// on tfjs-backend-wasm's own memory, every argument a byte offset into it.

/**
 * One Adam step for one float32 variable of `n` values, in one SIMD pass: reads the variable `x`,
 * its moments `m` and `v` and its gradient `g`, writes the new ones to `xOut`, `mOut`, `vOut`.
 * `accBeta1`/`accBeta2` point at the optimizer's running beta powers (float32 scalars). The
 * arithmetic is tfjs's AdamOptimizer's, operation for operation and in float32, so the results
 * are the same to the last bit where the inputs are:
 *   m' = m * b1 + g * (1 - b1)
 *   v' = v * b2 + (g * g) * (1 - b2)
 *   x' = ((m' / (1 - accBeta1)) / (sqrt(v' / (1 - accBeta2)) + eps)) * -lr + x
 * The caller rounds `oneMinusBeta1` and the others from JavaScript doubles, as tfjs's scalars are.
 */
export function adamStep(
  x: usize,
  m: usize,
  v: usize,
  g: usize,
  accBeta1: usize,
  accBeta2: usize,
  xOut: usize,
  mOut: usize,
  vOut: usize,
  n: i32,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  negLr: f32,
  eps: f32,
): void {
  const correction1: f32 = 1 - load<f32>(accBeta1);
  const correction2: f32 = 1 - load<f32>(accBeta2);
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(oneMinusBeta2);
  const k1 = f32x4.splat(correction1);
  const k2 = f32x4.splat(correction2);
  const lr = f32x4.splat(negLr);
  const e = f32x4.splat(eps);
  const vectorN = n & ~3;
  for (let i = 0; i < vectorN; i += 4) {
    const at = <usize>i * 4;
    const gi = v128.load(g + at);
    const mi = f32x4.add(f32x4.mul(v128.load(m + at), b1), f32x4.mul(gi, c1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + at), b2), f32x4.mul(f32x4.mul(gi, gi), c2));
    const step = f32x4.div(f32x4.div(mi, k1), f32x4.add(f32x4.sqrt(f32x4.div(vi, k2)), e));
    v128.store(mOut + at, mi);
    v128.store(vOut + at, vi);
    v128.store(xOut + at, f32x4.add(f32x4.mul(step, lr), v128.load(x + at)));
  }
  for (let i = vectorN; i < n; i++) {
    const at = <usize>i * 4;
    const gi = load<f32>(g + at);
    const mi: f32 = load<f32>(m + at) * beta1 + gi * oneMinusBeta1;
    const vi: f32 = load<f32>(v + at) * beta2 + gi * gi * oneMinusBeta2;
    const step: f32 = mi / correction1 / (Mathf.sqrt(vi / correction2) + eps);
    store<f32>(mOut + at, mi);
    store<f32>(vOut + at, vi);
    store<f32>(xOut + at, step * negLr + load<f32>(x + at));
  }
}
