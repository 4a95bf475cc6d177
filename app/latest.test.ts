import { describe, expect, it } from 'vitest';
import { createLatest } from './latest';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createLatest', () => {
  it('keeps only the newest task current', () => {
    const latest = createLatest();
    const first = latest.begin();
    expect(first()).toBe(true);
    const second = latest.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    latest.invalidate();
    expect(second()).toBe(false);
  });

  it('settles once the newest tracked task ends, even one tracked while it waits', async () => {
    const latest = createLatest();
    let endFirst = () => {};
    let endSecond = () => {};
    void latest.track(new Promise<void>((r) => (endFirst = r)));
    let settled = false;
    void latest.settled().then(() => (settled = true));
    void latest.track(new Promise<void>((r) => (endSecond = r)));
    endFirst();
    await tick();
    expect(settled).toBe(false);
    endSecond();
    await tick();
    expect(settled).toBe(true);
  });

  it('settles after a failed task too, and hands the failure to its caller', async () => {
    const latest = createLatest();
    const failed = latest.track(Promise.reject(new Error('bad plan')));
    await expect(failed).rejects.toThrow('bad plan');
    await expect(latest.settled()).resolves.toBeUndefined();
  });
});
