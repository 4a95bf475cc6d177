import { describe, expect, it } from 'vitest';
import { bool, choice, float, int, ints } from './params';
import { paramProblem } from './validate-params';

describe('paramProblem', () => {
  it.each([
    [int(1, '', { min: 1 }), 3, null],
    [int(1, '', { min: 1 }), 0, 'must be a whole number at least 1'],
    [int(1, '', { min: 1 }), 1.5, 'must be a whole number at least 1'],
    [float(0.5, '', { min: 0, max: 1, maxExclusive: true }), 1, 'must be a number between 0 and 1 (exclusive)'],
    [float(0.5, '', { min: 0, max: 1, maxExclusive: true }), 0.99, null],
    [float(0, '', { min: 0 }), Number.NaN, 'must be a number at least 0'],
    [bool(true, ''), 'yes', 'must be true or false'],
    [choice(['a', 'b'], 'a', ''), 'c', 'must be one of a, b'],
    [ints([3, 3], '', { length: 2, min: 1 }), [3], 'must be 2 whole numbers of at least 1'],
    [ints([3, 3], '', { length: 2, min: 1 }), [3, 0], 'must be 2 whole numbers of at least 1'],
    [ints([4], '', { minLength: 1, min: 1, allowMinusOne: true }), [-1, 4], null],
    [ints([4], '', { minLength: 1, min: 1 }), [], 'must be whole numbers of at least 1'],
    [ints<true>(null, '', { length: 2, nullable: true }), null, null],
    [ints([2, 2], '', { length: 2 }), null, 'must be set'],
  ])('%j with %j', (spec, value, expected) => {
    expect(paramProblem(spec, value)).toBe(expected);
  });
});
