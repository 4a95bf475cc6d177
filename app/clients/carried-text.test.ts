import { describe, expect, it } from 'vitest';
import { carriedText } from './run-messages';

describe('what a run on another graph took from the current weights', () => {
  it('names the layers it took and those that start fresh, shortening long lists', () => {
    expect(carriedText({ layers: ['conv2d_1', 'conv2d_2'], fresh: ['head_dense'] })).toBe(
      'Going on from the current weights of 2 layers (conv2d_1, conv2d_2); 1 starts fresh (head_dense).',
    );
    expect(carriedText({ layers: ['a', 'b', 'c', 'd', 'e'], fresh: [] })).toBe('Going on from the current weights of 5 layers (a, b, c and 2 more).');
    expect(carriedText({ layers: [], fresh: ['x', 'y'] })).toBe('No layer matches the current weights by name and shape; 2 start fresh (x, y).');
  });
});
