import { describe, expect, it } from 'vitest';
import { weightsStateText, type ModelWeights } from './model-weights';

const held = (source: ModelWeights['source'], epochs?: number): ModelWeights => ({
  key: 'k',
  weights: [],
  source,
  ...(epochs === undefined ? {} : { epochs }),
});

describe('what the Train tab says about the current weights', () => {
  it('says how many epochs trained them when that is known', () => {
    expect(weightsStateText(held('trained', 2))).toBe('Current weights: trained for 2 epochs');
    expect(weightsStateText(held('imported', 1))).toBe('Current weights: trained for 1 epoch');
    expect(weightsStateText(held('imported', 0))).toBe('Current weights: untrained');
  });

  it('claims no number it does not know (a model.json, an older project file)', () => {
    expect(weightsStateText(held('imported'))).toBe('Current weights: loaded, epochs unknown');
    expect(weightsStateText(held('trained'))).toBe('Current weights: trained, epochs unknown');
  });
});
