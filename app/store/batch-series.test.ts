import { describe, expect, it } from 'vitest';
import { EMPTY_BATCH_SERIES } from './training-slice';
import { appendBatchLosses } from './batch-series';

describe('appendBatchLosses', () => {
  it('smooths like TensorBoard: the first point is the loss, then 0.9 of the last plus 0.1 of the new', () => {
    const s = appendBatchLosses(EMPTY_BATCH_SERIES, [1, 0]);
    expect(s.points).toEqual([
      { step: 1, loss: 1, smoothed: 1 },
      { step: 2, loss: 0, smoothed: 0.9 },
    ]);
  });

  it('keeps at most max points, evenly spaced, and always ends at the latest batch', () => {
    const losses = Array.from({ length: 1000 }, (_, i) => 1 / (i + 1));
    const s = appendBatchLosses(EMPTY_BATCH_SERIES, losses, 50);
    expect(s.points.length).toBeLessThanOrEqual(50);
    expect(s.points.length).toBeGreaterThan(25);
    expect(s.points.at(-1)?.step).toBe(1000);
    const steps = s.points.slice(0, -1).map((p) => p.step);
    const gaps = new Set(steps.slice(1).map((step, i) => step - (steps[i] ?? 0)));
    expect([...gaps]).toEqual([s.stride]);
    expect(steps[0]).toBe(1);
  });

  it('gives the same curve whether losses arrive one at a time or all at once', () => {
    const losses = Array.from({ length: 300 }, (_, i) => Math.sin(i));
    let oneByOne = EMPTY_BATCH_SERIES;
    for (const loss of losses) oneByOne = appendBatchLosses(oneByOne, [loss], 40);
    expect(oneByOne).toEqual(appendBatchLosses(EMPTY_BATCH_SERIES, losses, 40));
  });

  it('smooths over every loss, including those it drops from the curve', () => {
    const losses = Array.from({ length: 200 }, (_, i) => i % 2);
    let expected = 0;
    losses.forEach((l, i) => (expected = i === 0 ? l : 0.9 * expected + 0.1 * l));
    expect(appendBatchLosses(EMPTY_BATCH_SERIES, losses, 16).points.at(-1)?.smoothed).toBeCloseTo(expected, 12);
  });
});
