import { describe, expect, it } from 'vitest';
import { axisScale, gridLines, thinRows } from './chart-series';

describe('thinRows', () => {
  it('leaves short series alone', () => {
    const rows = [1, 2, 3];
    expect(thinRows(rows, 5)).toBe(rows);
  });

  it('keeps every k-th row and the last', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => i);
    const thin = thinRows(rows, 100);
    expect(thin.length).toBeLessThanOrEqual(101);
    expect(thin[0]).toBe(0);
    expect(thin.at(-1)).toBe(1000);
  });
});

describe('axisScale', () => {
  it('rounds the range outwards and labels round values', () => {
    expect(axisScale([0.13, 0.87], 5)).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it('ignores NaN and Infinity, as a diverged run logs them', () => {
    expect(axisScale([NaN, 2, Infinity, 4], 2).domain).toEqual([2, 4]);
  });

  it('gives a range around a single value and a default range for no values', () => {
    const one = axisScale([0.5], 5);
    expect(one.domain[0]).toBeLessThan(0.5);
    expect(one.domain[1]).toBeGreaterThan(0.5);
    expect(axisScale([], 5)).toEqual({ domain: [0, 1], ticks: [0, 0.5, 1] });
  });

  it('labels only whole numbers on an epoch axis', () => {
    const s = axisScale([1, 3], 6, true);
    expect(s.domain).toEqual([1, 3]);
    expect(s.ticks.every(Number.isInteger)).toBe(true);
    expect(s.ticks).toContain(1);
  });
});

describe('gridLines', () => {
  it('places each tick along the axis, downwards or upwards', () => {
    const scale = { domain: [0, 10] as const, ticks: [0, 5, 10] };
    expect(gridLines(scale, 40, 200)).toEqual([40, 140, 240]);
    expect(gridLines(scale, 180, -160)).toEqual([180, 100, 20]);
  });

  it('puts every tick at the start of an axis with an empty range', () => {
    expect(gridLines({ domain: [3, 3], ticks: [3] }, 10, 100)).toEqual([10]);
  });
});
