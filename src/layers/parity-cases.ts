import type { Dim, ParamValue } from '../graph/types';
import type { LayerKind } from './layer-kinds';

/**
 * Params tfjs 4.22 leaves out of a layer's saved config (SeparableConv2D's getConfig forgets
 * depth_multiplier). The model.json export must write them back; the parity test does the same.
 */
export const TFJS_SERIALISATION_GAPS: Partial<Record<LayerKind, readonly string[]>> = {
  SeparableConv2D: ['depth_multiplier'],
};

/**
 * One parity row: a layer kind with params, fed by Inputs of these sample shapes (no batch axis;
 * `null` is a size unknown until run time, as in `(None, None, 3)`).
 */
export interface ParityCase {
  readonly kind: LayerKind;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly inputs: readonly (readonly Dim[])[];
}

const c = (kind: LayerKind, inputs: readonly (readonly Dim[])[], params: Readonly<Record<string, ParamValue>> = {}): ParityCase => ({
  kind,
  params,
  inputs,
});

/**
 * The parity table: every layer kind over a spread of params and input shapes. Each row must give
 * the same output shape, weight counts and Keras config round trip as tfjs itself.
 */
export const PARITY_CASES: readonly ParityCase[] = [
  c('Dense', [[4]], { units: 64, activation: 'relu' }),
  c('Dense', [[7]], { units: 3, activation: 'softmax', use_bias: false }),
  c('Dense', [[10, 6]], { units: 5, kernel_initializer: 'he_normal', kernel_l2: 0.001 }),
  c('Dense', [[2]], { units: 1, activation: 'hard_sigmoid', kernel_l1: 0.01, kernel_l2: 0.02 }),
  c('Activation', [[5]], { activation: 'gelu' }),
  c('Activation', [[3, 4]], { activation: 'swish' }),
  c('Dropout', [[8]], { rate: 0.25 }),
  c('Flatten', [[7, 7, 64]]),
  c('Flatten', [[3, 4]]),
  c('Reshape', [[784]], { target_shape: [28, 28, 1] }),
  c('Reshape', [[24]], { target_shape: [-1, 4] }),
  c('Embedding', [[20]], { input_dim: 500, output_dim: 16 }),
  c('Embedding', [[10]], { input_dim: 50, output_dim: 8, mask_zero: true }),
  c('Conv1D', [[100, 8]], { filters: 16, kernel_size: [5], strides: [2] }),
  c('Conv1D', [[50, 3]], { filters: 4, kernel_size: [3], padding: 'same', dilation_rate: [2], activation: 'relu' }),
  c('Conv2D', [[28, 28, 1]], { filters: 32, kernel_size: [3, 3], activation: 'relu' }),
  c('Conv2D', [[32, 32, 3]], { filters: 16, kernel_size: [5, 3], strides: [2, 2], padding: 'same', use_bias: false }),
  c('Conv2D', [[15, 15, 4]], { filters: 8, kernel_size: [3, 3], dilation_rate: [2, 2], kernel_l2: 0.0005 }),
  c('Conv3D', [[8, 8, 8, 1]], { filters: 4, kernel_size: [3, 3, 3], activation: 'relu' }),
  c('Conv3D', [[null, null, null, 2]], { filters: 3, kernel_size: [2, 3, 1], strides: [2, 2, 1], padding: 'same', use_bias: false }),
  c('Conv3D', [[6, 10, 10, 3]], { filters: 2, kernel_size: [1, 3, 3], strides: [1, 2, 2], kernel_initializer: 'he_normal', kernel_l1: 0.01 }),
  c('Conv3D', [[9, 9, 9, 2]], { filters: 2, kernel_size: [3, 3, 3], dilation_rate: [2, 2, 2], kernel_l2: 0.001 }),
  c('DepthwiseConv2D', [[16, 16, 8]], { kernel_size: [3, 3], depth_multiplier: 2 }),
  c('DepthwiseConv2D', [[17, 17, 3]], { kernel_size: [5, 5], strides: [2, 2], padding: 'same', use_bias: false }),
  c('SeparableConv2D', [[32, 32, 3]], { filters: 16, kernel_size: [3, 3], depth_multiplier: 2 }),
  c('SeparableConv2D', [[9, 9, 4]], { filters: 6, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' }),
  c('Conv2DTranspose', [[7, 7, 16]], { filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same' }),
  c('Conv2DTranspose', [[7, 7, 16]], { filters: 4, kernel_size: [5, 5], strides: [2, 2] }),
  c('Conv2DTranspose', [[5, 6, 2]], { filters: 3, kernel_size: [2, 2], strides: [3, 3] }),
  c('Conv3DTranspose', [[4, 4, 4, 2]], { filters: 3, kernel_size: [3, 3, 3], strides: [2, 2, 2], padding: 'same' }),
  c('Conv3DTranspose', [[3, 4, 5, 2]], { filters: 2, kernel_size: [2, 3, 3], strides: [3, 2, 1] }),
  c('Conv3DTranspose', [[null, null, null, 2]], { filters: 2, kernel_size: [2, 2, 2], strides: [2, 2, 2], activation: 'tanh', use_bias: false }),
  c('ZeroPadding2D', [[28, 28, 1]], { padding: [2, 1] }),
  c('UpSampling2D', [[7, 7, 8]], { size: [2, 3] }),
  c('UpSampling2D', [[4, 4, 2]], { interpolation: 'bilinear' }),
  c('MaxPooling1D', [[20, 4]], { pool_size: [3] }),
  c('MaxPooling1D', [[21, 4]], { pool_size: [2], strides: [1], padding: 'same' }),
  c('MaxPooling2D', [[28, 28, 8]]),
  c('MaxPooling2D', [[27, 27, 8]], { pool_size: [3, 3], strides: [2, 2] }),
  c('MaxPooling3D', [[8, 8, 8, 2]]),
  c('MaxPooling3D', [[7, 9, 9, 3]], { pool_size: [3, 3, 3], strides: [2, 2, 2] }),
  c('MaxPooling3D', [[null, null, null, 2]], { pool_size: [2, 2, 1], padding: 'same' }),
  c('AveragePooling1D', [[20, 4]], { pool_size: [4], padding: 'same' }),
  c('AveragePooling2D', [[15, 15, 3]], { pool_size: [2, 2], padding: 'same' }),
  c('AveragePooling3D', [[8, 8, 8, 2]]),
  c('AveragePooling3D', [[5, 6, 7, 1]], { pool_size: [2, 3, 2], strides: [1, 1, 1], padding: 'same' }),
  c('AveragePooling3D', [[null, 4, 4, 3]], { pool_size: [1, 2, 2], strides: [1, 2, 1] }),
  c('GlobalAveragePooling1D', [[20, 6]]),
  c('GlobalMaxPooling1D', [[20, 6]]),
  c('GlobalAveragePooling2D', [[7, 7, 64]]),
  c('GlobalMaxPooling2D', [[5, 4, 3]]),
  c('SimpleRNN', [[10, 8]], { units: 16 }),
  c('SimpleRNN', [[10, 8]], { units: 4, return_sequences: true, activation: 'relu', use_bias: false }),
  c('LSTM', [[20, 16]], { units: 32 }),
  c('LSTM', [[20, 16]], { units: 8, return_sequences: true, go_backwards: true, dropout: 0.1 }),
  c('GRU', [[20, 16]], { units: 32 }),
  c('GRU', [[12, 5]], { units: 6, return_sequences: true, recurrent_activation: 'hard_sigmoid', kernel_l1: 0.01 }),
  c('ConvLSTM2D', [[5, 8, 8, 2]], { filters: 4, kernel_size: [3, 3] }),
  c('ConvLSTM2D', [[null, 6, 6, 1]], { filters: 2, kernel_size: [3, 3], padding: 'same', return_sequences: true, go_backwards: true }),
  c('ConvLSTM2D', [[4, 9, 9, 2]], {
    filters: 3,
    kernel_size: [3, 3],
    strides: [2, 2],
    recurrent_activation: 'hard_sigmoid',
    use_bias: false,
    dropout: 0.1,
    recurrent_dropout: 0.2,
    kernel_l1: 0.01,
  }),
  c('ConvLSTM2D', [[3, 7, 7, 2]], { filters: 2, kernel_size: [2, 2], dilation_rate: [2, 2], activation: 'relu', recurrent_initializer: 'glorot_uniform' }),
  c('Bidirectional', [[20, 16]], { layer: 'LSTM', units: 16 }),
  c('Bidirectional', [[20, 16]], { layer: 'GRU', units: 8, merge_mode: 'sum', return_sequences: true }),
  c('Bidirectional', [[9, 3]], { layer: 'LSTM', units: 5, merge_mode: 'ave' }),
  c('CategoryEncoding', [[1]], { num_tokens: 5, output_mode: 'one_hot' }),
  c('CategoryEncoding', [[3]], { num_tokens: 4, output_mode: 'one_hot' }),
  c('CategoryEncoding', [[4]], { num_tokens: 6 }),
  c('CategoryEncoding', [[null]], { num_tokens: 3, output_mode: 'count' }),
  c('Resizing', [[8, 8, 3]], { height: 4, width: 6 }),
  c('Resizing', [[null, null, 3]], { height: 5, width: 5, interpolation: 'nearest' }),
  c('Resizing', [[6, 10, 1]], { height: 3, width: 3, crop_to_aspect_ratio: true }),
  c('Rescaling', [[4]], { scale: 1 / 255 }),
  c('Rescaling', [[8, 8, 3]], { scale: 1 / 127.5, offset: -1 }),
  c('Rescaling', [[null, null, 3]], { scale: 2 }),
  c('CenterCrop', [[8, 8, 3]], { height: 4, width: 4 }),
  c('CenterCrop', [[7, 6, 2]], { height: 4, width: 5 }),
  c('CenterCrop', [[null, null, 3]], { height: 3, width: 2 }),
  c('RandomWidth', [[8, 8, 3]], { factor: 0.3 }),
  c('RandomWidth', [[null, null, 3]], { factor: 0.5, interpolation: 'nearest', seed: 7 }),
  c('RandomWidth', [[6, 10, 1]], { factor: 0 }),
  c('BatchNormalization', [[10]]),
  c('BatchNormalization', [[8, 8, 16]], { momentum: 0.9, epsilon: 0.0001, center: false }),
  c('LayerNormalization', [[10, 32]]),
  c('LayerNormalization', [[6]], { scale: false }),
  c('Add', [[8], [8]]),
  c('Add', [[4, 4, 3], [4, 4, 3], [4, 4, 3]]),
  c('Add', [[5, 1], [5, 6]]),
  c('Multiply', [[6], [6]]),
  c('Average', [[3, 2], [3, 2]]),
  c('Concatenate', [[8], [4]]),
  c('Concatenate', [[4, 4, 3], [4, 4, 5]]),
  c('Concatenate', [[3, 5], [2, 5]], { axis: 1 }),
];
