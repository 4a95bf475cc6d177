/**
 * A real FFT of a power-of-two length: the signal packed as a complex signal of half the length
 * (even samples real, odd imaginary), an iterative radix-2 FFT of that, then the two halves split
 * apart. Tables and buffers are made once per length and reused for every frame.
 */

/** Transforms `input` (length n, zero-padded beyond it) into `re`/`im` of n / 2 + 1 bins each. */
export type RealFft = (input: Float64Array, re: Float64Array, im: Float64Array) => void;

/** A real FFT of length `n` (a power of two, at least 4). */
export function createRealFft(n: number): RealFft {
  if (n < 4 || (n & (n - 1)) !== 0) throw new Error(`the FFT length must be a power of two of at least 4, not ${n}`);
  const m = n / 2;
  const bits = Math.log2(m);
  const reverse = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    reverse[i] = r;
  }
  // e^(-2 pi i k / n) for k < n / 2: the half-length FFT uses every other one, the split all of them.
  const cos = new Float64Array(m);
  const sin = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  // The twiddles of each stage from size 4 up, side by side, so a stage reads them in order.
  const stageCos = new Float64Array(m);
  const stageSin = new Float64Array(m);
  for (let size = 4, table = 0; size <= m; table += size / 2, size *= 2) {
    for (let k = 0; k < size / 2; k++) {
      stageCos[table + k] = cos[(k * n) / size] as number;
      stageSin[table + k] = sin[(k * n) / size] as number;
    }
  }
  const zr = new Float64Array(m);
  const zi = new Float64Array(m);

  return (input, re, im) => {
    for (let i = 0; i < m; i++) {
      const j = reverse[i] as number;
      zr[j] = input[2 * i] as number;
      zi[j] = input[2 * i + 1] as number;
    }
    // Size-2 butterflies need no twiddle.
    for (let a = 0; a < m; a += 2) {
      const ar = zr[a] as number;
      const ai = zi[a] as number;
      const br = zr[a + 1] as number;
      const bi = zi[a + 1] as number;
      zr[a] = ar + br;
      zi[a] = ai + bi;
      zr[a + 1] = ar - br;
      zi[a + 1] = ai - bi;
    }
    for (let size = 4, table = 0; size <= m; table += size / 2, size *= 2) {
      const half = size / 2;
      for (let start = 0; start < m; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = stageCos[table + k] as number;
          const wi = stageSin[table + k] as number;
          const a = start + k;
          const b = a + half;
          const br = zr[b] as number;
          const bi = zi[b] as number;
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          const ar = zr[a] as number;
          const ai = zi[a] as number;
          zr[b] = ar - tr;
          zi[b] = ai - ti;
          zr[a] = ar + tr;
          zi[a] = ai + ti;
        }
      }
    }
    // X[k] = E[k] + W^k O[k], E and O the spectra of the even and odd samples, read off Z.
    re[0] = (zr[0] as number) + (zi[0] as number);
    im[0] = 0;
    re[m] = (zr[0] as number) - (zi[0] as number);
    im[m] = 0;
    for (let k = 1; k < m; k++) {
      const pr = zr[k] as number;
      const pi = zi[k] as number;
      const qr = zr[m - k] as number;
      const qi = zi[m - k] as number;
      const er = (pr + qr) / 2;
      const ei = (pi - qi) / 2;
      const or = (pi + qi) / 2;
      const oi = (qr - pr) / 2;
      const wr = cos[k] as number;
      const wi = sin[k] as number;
      re[k] = er + wr * or - wi * oi;
      im[k] = ei + wr * oi + wi * or;
    }
  };
}
