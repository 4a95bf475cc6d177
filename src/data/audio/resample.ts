/**
 * Changing a clip's rate and length. Linear interpolation is crude next to a polyphase filter, but
 * numpy reproduces it exactly (`np.interp`), so the exported Keras script prepares the same clips.
 */

/**
 * The samples at rate `to`: round(n * to / from) of them, sample i read at input position
 * i * from / to by linear interpolation, the last input sample held past the end. The same as
 * `np.interp(np.arange(m) * from / to, np.arange(n), samples)`. An identical rate copies.
 */
export function resampleLinear(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return samples.slice();
  const n = samples.length;
  const out = new Float32Array(Math.round((n * to) / from));
  if (n === 0) return out;
  const last = samples[n - 1] as number;
  for (let i = 0; i < out.length; i++) {
    // Written as numpy computes it: (i * from) / to, then y[j] + (y[j+1] - y[j]) * (x - j).
    const x = (i * from) / to;
    const j = Math.floor(x);
    if (j >= n - 1) {
      out[i] = last;
      continue;
    }
    const a = samples[j] as number;
    const t = x - j;
    out[i] = t === 0 ? a : ((samples[j + 1] as number) - a) * t + a;
  }
  return out;
}

/** Exactly `length` samples: the end cut off, or zeros added after it. */
export function fitLength(samples: Float32Array, length: number): Float32Array {
  if (samples.length >= length) return samples.slice(0, length);
  const out = new Float32Array(length);
  out.set(samples);
  return out;
}
