import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32, shuffleInPlace } from './random';

describe('mulberry32', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(seqA);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(seqA);
    expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = seqA.reduce((s, v) => s + v, 0) / seqA.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('gaussian', () => {
  it('has mean about 0 and standard deviation about 1', () => {
    const rng = mulberry32(7);
    const xs = Array.from({ length: 20000 }, () => gaussian(rng));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expect(xs.every(Number.isFinite)).toBe(true);
  });
});

describe('shuffleInPlace', () => {
  it('permutes the items, the same way for the same seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffleInPlace([...items], mulberry32(3));
    expect(shuffleInPlace([...items], mulberry32(3))).toEqual(once);
    expect(once).not.toEqual(items);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
  });
});
