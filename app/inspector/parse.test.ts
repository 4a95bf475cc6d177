import { describe, expect, it } from 'vitest';
import { formatIntList, parseIntList, parseNumber, sameValue } from './parse';

describe('inspector parsing', () => {
  it.each([
    ['28, 28, 1', [28, 28, 1]],
    ['4', [4]],
    ['4,', [4]],
    [' 7 ,8 ', [7, 8]],
    ['-1, 4', [-1, 4]],
    ['', []],
  ])('reads %j as %j', (text, want) => {
    expect(parseIntList(text)).toEqual(want);
  });

  it.each(['2.5, 3', 'x', '3,,4', '1e3'])('marks a non-integer entry in %j as NaN', (text) => {
    expect(parseIntList(text).some(Number.isNaN)).toBe(true);
  });

  it('reads numbers, with blank as NaN', () => {
    expect(parseNumber(' 0.5 ')).toBe(0.5);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
  });

  it('formats tuples and compares values', () => {
    expect(formatIntList([28, 28, 1])).toBe('28, 28, 1');
    expect(formatIntList(null)).toBe('');
    expect(sameValue([1, 2], [1, 2])).toBe(true);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue(null, [1])).toBe(false);
  });
});
