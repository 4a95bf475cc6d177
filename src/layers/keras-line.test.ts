import { describe, expect, it } from 'vitest';
import type { ParamValue } from '../graph/types';
import type { LayerKind } from './layer-kinds';
import { defaultParams } from './params';
import { layerSpec } from './registry';

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
      { layer: 'GRU', units: 8, merge_mode: 'sum' },
      'bi',
      'layers.Bidirectional(layers.GRU(8, recurrent_activation="sigmoid", reset_after=False), merge_mode="sum", name="bi")',
    ],
    ['Concatenate', { axis: 1 }, 'cat', 'layers.Concatenate(axis=1, name="cat")'],
    ['Add', {}, 'add_1', 'layers.Add(name="add_1")'],
    ['LayerNormalization', { epsilon: 1 }, 'ln', 'layers.LayerNormalization(epsilon=1.0, name="ln")'],
  ] as const)('%s %j', (kind, params, name, expected) => {
    expect(line(kind, params, name)).toBe(expected);
  });
});
