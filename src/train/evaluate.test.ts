import { describe, expect, it } from 'vitest';
import { classificationReport, regressionReport } from './evaluate';

describe('evaluation', () => {
  it('builds the confusion matrix and per-class scores from one-hot targets', () => {
    const y = new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    const out = new Float32Array([0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.6, 0.3, 0.1, 0.1, 0.8]);
    const r = classificationReport(y, 3, out, 3, ['a', 'b', 'c']);
    expect(r.matrix).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(r.accuracy).toBe(0.75);
    expect(r.count).toBe(4);
    expect(r.classes[1]).toMatchObject({ name: 'b', precision: 0.5, recall: 1, support: 1 });
    expect(r.classes[2]?.f1).toBeCloseTo(2 / 3);
  });

  it('reads a sigmoid output and integer class ids', () => {
    const binary = classificationReport(new Float32Array([1, 0, 1]), 1, new Float32Array([0.9, 0.2, 0.3]), 1, ['no', 'yes']);
    expect(binary.matrix).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const sparse = classificationReport(new Float32Array([2, 0]), 1, new Float32Array([0, 0, 1, 1, 0, 0]), 3, ['a', 'b', 'c']);
    expect(sparse.accuracy).toBe(1);
  });

  it('reports regression errors and R²', () => {
    const r = regressionReport(new Float32Array([1, 2, 3, 4]), new Float32Array([1, 2, 3, 5]));
    expect(r.mae).toBe(0.25);
    expect(r.rmse).toBe(0.5);
    expect(r.r2).toBeCloseTo(1 - 1 / 5);
    expect(r.points).toHaveLength(4);
    expect(r.count).toBe(4);
  });

  it('counts every validation sample, also past the points the scatter shows', () => {
    const r = regressionReport(new Float32Array(1200), new Float32Array(1200), 500);
    expect(r.points.length).toBeLessThanOrEqual(500);
    expect(r.count).toBe(1200);
  });
});
