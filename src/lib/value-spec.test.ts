import { describe, expect, it } from 'vitest';
import { bool, choice, float, int, optionalFloat, scalarProblem } from './value-spec';

describe('scalarProblem', () => {
  it.each([
    [int(1, '', { min: 1 }), 1, null],
    [int(1, '', { min: 1 }), 0, 'must be a whole number at least 1'],
    [int(0, '', { max: 5 }), 6, 'must be a whole number at most 5'],
    [int(0, ''), 0.5, 'must be a whole number'],
    [float(0.1, '', { min: 0, minExclusive: true }), 0, 'must be a number greater than 0'],
    [float(0.1, '', { min: 0, minExclusive: true }), 1e-9, null],
    [float(0.5, '', { min: 0, minExclusive: true, max: 1, maxExclusive: true }), 1, 'must be a number greater than 0 and less than 1'],
    [float(0.5, '', { min: 0, minExclusive: true, max: 1 }), 1, null],
    [float(0.5, '', { max: 1, maxExclusive: true }), 1, 'must be a number less than 1'],
    [float(0.5, '', { min: 0, max: 1, maxExclusive: true }), 0, null],
    [float(0, ''), Number.POSITIVE_INFINITY, 'must be a number'],
    [float(0, ''), '1', 'must be a number'],
    [optionalFloat(null, '', { min: 0 }), null, null],
    [float(0, '', { min: 0 }), null, 'must be a number at least 0'],
    [bool(true, ''), 1, 'must be true or false'],
    [choice(['a', 'b'], 'a', ''), 'b', null],
    [choice(['a', 'b'], 'a', ''), undefined, 'must be one of a, b'],
  ])('%j with %j', (spec, value, expected) => {
    expect(scalarProblem(spec, value)).toBe(expected);
  });
});
