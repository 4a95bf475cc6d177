/**
 * Corpus recipes for tfjs's preprocessing, normalization and regularization layer classes (test
 * support). Regularization layers are the identity at inference, so each sits between weighted
 * layers whose outputs must come through unchanged.
 */
import { netloomLayer } from '../layers/tfjs-extra';
import { chainCase } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/** CategoryEncoding (each mode), Resizing, Rescaling, CenterCrop, RandomWidth. */
export const PREPROCESSING_CASES: readonly CorpusCase[] = [
  chainCase(
    'category-encoding-multi-hot',
    ['CategoryEncoding'],
    [3],
    (tf) => [netloomLayer(tf, 'CategoryEncoding', { numTokens: 6, outputMode: 'multiHot' }), tf.layers.dense({ units: 2 })],
    { shape: [3], ids: 6 },
  ),
  chainCase(
    'category-encoding-count',
    ['CategoryEncoding'],
    [4],
    (tf) => [netloomLayer(tf, 'CategoryEncoding', { numTokens: 3, outputMode: 'count' }), tf.layers.dense({ units: 2 })],
    { shape: [4], ids: 3 },
  ),
  chainCase(
    'category-encoding-one-hot',
    ['CategoryEncoding'],
    [1],
    (tf) => [netloomLayer(tf, 'CategoryEncoding', { numTokens: 5, outputMode: 'oneHot' }), tf.layers.dense({ units: 3 })],
    { shape: [1], ids: 5 },
  ),
  chainCase('resizing', ['Resizing'], [6, 8, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 1 }),
    netloomLayer(tf, 'Resizing', { height: 4, width: 3, interpolation: 'bilinear', cropToAspectRatio: true }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('resizing-nearest', ['Resizing'], [5, 5, 2], (tf) => [
    netloomLayer(tf, 'Resizing', { height: 7, width: 3, interpolation: 'nearest' }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('rescaling', ['Rescaling'], [5, 5, 3], (tf) => [
    tf.layers.rescaling({ scale: 1 / 127.5, offset: -1 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('center-crop', ['CenterCrop'], [7, 8, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 1 }),
    netloomLayer(tf, 'CenterCrop', { height: 4, width: 5 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('random-width', ['RandomWidth'], [6, 6, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 1 }),
    netloomLayer(tf, 'RandomWidth', { factor: 0.3, interpolation: 'nearest', seed: 11 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('random-width-uneven', ['RandomWidth'], [6, 6, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 1 }),
    netloomLayer(tf, 'RandomWidth', { factor: [-0.2, 0.3], seed: 11 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
];

/** BatchNormalization and LayerNormalization. */
export const NORMALIZATION_CASES: readonly CorpusCase[] = [
  chainCase('batch-normalization', ['BatchNormalization'], [5, 5, 3], (tf) => [
    tf.layers.conv2d({ filters: 4, kernelSize: 2 }),
    tf.layers.batchNormalization({ momentum: 0.9, epsilon: 0.01, gammaRegularizer: tf.regularizers.l2({ l2: 0.01 }) }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('batch-normalization-axis1', ['BatchNormalization'], [4, 3], (tf) => [
    tf.layers.dense({ units: 3 }),
    tf.layers.batchNormalization({ axis: 1, center: false }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('layer-normalization', ['LayerNormalization'], [4, 6], (tf) => [
    tf.layers.dense({ units: 5 }),
    tf.layers.layerNormalization({ epsilon: 0.1, betaInitializer: 'ones' }),
    tf.layers.dense({ units: 2 }),
  ]),
];

/** Dropout, SpatialDropout1D, GaussianNoise, GaussianDropout, AlphaDropout: the identity at inference. */
export const REGULARIZATION_CASES: readonly CorpusCase[] = [
  chainCase('dropout', ['Dropout'], [6], (tf) => [tf.layers.dense({ units: 5 }), tf.layers.dropout({ rate: 0.4, seed: 3 }), tf.layers.dense({ units: 2 })]),
  chainCase('dropout-noise-shape', ['Dropout'], [4, 3], (tf) => [
    tf.layers.dense({ units: 5 }),
    tf.layers.dropout({ rate: 0.3, noiseShape: [1, 1, 5] }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('spatial-dropout1d', ['SpatialDropout1D'], [6, 3], (tf) => [
    tf.layers.conv1d({ filters: 4, kernelSize: 2 }),
    tf.layers.spatialDropout1d({ rate: 0.25 }),
    tf.layers.conv1d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('gaussian-noise', ['GaussianNoise'], [6], (tf) => [
    tf.layers.dense({ units: 5 }),
    tf.layers.gaussianNoise({ stddev: 0.3 }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('gaussian-dropout', ['GaussianDropout'], [6], (tf) => [
    tf.layers.dense({ units: 5 }),
    tf.layers.gaussianDropout({ rate: 0.2 }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('alpha-dropout', ['AlphaDropout'], [6], (tf) => [
    tf.layers.dense({ units: 5, activation: 'selu' }),
    netloomLayer(tf, 'AlphaDropout', { rate: 0.15 }),
    tf.layers.dense({ units: 2 }),
  ]),
];
