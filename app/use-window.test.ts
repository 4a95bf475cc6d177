import { describe, expect, it } from 'vitest';
import { windowRange } from './use-window';

describe('windowRange', () => {
  it.each([
    { name: 'the top', offset: 0, range: { start: 0, end: 16, before: 0, after: (2000 - 16) * 32 } },
    { name: 'the middle', offset: 32_000, range: { start: 994, end: 1016, before: 994 * 32, after: (2000 - 1016) * 32 } },
    { name: 'the end', offset: 2000 * 32 - 320, range: { start: 1984, end: 2000, before: 1984 * 32, after: 0 } },
    { name: 'past the end (a shrinking list)', offset: 999_999, range: { start: 2000, end: 2000, before: 64_000, after: 0 } },
  ])('covers the viewport and the overscan at $name', ({ offset, range }) => {
    expect(windowRange(2000, 32, offset, 320, 6)).toEqual(range);
  });

  it('keeps before + items + after equal to the whole list', () => {
    for (const offset of [0, 17, 500, 12_345, 63_999]) {
      const r = windowRange(2000, 32, offset, 600, 4);
      expect(r.before + (r.end - r.start) * 32 + r.after).toBe(2000 * 32);
    }
  });

  it('renders everything of a list shorter than the viewport', () => {
    expect(windowRange(5, 32, 0, 800, 6)).toEqual({ start: 0, end: 5, before: 0, after: 0 });
  });
});
