import { describe, expect, it } from 'vitest';
import { createKeyedCache } from './keyed-cache';

describe('createKeyedCache', () => {
  it('makes the value once while the key stands, and again when any part of it changes', async () => {
    const cache = createKeyedCache<number>();
    const a = {};
    let made = 0;
    const make = () => Promise.resolve(++made);
    expect(await cache.get([a, 1], make)).toBe(1);
    expect(await cache.get([a, 1], make)).toBe(1);
    expect(await cache.get([{}, 1], make)).toBe(2);
    expect(await cache.get([{}, 1, 2], make)).toBe(3);
  });

  it('does not keep a failure: the next call makes it again', async () => {
    const cache = createKeyedCache<number>();
    await expect(cache.get(['k'], () => Promise.reject(new Error('no data')))).rejects.toThrow('no data');
    expect(await cache.get(['k'], () => Promise.resolve(7))).toBe(7);
  });
});
