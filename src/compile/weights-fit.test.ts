import { describe, expect, it } from 'vitest';
import { seedExample } from '../analysis/templates';
import { weightsProblem } from './weights-fit';

const values = (n: number) => new Float32Array(n);
const seed = () => {
  const g = seedExample(4, 3);
  return {
    g,
    weights: [
      { name: 'dense_1/kernel', values: values(256) },
      { name: 'dense_1/bias', values: values(64) },
      { name: 'dense_2/kernel', values: values(192) },
      { name: 'dense_2/bias', values: values(3) },
    ],
  };
};

describe('weightsProblem', () => {
  it('accepts weights that fit the model layer by layer', () => {
    const { g, weights } = seed();
    expect(weightsProblem(g, weights)).toBeNull();
  });

  it('names the layer whose weights do not add up, and a weight of no layer', () => {
    const { g, weights } = seed();
    expect(weightsProblem(g, weights.slice(1))).toBe('layer "dense_1" has 64 weight values in the file but the model needs 320');
    expect(weightsProblem(g, [...weights, { name: 'ghost/kernel', values: values(1) }])).toBe('the weight "ghost/kernel" belongs to no layer of the model');
  });
});
