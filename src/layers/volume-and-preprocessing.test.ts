import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import type { Dim, ParamValue } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import { layerSpec } from './registry';

/** The diagnostics (code, severity, message) of one layer on one Input. */
function diagnose(kind: LayerKind, shape: readonly Dim[], params: Readonly<Record<string, ParamValue>>) {
  const b = new GraphBuilder();
  b.add(kind, params, b.input(shape));
  return analyze(b.graph).diagnostics.map((d) => [d.code, d.severity, d.message]);
}

describe('what the 3-D, ConvLSTM2D and preprocessing layers refuse or warn about', () => {
  it.each([
    [
      'Conv3D on an image',
      'Conv3D',
      [28, 28, 1],
      {},
      'wrong-rank',
      'error',
      'Conv3D needs a 5-D input (batch, depth, height, width, channels) but conv3d_1 gets 4-D (None, 28, 28, 1)',
    ],
    ['a pool larger than the volume', 'MaxPooling3D', [1, 8, 8, 2], {}, 'empty-output', 'error', 'the pool_size is larger than its input'],
    ['Conv3DTranspose, which TF.js cannot train', 'Conv3DTranspose', [4, 4, 4, 2], {}, 'cannot-train', 'warning', 'TF.js has no gradient for Conv3DTranspose'],
    ['a dilated Conv3D', 'Conv3D', [9, 9, 9, 1], { dilation_rate: [2, 2, 2] }, 'cannot-train', 'warning', 'dilation_rate above 1'],
    ['ConvLSTM2D on one image', 'ConvLSTM2D', [8, 8, 3], {}, 'wrong-rank', 'error', '(batch, time, rows, cols, channels)'],
    ['ConvLSTM2D on frames of unknown size', 'ConvLSTM2D', [null, null, 8, 3], {}, 'unknown-dim', 'error', 'needs known rows and cols'],
    [
      'a crop larger than the image',
      'CenterCrop',
      [20, 30, 3],
      { height: 24, width: 24 },
      'invalid-param',
      'error',
      'keeps a 24 x 24 window of a smaller image (None, 20, 30, 3)',
    ],
    ['multi_hot over a 3-D input', 'CategoryEncoding', [4, 2], {}, 'wrong-rank', 'error', 'CategoryEncoding with multi_hot needs a 2-D input (batch, ids)'],
    [
      'one_hot over an unknown number of ids',
      'CategoryEncoding',
      [null],
      { output_mode: 'one_hot' },
      'unknown-dim',
      'error',
      'needs a known number of ids per sample',
    ],
    ['Resizing a flat input', 'Resizing', [12], {}, 'wrong-rank', 'error', 'Resizing needs a 4-D input'],
  ] as const)('%s', (_label, kind, shape, params, code, severity, message) => {
    const [found] = diagnose(kind, shape, params);
    expect(found?.slice(0, 2)).toEqual([code, severity]);
    expect(found?.[2]).toContain(message);
  });

  it.each([
    ['ConvLSTM2D over clips of any length', 'ConvLSTM2D', [null, 8, 8, 3], { return_sequences: true }],
    ['a crop of an image of unknown size', 'CenterCrop', [null, null, 3], { height: 24, width: 24 }],
    ['one_hot of one id per sample', 'CategoryEncoding', [1], { output_mode: 'one_hot' }],
    ['count over any number of ids', 'CategoryEncoding', [null], { output_mode: 'count' }],
  ] as const)('accepts %s', (_label, kind, shape, params) => {
    expect(diagnose(kind, shape, params)).toEqual([]);
  });
});

describe('reading Resizing, CategoryEncoding and RandomWidth configs', () => {
  it('reads a Keras 3 Resizing and refuses the options Netloom does not compute', () => {
    // As Keras 3.15 writes it (get_config).
    const keras3 = {
      name: 'rs',
      height: 32,
      width: 48,
      interpolation: 'nearest',
      crop_to_aspect_ratio: true,
      pad_to_aspect_ratio: false,
      fill_mode: 'constant',
      fill_value: 0,
      antialias: false,
    };
    expect(layerSpec('Resizing').fromKeras(keras3)).toEqual({ height: 32, width: 48, interpolation: 'nearest', crop_to_aspect_ratio: true });
    expect(() => layerSpec('Resizing').fromKeras({ ...keras3, crop_to_aspect_ratio: false, pad_to_aspect_ratio: true })).toThrow('pad_to_aspect_ratio=True');
    expect(() => layerSpec('Resizing').fromKeras({ ...keras3, interpolation: 'bicubic' })).toThrow('interpolation="bicubic"');
  });

  const categoryEncoding = layerSpec('CategoryEncoding');
  const randomWidth = layerSpec('RandomWidth');

  it("reads Keras 3's and tfjs's spellings of output_mode", () => {
    // As Keras 3.15 writes it (get_config), and as tfjs writes it.
    expect(categoryEncoding.fromKeras({ name: 'ce', num_tokens: 4, output_mode: 'one_hot', sparse: false })).toEqual({ num_tokens: 4, output_mode: 'one_hot' });
    expect(categoryEncoding.fromKeras({ name: 'ce', num_tokens: 3, output_mode: 'multiHot' })).toEqual({ num_tokens: 3, output_mode: 'multi_hot' });
  });

  it('refuses what TF.js cannot compute', () => {
    expect(() => categoryEncoding.fromKeras({ name: 'ce', num_tokens: 4, output_mode: 'multi_hot', sparse: true })).toThrow('sparse=True');
    expect(() => categoryEncoding.fromKeras({ name: 'ce', num_tokens: 4, output_mode: 'tf_idf' })).toThrow('output_mode="tf_idf"');
  });

  it('reads a factor in either form, an uneven (lower, upper) pair too, and writes it back as Keras 2 did', () => {
    expect(randomWidth.fromKeras({ name: 'rw', factor: 0.2 })).toEqual({ factor: 0.2, factor_lower: null, interpolation: 'bilinear', seed: null });
    expect(randomWidth.fromKeras({ name: 'rw', factor: [-0.3, 0.3], interpolation: 'nearest', seed: 5 })).toEqual({
      factor: 0.3,
      factor_lower: null,
      interpolation: 'nearest',
      seed: 5,
    });
    const uneven = randomWidth.fromKeras({ name: 'rw', factor: [0.1, 0.3] });
    expect(uneven).toMatchObject({ factor: 0.3, factor_lower: 0.1 });
    expect(randomWidth.toKeras(uneven, 'rw')).toBe('RandomWidth((0.1, 0.3), name="rw")');
    expect(() => randomWidth.fromKeras({ name: 'rw', factor: [0.3, 0.1] })).toThrow('lower <= upper');
  });
});
