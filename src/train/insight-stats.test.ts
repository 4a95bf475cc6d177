import { describe, expect, it } from 'vitest';
import { insightSchedule } from './insight-schedule';
import { EXPLODING_ABOVE, VANISHING_BELOW, gradientFlag, histogram, strideFor } from './insight-stats';

describe('histogram', () => {
  it('counts values into equal bins, the last one closed, leaving out non-finite values', () => {
    expect(histogram([0, 0.1, 0.5, 0.99, 1, NaN, Infinity], 0, 1, 4)).toEqual({ min: 0, max: 1, counts: [2, 0, 1, 2] });
  });
  it('puts every value in the first bin when all are equal', () => {
    expect(histogram([3, 3, 3], 3, 3, 5).counts).toEqual([3, 0, 0, 0, 0]);
  });
});

describe('gradientFlag', () => {
  it('flags a gradient under 1e-5 of its weights as vanishing and over 10 times them as exploding', () => {
    expect(VANISHING_BELOW).toBe(1e-5);
    expect(EXPLODING_ABOVE).toBe(10);
    expect(gradientFlag(0.9e-5, 1)).toBe('vanishing');
    expect(gradientFlag(1.1e-5, 1)).toBeUndefined();
    expect(gradientFlag(1, 1)).toBeUndefined();
    expect(gradientFlag(11, 1)).toBe('exploding');
    expect(gradientFlag(NaN, 1)).toBe('exploding');
    expect(gradientFlag(1, Infinity)).toBe('exploding');
  });
  it('judges weights of all zeros by the gradient alone', () => {
    expect(gradientFlag(0.5, 0)).toBeUndefined();
    expect(gradientFlag(0, 0)).toBe('vanishing');
  });
});

describe('strideFor', () => {
  it('keeps at most the cap', () => {
    expect(strideFor(100, 200)).toBe(1);
    expect(strideFor(4096, 2048)).toBe(2);
    expect(Math.ceil(5000 / strideFor(5000, 2048))).toBeLessThanOrEqual(2048);
  });
});

describe('insightSchedule', () => {
  const clockAt = () => {
    const c = { now: 0, clock: () => c.now };
    return c;
  };
  it('samples the first step, then at most every interval, and at every epoch end', () => {
    const c = clockAt();
    const s = insightSchedule(c.clock, 300, 1);
    expect(s.due(false)).toBe(true);
    c.now = 100;
    expect(s.due(false)).toBe(false);
    c.now = 299;
    expect(s.due(false)).toBe(false);
    c.now = 300;
    expect(s.due(false)).toBe(true);
    c.now = 310;
    expect(s.due(true)).toBe(true);
    c.now = 320;
    expect(s.due(false)).toBe(false);
  });
  it('samples nothing while sampling has taken more than its budget of the elapsed time', () => {
    const c = clockAt();
    const s = insightSchedule(c.clock, 300, 0.05);
    expect(s.due(false)).toBe(true);
    s.spent(100);
    c.now = 1000;
    // 100 ms of 1000: 10 % > 5 %, even at an epoch end.
    expect(s.due(true)).toBe(false);
    expect(s.due(false)).toBe(false);
    c.now = 2000;
    expect(s.due(false)).toBe(true);
    expect(s.total).toBe(100);
  });
});
