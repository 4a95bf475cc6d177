import { describe, expect, it } from 'vitest';
import { circles, makeToy, spirals, xor } from './toy';
import type { Dataset } from './types';

/** Class id of each sample, from the one-hot rows. */
function labels(data: Dataset): number[] {
  const k = data.targetShape[0] ?? 0;
  return Array.from({ length: data.count }, (_, i) => {
    const row = Array.from(data.y.subarray(i * k, (i + 1) * k));
    expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    return row.indexOf(1);
  });
}

function points(data: Dataset): [number, number][] {
  return Array.from({ length: data.count }, (_, i) => [data.x[2 * i] ?? NaN, data.x[2 * i + 1] ?? NaN]);
}

const generators = [
  ['xor', (n: number, noise: number, seed: number) => xor(n, noise, seed), 2],
  ['circles', (n: number, noise: number, seed: number) => circles(n, noise, seed), 2],
  ['spirals', (n: number, noise: number, seed: number) => spirals(n, noise, seed), 2],
  ['spirals with 3 arms', (n: number, noise: number, seed: number) => spirals(n, noise, seed, 3), 3],
] as const;

describe.each(generators)('%s', (_name, make, classes) => {
  it('has the requested size and shapes', () => {
    const data = make(301, 0.1, 1);
    expect(data.count).toBe(301);
    expect(data.x.length).toBe(602);
    expect(data.y.length).toBe(301 * classes);
    expect(data.featureShape).toEqual([2]);
    expect(data.targetShape).toEqual([classes]);
    expect(data.task).toBe('classification');
    expect(data.classNames).toHaveLength(classes);
  });

  it('balances the classes within one sample', () => {
    const counts = new Array<number>(classes).fill(0);
    for (const c of labels(make(301, 0.1, 2))) counts[c] = (counts[c] ?? 0) + 1;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('repeats for the same seed and differs for another', () => {
    const a = make(100, 0.1, 5);
    expect(make(100, 0.1, 5)).toEqual(a);
    expect(Array.from(make(100, 0.1, 6).x)).not.toEqual(Array.from(a.x));
  });

  it('stays in [-1, 1] without noise, and near it with a little', () => {
    expect(
      points(make(500, 0, 3))
        .flat()
        .every((v) => Math.abs(v) <= 1),
    ).toBe(true);
    expect(
      points(make(500, 0.05, 3))
        .flat()
        .every((v) => Math.abs(v) <= 1.3),
    ).toBe(true);
  });

  it('rejects a bad size or noise', () => {
    expect(() => make(0, 0.1, 1)).toThrow('positive integer');
    expect(() => make(2.5, 0.1, 1)).toThrow('positive integer');
    expect(() => make(10, -1, 1)).toThrow('noise');
  });
});

describe('shapes of the classes (no noise)', () => {
  it('xor: class 0 where x and y share a sign, class 1 where they differ', () => {
    const data = xor(400, 0, 9);
    const ys = labels(data);
    points(data).forEach(([px, py], i) => {
      expect(Math.sign(px * py)).toBe(ys[i] === 0 ? 1 : -1);
      expect(Math.min(Math.abs(px), Math.abs(py))).toBeGreaterThanOrEqual(0.05);
    });
  });

  it('circles: inner radius <= 0.5, outer radius in [0.7, 1]', () => {
    const data = circles(400, 0, 9);
    const ys = labels(data);
    points(data).forEach(([px, py], i) => {
      const r = Math.hypot(px, py);
      if (ys[i] === 0) expect(r).toBeLessThanOrEqual(0.5 + 1e-6);
      else expect(r >= 0.7 - 1e-6 && r <= 1 + 1e-6).toBe(true);
    });
  });

  it('spirals: names one class per arm and rejects fewer than 2 arms', () => {
    expect(spirals(10, 0, 1, 3).classNames).toEqual(['arm 1', 'arm 2', 'arm 3']);
    expect(() => spirals(10, 0, 1, 1)).toThrow('2-8 arms');
  });
});

describe('makeToy', () => {
  it('dispatches by kind', () => {
    const params = { n: 50, noise: 0.1, seed: 4 };
    expect(makeToy('xor', params)).toEqual(xor(50, 0.1, 4));
    expect(makeToy('circles', params)).toEqual(circles(50, 0.1, 4));
    expect(makeToy('spirals', params)).toEqual(spirals(50, 0.1, 4));
  });
});
