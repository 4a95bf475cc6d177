import type { Dim, ParamValue, WrappedLayer } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import { defaultParams } from './params';
import { layerSpec } from './registry';

/**
 * Params tfjs 4.22 leaves out of a layer's saved config, or writes in another form
 * (SeparableConv2D's getConfig forgets depth_multiplier). The model.json export must write them back; the parity test does the same.
 */
export const TFJS_SERIALISATION_GAPS: Partial<Record<LayerKind, readonly string[]>> = {
  SeparableConv2D: ['depth_multiplier'],
  // tfjs writes the axes it resolved at build time (-1 becomes 2 on a 3-D input): the graph's
  // own spelling goes back, so an exported model reads back as it was drawn.
  LayerNormalization: ['axis'],
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

/** A layer to put inside a wrapper: the kind's defaults, overridden by `params`. */
const wrap = (kind: LayerKind, params: Readonly<Record<string, ParamValue>> = {}): WrappedLayer => ({
  kind,
  params: { ...defaultParams(layerSpec(kind).params), ...params },
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
  c('Dense', [[5]], { units: 3, bias_initializer: 'ones', bias_l2: 0.01 }),
  c('Conv2D', [[8, 8, 2]], { filters: 3, kernel_size: [3, 3], bias_initializer: 'random_normal', bias_l1: 0.01, bias_l2: 0.02 }),
  c('Activation', [[5]], { activation: 'gelu' }),
  c('Activation', [[3, 4]], { activation: 'swish' }),
  c('Dropout', [[8]], { rate: 0.25 }),
  c('ReLU', [[null, 3]]),
  c('ReLU', [[5]], { max_value: 6 }),
  c('ReLU', [[4, 4, 2]], { max_value: 2.5, negative_slope: 0.1, threshold: 0.5 }),
  c('ReLU', [[null, 3]], { negative_slope: 0.2 }),
  c('LeakyReLU', [[6]]),
  c('LeakyReLU', [[null, 4]], { negative_slope: 0.1 }),
  c('LeakyReLU', [[3, 3, 2]], { negative_slope: 0 }),
  c('PReLU', [[8]]),
  c('PReLU', [[6, 6, 4]], { shared_axes: [1, 2] }),
  c('PReLU', [[null, 5]], { shared_axes: [1], alpha_initializer: 'ones' }),
  c('PReLU', [[10, 3]], { alpha_initializer: 'he_normal', alpha_l2: 0.01 }),
  c('PReLU', [[4]], { alpha_l1: 0.001, alpha_l2: 0.002 }),
  c('ELU', [[5]]),
  c('ELU', [[null, 4]], { alpha: 0.5 }),
  c('ELU', [[3, 3, 2]], { alpha: 2 }),
  c('ThresholdedReLU', [[6]]),
  c('ThresholdedReLU', [[null, 4]], { theta: 0.2 }),
  c('ThresholdedReLU', [[2, 2, 3]], { theta: 0 }),
  c('Softmax', [[5]]),
  c('Softmax', [[null, 4]], { axis: 1 }),
  c('Softmax', [[3, 4, 2]], { axis: -2 }),
  c('Softmax', [[4, 3]], { axis: 2 }),
  c('SpatialDropout1D', [[20, 8]], { rate: 0.3 }),
  c('SpatialDropout1D', [[null, 4]]),
  c('GaussianNoise', [[8]], { stddev: 0.2 }),
  c('GaussianNoise', [[null, 3]]),
  c('GaussianNoise', [[4, 4, 2]], { stddev: 1 }),
  c('GaussianDropout', [[8]], { rate: 0.1 }),
  c('GaussianDropout', [[null, 5]]),
  c('AlphaDropout', [[8]], { rate: 0.1 }),
  c('AlphaDropout', [[null, 6]], { rate: 0.05 }),
  c('AlphaDropout', [[3, 3, 2]]),
  c('Flatten', [[7, 7, 64]]),
  c('Flatten', [[3, 4]]),
  c('Reshape', [[784]], { target_shape: [28, 28, 1] }),
  c('Reshape', [[24]], { target_shape: [-1, 4] }),
  c('RepeatVector', [[32]], { n: 3 }),
  c('RepeatVector', [[null]], { n: 5 }),
  c('RepeatVector', [[1]], { n: 1 }),
  c('Permute', [[10, 64]], { dims: [2, 1] }),
  c('Permute', [[4, 5, 6]], { dims: [3, 1, 2] }),
  c('Permute', [[null, 3, 2]], { dims: [2, 3, 1] }),
  c('Permute', [[7]], { dims: [1] }),
  c('Embedding', [[20]], { input_dim: 500, output_dim: 16 }),
  c('MultiHeadAttention', [[5, 8]], { num_heads: 2, key_dim: 4 }),
  c('MultiHeadAttention', [[null, 6]], { num_heads: 3, key_dim: 2, value_dim: 5, use_causal_mask: true }),
  c(
    'MultiHeadAttention',
    [
      [4, 6],
      [7, 3],
    ],
    { num_heads: 2, key_dim: 3, output_shape: 5 },
  ),
  c(
    'MultiHeadAttention',
    [
      [3, 4],
      [null, 2],
    ],
    { num_heads: 1, key_dim: 2, use_bias: false, dropout: 0.1 },
  ),
  c('Embedding', [[10]], { input_dim: 50, output_dim: 8, mask_zero: true }),
  c('PositionEmbedding', [[5, 8]], { sequence_length: 5 }),
  c('PositionEmbedding', [[3, 4]], { sequence_length: 10, initializer: 'he_normal' }),
  c('PositionEmbedding', [[null, 6]], { sequence_length: 7 }),
  c('TokenAndPositionEmbedding', [[6]], { vocabulary_size: 30, sequence_length: 6, embedding_dim: 4 }),
  c('TokenAndPositionEmbedding', [[null]], { vocabulary_size: 12, sequence_length: 9, embedding_dim: 3, embeddings_initializer: 'glorot_uniform' }),
  c('Masking', [[10, 4]]),
  c('Masking', [[null, 3]], { mask_value: -1 }),
  c('Masking', [[6, 5, 2]], { mask_value: 0.5 }),
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
  c('DepthwiseConv2D', [[9, 9, 4]], { kernel_size: [3, 3], dilation_rate: [2, 2] }),
  c('DepthwiseConv2D', [[null, null, 2]], { kernel_size: [3, 3], dilation_rate: [2, 3], padding: 'same', depth_multiplier: 2 }),
  c('SeparableConv2D', [[32, 32, 3]], { filters: 16, kernel_size: [3, 3], depth_multiplier: 2 }),
  c('SeparableConv2D', [[9, 9, 4]], { filters: 6, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' }),
  c('Conv2DTranspose', [[7, 7, 16]], { filters: 8, kernel_size: [3, 3], strides: [2, 2], padding: 'same' }),
  c('Conv2DTranspose', [[7, 7, 16]], { filters: 4, kernel_size: [5, 5], strides: [2, 2] }),
  c('Conv2DTranspose', [[5, 6, 2]], { filters: 3, kernel_size: [2, 2], strides: [3, 3] }),
  c('ZeroPadding2D', [[28, 28, 1]], {
    padding: [
      [2, 2],
      [1, 1],
    ],
  }),
  c('ZeroPadding2D', [[224, 224, 3]], {
    padding: [
      [0, 1],
      [0, 1],
    ],
  }),
  c('ZeroPadding2D', [[null, null, 3]], {
    padding: [
      [3, 0],
      [1, 2],
    ],
  }),
  c('ZeroPadding1D', [[10, 3]]),
  c('ZeroPadding1D', [[10, 3]], { padding: [[2, 0]] }),
  c('ZeroPadding1D', [[null, 4]], { padding: [[1, 3]] }),
  c('Cropping2D', [[28, 28, 1]]),
  c('Cropping2D', [[28, 28, 3]], {
    cropping: [
      [2, 2],
      [4, 4],
    ],
  }),
  c('Cropping2D', [[9, 7, 2]], {
    cropping: [
      [1, 0],
      [0, 3],
    ],
  }),
  c('Cropping2D', [[null, null, 3]], {
    cropping: [
      [1, 2],
      [3, 0],
    ],
  }),
  c('Cropping2D', [[null, 8, 2]], {
    cropping: [
      [0, 1],
      [2, 2],
    ],
  }),
  c('Conv3DTranspose', [[4, 4, 4, 2]], { filters: 3, kernel_size: [3, 3, 3], strides: [2, 2, 2], padding: 'same' }),
  c('Conv3DTranspose', [[3, 4, 5, 2]], { filters: 2, kernel_size: [2, 3, 3], strides: [3, 2, 1] }),
  c('Conv3DTranspose', [[null, null, null, 2]], { filters: 2, kernel_size: [2, 2, 2], strides: [2, 2, 2], activation: 'tanh', use_bias: false }),
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
  c('RNN', [[10, 8]], { cell: [wrap('SimpleRNN', { units: 16 })] }),
  c('RNN', [[20, 16]], { cell: [wrap('LSTM', { units: 8, dropout: 0.1, recurrent_activation: 'hard_sigmoid' })], return_sequences: true }),
  c('RNN', [[12, 5]], { cell: [wrap('GRU', { units: 6, kernel_l1: 0.01, use_bias: false })], go_backwards: true }),
  c('RNN', [[null, 4]], { cell: [wrap('LSTM', { units: 5, kernel_initializer: 'he_normal' })] }),
  c('RNN', [[null, 3]], {
    cell: [wrap('LSTM', { units: 4 }), wrap('GRU', { units: 2, recurrent_activation: 'hard_sigmoid' }), wrap('SimpleRNN', { units: 3, activation: 'relu' })],
    return_sequences: true,
  }),
  c('RNN', [[9, 4]], { cell: [wrap('GRU', { units: 5 }), wrap('GRU', { units: 3, use_bias: false })], go_backwards: true, return_sequences: true }),
  c('Bidirectional', [[20, 16]], { layer: wrap('LSTM', { units: 16 }) }),
  c('Bidirectional', [[20, 16]], { layer: wrap('GRU', { units: 8, return_sequences: true }), merge_mode: 'sum' }),
  c('Bidirectional', [[9, 3]], { layer: wrap('LSTM', { units: 5 }), merge_mode: 'ave' }),
  c('Bidirectional', [[null, 3]], { layer: wrap('SimpleRNN', { units: 4, return_sequences: true }), merge_mode: 'mul' }),
  c('TimeDistributed', [[5, 3]], { layer: wrap('Dense', { units: 8, activation: 'relu' }) }),
  c('TimeDistributed', [[null, 6]], { layer: wrap('Dense', { units: 2, use_bias: false }) }),
  c('TimeDistributed', [[4, 8, 8, 3]], { layer: wrap('Conv2D', { filters: 4, kernel_size: [3, 3] }) }),
  c('TimeDistributed', [[4, 3, 2]], { layer: wrap('Flatten') }),
  c('TimeDistributed', [[6, 10, 10, 1]], { layer: wrap('MaxPooling2D') }),
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
  c('RandomWidth', [[8, 8, 3]], { factor: 0.3, factor_lower: -0.2 }),
  c('RandomWidth', [[8, 8, 3]], { factor: 0.3, factor_lower: 0.1 }),
  c('BatchNormalization', [[10]]),
  c('BatchNormalization', [[8, 8, 16]], { momentum: 0.9, epsilon: 0.0001, center: false }),
  c('LayerNormalization', [[10, 32]]),
  c('LayerNormalization', [[6]], { scale: false }),
  c('LayerNormalization', [[4, 3]], { axis: [1] }),
  c('LayerNormalization', [[4, 3, 2]], { axis: [1, 2] }),
  c('LayerNormalization', [[null, 5]], { axis: [-1], epsilon: 0.00001 }),
  c('Add', [[8], [8]]),
  c('Add', [
    [4, 4, 3],
    [4, 4, 3],
    [4, 4, 3],
  ]),
  c('Add', [
    [5, 1],
    [5, 6],
  ]),
  c('Multiply', [[6], [6]]),
  c('Average', [
    [3, 2],
    [3, 2],
  ]),
  c('Maximum', [[6], [6]]),
  c('Maximum', [
    [4, 3],
    [4, 3],
    [4, 3],
  ]),
  c('Maximum', [
    [null, 2],
    [null, 2],
  ]),
  c('Minimum', [[6], [6]]),
  c('Minimum', [
    [5, 1],
    [5, 4],
  ]),
  c('Dot', [[8], [8]]),
  c('Dot', [[8], [8]], { axes: [1, 1], normalize: true }),
  c(
    'Dot',
    [
      [3, 4],
      [5, 4],
    ],
    { axes: [2, 2] },
  ),
  c(
    'Dot',
    [
      [4, 3],
      [4, 5],
    ],
    { axes: [1, 1], normalize: true },
  ),
  c('Dot', [[3, 4], [4]], { axes: [-1, -1] }),
  c('Dot', [[4], [5, 4]], { axes: [1, 2] }),
  c(
    'Dot',
    [
      [5, 2],
      [3, 5],
    ],
    { axes: [1, -1] },
  ),
  c(
    'Dot',
    [
      [null, 4],
      [6, 4],
    ],
    { axes: [-1, -1] },
  ),
  c(
    'Dot',
    [
      [null, 4],
      [null, 3],
    ],
    { axes: [1, -2] },
  ),
  c('Concatenate', [[8], [4]]),
  c('Concatenate', [
    [4, 4, 3],
    [4, 4, 5],
  ]),
  c(
    'Concatenate',
    [
      [3, 5],
      [2, 5],
    ],
    { axis: 1 },
  ),
];
