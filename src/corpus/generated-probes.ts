/**
 * Corpus recipes for settings tfjs saves and runs that Netloom itself never writes (test
 * support): channels-first images, dilated convolutions, normalization over other
 * axes, every activation tfjs knows, Dense and Embedding on inputs of higher rank.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { apply, chainCase } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/** tfjs 4.22's activation identifiers, as its registry holds them. */
const TFJS_ACTIVATIONS = [
  'elu',
  'gelu',
  'gelu_new',
  'hardSigmoid',
  'linear',
  'logSoftmax',
  'mish',
  'relu',
  'relu6',
  'selu',
  'sigmoid',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'tanh',
] as const;

/** Each activation tfjs knows on a branch of its own (a Dense, then the activation), joined again. */
function everyActivation(tf: Tf): tfjs.LayersModel {
  const x = tf.input({ shape: [5] });
  const branches = TFJS_ACTIVATIONS.map((activation, i) => {
    const h = apply(tf.layers.dense({ units: 3 }), x);
    // tfjs's ActivationIdentifier type leaves out logSoftmax, which its registry holds.
    return apply(tf.layers.activation({ activation: activation as 'linear', name: `act_${i}_${activation}` }), h);
  });
  return tf.model({ inputs: x, outputs: apply(tf.layers.dense({ units: 2 }), apply(tf.layers.concatenate(), branches)) });
}

/** Settings Netloom's own files never use. */
export const PROBE_CASES: readonly CorpusCase[] = [
  { id: 'every-activation', covers: ['Activation', ...TFJS_ACTIVATIONS], build: everyActivation, samples: [{ shape: [5] }] },
  chainCase('channels-first', ['Conv2D channels_first', 'MaxPooling2D channels_first', 'GlobalAveragePooling2D channels_first'], [2, 7, 6], (tf) => [
    tf.layers.conv2d({ filters: 3, kernelSize: [3, 2], dataFormat: 'channelsFirst' }),
    tf.layers.maxPooling2d({ poolSize: 2, dataFormat: 'channelsFirst' }),
    tf.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }),
    tf.layers.dense({ units: 2 }),
  ]),
  // No causal Conv1D: tfjs 4.22 saves padding="causal" but its conv1dWithBias throws on CAUSAL
  // padding, so tfjs gives no reference to compare.
  chainCase('dilated-depthwise-conv2d', ['DepthwiseConv2D dilation_rate'], [9, 9, 2], (tf) => [
    tf.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  chainCase('dilated-separable-conv2d', ['SeparableConv2D dilation_rate'], [7, 7, 2], (tf) => [
    tf.layers.separableConv2d({ filters: 3, kernelSize: 2, dilationRate: 2 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
  // No bias before a normalization over axis 1: a bias on the last axis is the same along axis 1,
  // so the normalization subtracts it again.
  chainCase('layer-normalization-axis1', ['LayerNormalization axis=1'], [4, 3], (tf) => [
    tf.layers.dense({ units: 3, useBias: false }),
    tf.layers.layerNormalization({ axis: 1 }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('layer-normalization-two-axes', ['LayerNormalization axis=[1, 2]'], [4, 3], (tf) => [
    tf.layers.dense({ units: 3 }),
    tf.layers.layerNormalization({ axis: [1, 2] }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('batch-normalization-plain', ['BatchNormalization center=false scale=false'], [5], (tf) => [
    tf.layers.dense({ units: 4 }),
    tf.layers.batchNormalization({ center: false, scale: false, epsilon: 0.1 }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('dense-rank4', ['Dense on a 4-D input'], [3, 4, 5], (tf) => [tf.layers.dense({ units: 2 })]),
  chainCase(
    'embedding-2d-ids',
    ['Embedding on (None, 3, 4) ids'],
    [3, 4],
    (tf) => [tf.layers.embedding({ inputDim: 9, outputDim: 2 }), tf.layers.dense({ units: 2 })],
    {
      shape: [3, 4],
      ids: 9,
    },
  ),
  chainCase('prelu-shared-image-axes', ['PReLU shared_axes=[1, 2]'], [4, 4, 3], (tf) => [
    tf.layers.conv2d({ filters: 3, kernelSize: 1 }),
    tf.layers.prelu({ sharedAxes: [1, 2] }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
  ]),
];
