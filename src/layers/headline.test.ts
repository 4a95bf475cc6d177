import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../graph/layer-kinds';
import { defaultParams } from './params';
import { layerSpec } from './registry';
import { headlineArgs, headlineText } from './headline';

const text = (kind: Parameters<typeof layerSpec>[0], params: Record<string, unknown> = {}) => {
  const spec = layerSpec(kind);
  return headlineText(spec, { ...defaultParams(spec.params), ...params } as never);
};

describe('headlineText', () => {
  it('shows a Dense layer’s units and activation', () => {
    expect(text('Dense', { units: 64, activation: 'relu' })).toBe('64 · relu');
    expect(text('Dense')).toBe('64 · linear');
  });

  it('shows a convolution’s filters, kernel as 3×3 and activation', () => {
    expect(text('Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' })).toBe('32 · 3×3 · relu');
    expect(text('MaxPooling2D', { pool_size: [2, 2] })).toBe('2×2');
    expect(text('Conv1D', { filters: 8, kernel_size: [5] })).toBe('8 · 5 · linear');
  });

  it('takes the parameters Keras requires when none are positional', () => {
    expect(text('MultiHeadAttention', { num_heads: 4, key_dim: 32 })).toBe('4 · 32');
  });

  it('rounds real numbers and writes variable tuples as Python does', () => {
    expect(text('Rescaling', { scale: 1 / 255 })).toBe('0.003922');
    expect(text('Dropout', { rate: 0.5 })).toBe('0.5');
    expect(text('Permute', { dims: [2, 1] })).toBe('(2, 1)');
    expect(text('Dot', { axes: [-1, 1] })).toBe('(-1, 1)');
  });

  it('shows symmetric padding as 1×1 and lopsided padding in full', () => {
    expect(
      text('ZeroPadding2D', {
        padding: [
          [1, 1],
          [2, 2],
        ],
      }),
    ).toBe('1×2');
    expect(
      text('ZeroPadding2D', {
        padding: [
          [0, 1],
          [0, 1],
        ],
      }),
    ).toBe('((0, 1), (0, 1))');
  });

  it('leaves out what the card shows elsewhere: Input’s and Reshape’s shapes, wrapped layers', () => {
    expect(text('Input')).toBe('');
    expect(text('Reshape', { target_shape: [7, 7, 64] })).toBe('');
    expect(text('TimeDistributed')).toBe('');
  });

  it('names the keys for a tooltip', () => {
    const spec = layerSpec('Dense');
    expect(headlineArgs(spec, { ...defaultParams(spec.params), units: 10, activation: 'softmax' })).toBe('units=10, activation=softmax');
  });

  it('gives every kind a headline made of its own parameters', () => {
    for (const kind of LAYER_KINDS) {
      const spec = layerSpec(kind);
      for (const key of spec.headline ?? []) expect(Object.keys(spec.params), `${kind}.${key}`).toContain(key);
      expect(() => text(kind)).not.toThrow();
    }
  });
});
