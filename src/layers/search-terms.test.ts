import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './keras-values';
import { LAYER_KINDS, layerSpec } from './registry';
import { layerSearchTerms } from './search-terms';

describe('layer search terms', () => {
  it('come from the spec: keywords, category, every activation choice and the parameters', () => {
    const terms = layerSearchTerms(layerSpec('Dense'));
    const whys = terms.map((t) => t.why);
    expect(whys).toEqual(
      expect.arrayContaining(['keyword: fully connected', 'category: Core', 'parameter: units', 'parameter: kernel_l2 (kernel_regularizer)']),
    );
    expect(whys).toEqual(expect.arrayContaining(ACTIVATIONS.map((a) => `activation: ${a}`)));
    expect(layerSearchTerms(layerSpec('LSTM')).map((t) => t.why)).toEqual(expect.arrayContaining(['activation: tanh', 'recurrent_activation: sigmoid']));
  });

  it('give every layer kind at least a category, and a keyword to all but the activation layers, whose names say what they do', () => {
    const without = LAYER_KINDS.filter((kind) => (layerSpec(kind).keywords ?? []).length === 0);
    for (const kind of LAYER_KINDS) expect(layerSearchTerms(layerSpec(kind)).some((t) => t.why.startsWith('category: '))).toBe(true);
    expect(without).toEqual(['ReLU', 'LeakyReLU', 'PReLU', 'ELU', 'ThresholdedReLU']);
  });
});
