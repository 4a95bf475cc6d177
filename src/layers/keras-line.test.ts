import { describe, expect, it } from 'vitest';
import type { ParamValue } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import { defaultParams } from './params';
import { LAYER_KINDS, layerSpec } from './registry';

const line = (kind: LayerKind, params: Readonly<Record<string, ParamValue>>, name: string) => {
  const spec = layerSpec(kind);
  return spec.toKeras({ ...defaultParams(spec.params), ...params }, name);
};

describe('Keras Python line per layer', () => {
  it.each([
    ['Input', { shape: [4] }, 'input_1', 'keras.Input(shape=(4,), name="input_1")'],
    ['Input', { shape: [28, 28, 1] }, 'image', 'keras.Input(shape=(28, 28, 1), name="image")'],
    ['Dense', { units: 64, activation: 'relu' }, 'dense_1', 'layers.Dense(64, activation="relu", name="dense_1")'],
    ['Dense', { units: 3, kernel_l2: 0.001 }, 'out', 'layers.Dense(3, kernel_regularizer=keras.regularizers.L2(0.001), name="out")'],
    ['Dense', { units: 2, kernel_l1: 0.01, kernel_l2: 0.1 }, 'd', 'layers.Dense(2, kernel_regularizer=keras.regularizers.L1L2(l1=0.01, l2=0.1), name="d")'],
    ['Conv2D', { filters: 32, padding: 'same', use_bias: false }, 'c', 'layers.Conv2D(32, (3, 3), padding="same", use_bias=False, name="c")'],
    ['Conv1D', { filters: 8, kernel_size: [5] }, 'c', 'layers.Conv1D(8, 5, name="c")'],
    ['Dropout', { rate: 0.5 }, 'd', 'layers.Dropout(0.5, name="d")'],
    ['ReLU', {}, 'r', 'layers.ReLU(name="r")'],
    ['ReLU', { max_value: 6, negative_slope: 0.1 }, 'r', 'layers.ReLU(max_value=6.0, negative_slope=0.1, name="r")'],
    ['LeakyReLU', { negative_slope: 0.2 }, 'lr', 'layers.LeakyReLU(negative_slope=0.2, name="lr")'],
    ['PReLU', { shared_axes: [1, 2] }, 'p', 'layers.PReLU(shared_axes=(1, 2), name="p")'],
    ['PReLU', { shared_axes: [1], alpha_l2: 0.01 }, 'p', 'layers.PReLU(shared_axes=(1,), alpha_regularizer=keras.regularizers.L2(0.01), name="p")'],
    ['ELU', { alpha: 0.5 }, 'e', 'layers.ELU(alpha=0.5, name="e")'],
    // Keras 3 has no ThresholdedReLU; ReLU(threshold=theta) computes the same.
    ['ThresholdedReLU', {}, 't', 'layers.ReLU(threshold=1.0, name="t")'],
    ['Softmax', { axis: 1 }, 's', 'layers.Softmax(axis=1, name="s")'],
    ['Reshape', { target_shape: [12] }, 'r', 'layers.Reshape((12,), name="r")'],
    ['MaxPooling2D', {}, 'p', 'layers.MaxPooling2D((2, 2), name="p")'],
    ['MaxPooling2D', { strides: [1, 1] }, 'p', 'layers.MaxPooling2D((2, 2), strides=(1, 1), name="p")'],
    ['BatchNormalization', { momentum: 0.9 }, 'bn', 'layers.BatchNormalization(momentum=0.9, name="bn")'],
    ['LSTM', { units: 32 }, 'lstm_1', 'layers.LSTM(32, recurrent_activation="sigmoid", name="lstm_1")'],
    ['GRU', { units: 16 }, 'gru_1', 'layers.GRU(16, recurrent_activation="sigmoid", reset_after=False, name="gru_1")'],
    // Keras 3's hard_sigmoid is not tfjs's, and it has no gelu_new: the script defines both.
    ['LSTM', { units: 4, recurrent_activation: 'hard_sigmoid' }, 'l', 'layers.LSTM(4, recurrent_activation=tfjs_hard_sigmoid, name="l")'],
    ['Dense', { units: 2, activation: 'gelu_new' }, 'd', 'layers.Dense(2, activation=gelu_new, name="d")'],
    ['Activation', { activation: 'hard_sigmoid' }, 'a', 'layers.Activation(tfjs_hard_sigmoid, name="a")'],
    [
      'Bidirectional',
      { layer: { kind: 'GRU', params: { ...defaultParams(layerSpec('GRU').params), units: 8 } }, merge_mode: 'sum' },
      'bi',
      'layers.Bidirectional(layers.GRU(8, recurrent_activation="sigmoid", reset_after=False), merge_mode="sum", name="bi")',
    ],
    [
      'RNN',
      { cell: [{ kind: 'LSTM', params: { ...defaultParams(layerSpec('LSTM').params), units: 32 } }], return_sequences: true },
      'rnn',
      'layers.RNN(layers.LSTMCell(32, recurrent_activation="sigmoid"), return_sequences=True, name="rnn")',
    ],
    [
      'RNN',
      {
        cell: [
          { kind: 'GRU', params: { ...defaultParams(layerSpec('GRU').params), units: 8 } },
          { kind: 'SimpleRNN', params: { ...defaultParams(layerSpec('SimpleRNN').params), units: 4, dropout: 0.5 } },
        ],
        go_backwards: true,
      },
      'rnn',
      'layers.RNN([layers.GRUCell(8, recurrent_activation="sigmoid", reset_after=False), layers.SimpleRNNCell(4, dropout=0.5)], go_backwards=True, name="rnn")',
    ],
    ['Concatenate', { axis: 1 }, 'cat', 'layers.Concatenate(axis=1, name="cat")'],
    ['Add', {}, 'add_1', 'layers.Add(name="add_1")'],
    [
      'TimeDistributed',
      { layer: { kind: 'Dense', params: { ...defaultParams(layerSpec('Dense').params), units: 8, activation: 'relu' } } },
      'td',
      'layers.TimeDistributed(layers.Dense(8, activation="relu"), name="td")',
    ],
    [
      'ZeroPadding2D',
      {
        padding: [
          [0, 1],
          [0, 1],
        ],
      },
      'pad',
      'layers.ZeroPadding2D(((0, 1), (0, 1)), name="pad")',
    ],
    ['LayerNormalization', { epsilon: 1 }, 'ln', 'layers.LayerNormalization(epsilon=1.0, name="ln")'],
    ['RepeatVector', { n: 4 }, 'rv', 'layers.RepeatVector(4, name="rv")'],
    ['Permute', { dims: [2, 1] }, 'p', 'layers.Permute((2, 1), name="p")'],
    ['Permute', { dims: [1] }, 'p', 'layers.Permute((1,), name="p")'],
    [
      'Cropping2D',
      {
        cropping: [
          [1, 0],
          [2, 2],
        ],
      },
      'c',
      'layers.Cropping2D(((1, 0), (2, 2)), name="c")',
    ],
    ['ZeroPadding1D', {}, 'z', 'layers.ZeroPadding1D(1, name="z")'],
    ['ZeroPadding1D', { padding: [[2, 0]] }, 'z', 'layers.ZeroPadding1D((2, 0), name="z")'],
    ['Masking', {}, 'm', 'layers.Masking(name="m")'],
    ['Masking', { mask_value: -1 }, 'm', 'layers.Masking(mask_value=-1.0, name="m")'],
    ['SpatialDropout1D', { rate: 0.2 }, 'sd', 'layers.SpatialDropout1D(0.2, name="sd")'],
    ['GaussianNoise', { stddev: 1 }, 'gn', 'layers.GaussianNoise(1.0, name="gn")'],
    ['GaussianDropout', {}, 'gd', 'layers.GaussianDropout(0.5, name="gd")'],
    ['AlphaDropout', { rate: 0.1 }, 'ad', 'layers.AlphaDropout(0.1, name="ad")'],
    ['Maximum', {}, 'mx', 'layers.Maximum(name="mx")'],
    ['Dot', {}, 'd', 'layers.Dot(-1, name="d")'],
    ['Dot', { axes: [1, 2], normalize: true }, 'd', 'layers.Dot((1, 2), normalize=True, name="d")'],
    ['Conv3D', { filters: 8, strides: [1, 2, 2] }, 'c3', 'layers.Conv3D(8, (3, 3, 3), strides=(1, 2, 2), name="c3")'],
    ['Conv3DTranspose', { filters: 4, padding: 'same' }, 't3', 'layers.Conv3DTranspose(4, (3, 3, 3), padding="same", name="t3")'],
    ['ConvLSTM2D', { filters: 4 }, 'cl', 'layers.ConvLSTM2D(4, (3, 3), recurrent_activation="sigmoid", name="cl")'],
    ['AveragePooling3D', {}, 'p3', 'layers.AveragePooling3D((2, 2, 2), name="p3")'],
    ['Rescaling', { scale: 1 / 127.5, offset: -1 }, 'r', 'layers.Rescaling(0.00784313725490196, offset=-1.0, name="r")'],
    ['Resizing', { height: 64, width: 48, crop_to_aspect_ratio: true }, 'rs', 'layers.Resizing(64, 48, crop_to_aspect_ratio=True, name="rs")'],
    ['CenterCrop', { height: 32, width: 24 }, 'cc', 'layers.CenterCrop(32, 24, name="cc")'],
    ['CategoryEncoding', { num_tokens: 4, output_mode: 'one_hot' }, 'ce', 'layers.CategoryEncoding(4, output_mode="one_hot", name="ce")'],
  ] as const)('%s %j', (kind, params, name, expected) => {
    expect(line(kind, params, name)).toBe(expected);
  });
});

describe('a wrapped layer (name null) has no name of its own', () => {
  // TimeDistributed and Bidirectional write their inner layer with name null; `name=null` is no Python.
  it.each(LAYER_KINDS)('%s', (kind) => {
    const spec = layerSpec(kind);
    expect(spec.toKeras(defaultParams(spec.params), null)).not.toMatch(/name=/);
  });
});
