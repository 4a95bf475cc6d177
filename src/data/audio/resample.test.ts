import { describe, expect, it } from 'vitest';
import { fitLength, resampleLinear } from './resample';

describe('resampleLinear', () => {
  it('copies at the same rate', () => {
    const x = Float32Array.of(1, 2, 3);
    const y = resampleLinear(x, 8000, 8000);
    expect(Array.from(y)).toEqual([1, 2, 3]);
    expect(y).not.toBe(x);
  });

  it('interpolates linearly when upsampling, holding the last sample', () => {
    expect(Array.from(resampleLinear(Float32Array.of(0, 1, 0), 8000, 16000))).toEqual([0, 0.5, 1, 0.5, 0, 0]);
  });

  it('reads every other sample when halving the rate, round(n * to / from) samples', () => {
    expect(Array.from(resampleLinear(Float32Array.of(0, 1, 2, 3, 4), 16000, 8000))).toEqual([0, 2, 4]);
    expect(resampleLinear(new Float32Array(44100), 44100, 16000).length).toBe(16000);
    expect(resampleLinear(new Float32Array(1001), 44100, 16000).length).toBe(Math.round((1001 * 16000) / 44100));
  });

  it('reads position i * from / to for odd ratios', () => {
    const x = Float32Array.from({ length: 50 }, (_, i) => i * i);
    const y = resampleLinear(x, 44100, 16000);
    const at = (p: number) => {
      const j = Math.floor(p);
      return j >= 49 ? 49 * 49 : j * j + ((j + 1) * (j + 1) - j * j) * (p - j);
    };
    y.forEach((v, i) => expect(v).toBe(Math.fround(at((i * 44100) / 16000))));
  });

  it('keeps an empty clip empty', () => {
    expect(resampleLinear(new Float32Array(0), 44100, 16000).length).toBe(0);
  });
});

describe('fitLength', () => {
  it('cuts the end or pads it with zeros', () => {
    expect(Array.from(fitLength(Float32Array.of(1, 2, 3), 2))).toEqual([1, 2]);
    expect(Array.from(fitLength(Float32Array.of(1, 2), 4))).toEqual([1, 2, 0, 0]);
    expect(Array.from(fitLength(Float32Array.of(1, 2), 2))).toEqual([1, 2]);
  });
});
