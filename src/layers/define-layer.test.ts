import { describe, expect, it } from 'vitest';
import { layerSpec } from './registry';

describe('reading a Keras config', () => {
  it.each([
    ['Dense', { name: 'd' }, 'layer "d" has no units, which a Keras Dense layer requires'],
    ['Conv2D', { name: 'c', kernel_size: [3, 3] }, 'layer "c" has no filters, which a Keras Conv2D layer requires'],
    ['Embedding', { name: 'e', input_dim: 100 }, 'layer "e" has no output_dim, which a Keras Embedding layer requires'],
    ['LSTM', { name: 'l', units: null }, 'layer "l" has no units, which a Keras LSTM layer requires'],
    ['Reshape', { name: 'r' }, 'layer "r" has no target_shape, which a Keras Reshape layer requires'],
  ] as const)('refuses a %s without an argument Keras has no default for', (kind, config, message) => {
    expect(() => layerSpec(kind).fromKeras(config)).toThrow(message);
  });

  it('takes Netloom defaults only for arguments Keras has defaults for', () => {
    expect(layerSpec('Dense').fromKeras({ name: 'd', units: 3 })).toMatchObject({ units: 3, activation: 'linear', use_bias: true });
    expect(layerSpec('MaxPooling2D').fromKeras({ name: 'p' })).toMatchObject({ pool_size: [2, 2] });
  });
});
