/**
 * Corpus recipes for tfjs's convolution and reshaping-of-images layer classes (test support),
 * with strides, 'same' padding, dilations, missing biases, initializers and regularizers.
 */
import { netloomLayer } from '../layers/tfjs-extra';
import { chainCase } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/** Conv1D/2D/3D, DepthwiseConv2D, SeparableConv2D, Conv2DTranspose, Conv3DTranspose, ZeroPadding1D/2D, Cropping2D, UpSampling2D. */
export const CONV_CASES: readonly CorpusCase[] = [
  chainCase('conv1d', ['Conv1D'], [12, 3], (tf) => [
    tf.layers.conv1d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: 'heUniform' }),
    tf.layers.conv1d({ filters: 2, kernelSize: 2, dilationRate: 2, useBias: false, kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) }),
  ]),
  chainCase('conv2d', ['Conv2D'], [9, 8, 2], (tf) => [
    tf.layers.conv2d({
      filters: 3,
      kernelSize: [3, 2],
      strides: [2, 1],
      padding: 'same',
      useBias: false,
      kernelInitializer: 'leCunNormal',
      kernelRegularizer: tf.regularizers.l1({ l1: 0.001 }),
    }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2, dilationRate: 2, activation: 'sigmoid', biasInitializer: 'ones' }),
  ]),
  chainCase('conv3d', ['Conv3D'], [5, 6, 4, 2], (tf) => [
    tf.layers.conv3d({ filters: 2, kernelSize: [2, 3, 2], strides: [1, 2, 1], padding: 'same', activation: 'relu6' }),
    tf.layers.conv3d({ filters: 3, kernelSize: 2, useBias: false }),
  ]),
  // No depthwiseRegularizer: tfjs 4.22 saves it as the depthwise constraint too, and the loaded
  // "constraint" (an L1L2 penalty) turns every weight it writes into a scalar.
  chainCase('depthwise-conv2d', ['DepthwiseConv2D'], [7, 7, 3], (tf) => [
    tf.layers.depthwiseConv2d({
      kernelSize: 3,
      depthMultiplier: 2,
      strides: 2,
      padding: 'same',
      depthwiseInitializer: 'heNormal',
      biasRegularizer: tf.regularizers.l2({ l2: 0.001 }),
    }),
    tf.layers.depthwiseConv2d({ kernelSize: [2, 3], useBias: false, activation: 'tanh' }),
  ]),
  // depthMultiplier stays 1: tfjs 4.22's SeparableConv2D leaves it out of what it saves, so tfjs
  // itself could not load the reference with any other.
  chainCase('separable-conv2d', ['SeparableConv2D'], [8, 8, 3], (tf) => [
    tf.layers.separableConv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', depthwiseInitializer: 'heUniform' }),
    tf.layers.separableConv2d({ filters: 2, kernelSize: [2, 2], useBias: false, activation: 'elu' }),
  ]),
  chainCase('conv2d-transpose', ['Conv2DTranspose'], [4, 5, 3], (tf) => [
    tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
    tf.layers.conv2dTranspose({ filters: 3, kernelSize: [2, 3], strides: [2, 3], useBias: false }),
  ]),
  chainCase('conv3d-transpose', ['Conv3DTranspose'], [3, 3, 2, 2], (tf) => [
    tf.layers.conv3dTranspose({ filters: 2, kernelSize: 2, strides: 2, kernelInitializer: 'glorotNormal' }),
    tf.layers.conv3dTranspose({ filters: 1, kernelSize: [3, 2, 2], strides: [1, 2, 1], padding: 'same', useBias: false }),
  ]),
  chainCase('zero-padding1d', ['ZeroPadding1D'], [5, 3], (tf) => [
    tf.layers.conv1d({ filters: 2, kernelSize: 2 }),
    netloomLayer(tf, 'ZeroPadding1D', { padding: [2, 1] }),
    tf.layers.conv1d({ filters: 2, kernelSize: 3 }),
  ]),
  chainCase('zero-padding2d', ['ZeroPadding2D'], [5, 5, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
    tf.layers.zeroPadding2d({
      padding: [
        [1, 2],
        [0, 3],
      ],
    }),
    tf.layers.conv2d({ filters: 2, kernelSize: 3, strides: 2 }),
  ]),
  chainCase('cropping2d', ['Cropping2D'], [8, 7, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 1 }),
    netloomLayer(tf, 'Cropping2D', {
      cropping: [
        [1, 2],
        [0, 3],
      ],
    }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('up-sampling2d', ['UpSampling2D'], [3, 4, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 1 }),
    tf.layers.upSampling2d({ size: [2, 3], interpolation: 'bilinear' }),
    tf.layers.conv2d({ filters: 2, kernelSize: 3 }),
    tf.layers.upSampling2d({ size: [3, 1] }),
  ]),
];

/** MaxPooling, AveragePooling (1D/2D/3D) and the global poolings, each after a convolution. */
export const POOLING_CASES: readonly CorpusCase[] = [
  chainCase('max-pooling1d', ['MaxPooling1D'], [10, 3], (tf) => [
    tf.layers.conv1d({ filters: 3, kernelSize: 2 }),
    tf.layers.maxPooling1d({ poolSize: 3, strides: 2, padding: 'same' }),
  ]),
  chainCase('max-pooling2d', ['MaxPooling2D'], [9, 9, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
    tf.layers.maxPooling2d({ poolSize: [3, 2], strides: [2, 1] }),
  ]),
  chainCase('max-pooling3d', ['MaxPooling3D'], [6, 6, 5, 2], (tf) => [
    tf.layers.conv3d({ filters: 2, kernelSize: 2 }),
    tf.layers.maxPooling3d({ poolSize: [2, 2, 3], strides: [2, 1, 2], padding: 'same' }),
  ]),
  chainCase('average-pooling1d', ['AveragePooling1D'], [11, 3], (tf) => [
    tf.layers.conv1d({ filters: 3, kernelSize: 2 }),
    tf.layers.averagePooling1d({ poolSize: 4, strides: 3 }),
  ]),
  chainCase('average-pooling2d', ['AveragePooling2D'], [9, 7, 2], (tf) => [
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
    tf.layers.averagePooling2d({ poolSize: [2, 3], strides: [3, 2], padding: 'same' }),
  ]),
  chainCase('average-pooling3d', ['AveragePooling3D'], [5, 6, 6, 2], (tf) => [
    tf.layers.conv3d({ filters: 2, kernelSize: 2 }),
    tf.layers.averagePooling3d({ poolSize: [1, 2, 3], strides: [1, 2, 2] }),
  ]),
  chainCase('global-average-pooling1d', ['GlobalAveragePooling1D'], [7, 3], (tf) => [
    tf.layers.conv1d({ filters: 4, kernelSize: 2 }),
    tf.layers.globalAveragePooling1d(),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('global-max-pooling1d', ['GlobalMaxPooling1D'], [7, 3], (tf) => [
    tf.layers.conv1d({ filters: 4, kernelSize: 2 }),
    tf.layers.globalMaxPooling1d(),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('global-average-pooling2d', ['GlobalAveragePooling2D'], [6, 5, 3], (tf) => [
    tf.layers.conv2d({ filters: 4, kernelSize: 2 }),
    tf.layers.globalAveragePooling2d({}),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('global-max-pooling2d', ['GlobalMaxPooling2D'], [6, 5, 3], (tf) => [
    tf.layers.conv2d({ filters: 4, kernelSize: 2 }),
    tf.layers.globalMaxPooling2d({}),
    tf.layers.dense({ units: 2 }),
  ]),
];
