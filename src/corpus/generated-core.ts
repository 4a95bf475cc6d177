/**
 * Corpus recipes for tfjs's core and activation layer classes (test support). Each model puts the
 * class between weighted layers, with settings away from the defaults.
 */
import { netloomLayer } from '../layers/tfjs-extra';
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { apply, chainCase } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/** x + PositionEmbedding(x), as KerasHub's examples add it: its output depends on x's shape only. */
function positionEmbeddingCase(): CorpusCase {
  const build = (tf: Tf): tfjs.LayersModel => {
    const input = tf.input({ shape: [4, 3] });
    const h = apply(tf.layers.dense({ units: 5 }), input);
    const summed = apply(tf.layers.add(), [h, apply(netloomLayer(tf, 'PositionEmbedding', { sequenceLength: 6, initializer: 'heNormal' }), h)]);
    return tf.model({ inputs: input, outputs: apply(tf.layers.dense({ units: 2 }), apply(tf.layers.flatten(), summed)) });
  };
  return { id: 'position-embedding', covers: ['PositionEmbedding'], build, samples: [{ shape: [4, 3] }] };
}

/** Dense, Activation, Flatten, Reshape, RepeatVector, Permute, Embedding, TokenAndPositionEmbedding, PositionEmbedding, Masking. */
export const CORE_CASES: readonly CorpusCase[] = [
  chainCase('dense', ['Dense'], [6, 4], (tf) => [
    tf.layers.dense({
      units: 5,
      activation: 'tanh',
      kernelInitializer: 'heNormal',
      biasInitializer: 'ones',
      kernelRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.001 }),
      biasRegularizer: tf.regularizers.l2({ l2: 0.02 }),
      kernelConstraint: tf.constraints.maxNorm({ maxValue: 2 }),
    }),
    tf.layers.dense({ units: 3, useBias: false, activation: 'softmax' }),
  ]),
  chainCase('activation', ['Activation'], [5], (tf) => [
    tf.layers.dense({ units: 6 }),
    tf.layers.activation({ activation: 'selu' }),
    tf.layers.dense({ units: 6 }),
    tf.layers.activation({ activation: 'hardSigmoid' }),
    tf.layers.dense({ units: 4 }),
    tf.layers.activation({ activation: 'softsign' }),
    tf.layers.dense({ units: 4 }),
    tf.layers.activation({ activation: 'mish' }),
  ]),
  chainCase('flatten', ['Flatten'], [4, 3, 2], (tf) => [tf.layers.dense({ units: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 3 })]),
  chainCase('reshape', ['Reshape'], [12], (tf) => [
    tf.layers.dense({ units: 12 }),
    tf.layers.reshape({ targetShape: [-1, 4] }),
    tf.layers.dense({ units: 2, activation: 'elu' }),
  ]),
  chainCase('repeat-vector', ['RepeatVector'], [4], (tf) => [
    tf.layers.dense({ units: 3 }),
    tf.layers.repeatVector({ n: 5 }),
    tf.layers.simpleRNN({ units: 2, returnSequences: true }),
  ]),
  chainCase('permute', ['Permute'], [5, 3], (tf) => [tf.layers.dense({ units: 4 }), tf.layers.permute({ dims: [2, 1] }), tf.layers.dense({ units: 2 })]),
  chainCase(
    'embedding',
    ['Embedding'],
    [7],
    (tf) => [
      tf.layers.embedding({
        inputDim: 20,
        outputDim: 4,
        embeddingsInitializer: tf.initializers.randomNormal({ mean: 0.1, stddev: 0.3, seed: 3 }),
        embeddingsRegularizer: tf.regularizers.l2({ l2: 0.001 }),
      }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3 }),
    ],
    { shape: [7], ids: 20 },
  ),
  chainCase(
    'token-and-position-embedding',
    ['TokenAndPositionEmbedding'],
    [6],
    (tf) => [
      netloomLayer(tf, 'TokenAndPositionEmbedding', { vocabularySize: 15, sequenceLength: 8, embeddingDim: 3, embeddingsInitializer: 'glorotUniform' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2 }),
    ],
    { shape: [6], ids: 15 },
  ),
  positionEmbeddingCase(),
  chainCase('masking-lstm', ['Masking', 'LSTM'], [6, 3], (tf) => [netloomLayer(tf, 'Masking', { maskValue: 0.5 }), tf.layers.lstm({ units: 4 })], {
    shape: [6, 3],
    masked: { value: 0.5, steps: [1, 4, 5] },
  }),
];

/** The activation layer classes: ReLU, LeakyReLU, PReLU, ELU, ThresholdedReLU, Softmax. */
export const ACTIVATION_CASES: readonly CorpusCase[] = [
  chainCase('relu', ['ReLU'], [6], (tf) => [
    tf.layers.dense({ units: 8 }),
    netloomLayer(tf, 'ReLU', { maxValue: 0.3, negativeSlope: 0.1, threshold: 0.05 }),
    tf.layers.dense({ units: 3 }),
  ]),
  chainCase('leaky-relu', ['LeakyReLU'], [6], (tf) => [tf.layers.dense({ units: 8 }), tf.layers.leakyReLU({ alpha: 0.25 }), tf.layers.dense({ units: 3 })]),
  chainCase('prelu', ['PReLU'], [4, 3], (tf) => [
    tf.layers.dense({ units: 5 }),
    tf.layers.prelu({ sharedAxes: [1], alphaInitializer: 'glorotUniform', alphaRegularizer: tf.regularizers.l2({ l2: 0.01 }) }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('elu', ['ELU'], [6], (tf) => [tf.layers.dense({ units: 8 }), netloomLayer(tf, 'ELU', { alpha: 0.7 }), tf.layers.dense({ units: 3 })]),
  chainCase('thresholded-relu', ['ThresholdedReLU'], [6], (tf) => [
    tf.layers.dense({ units: 8 }),
    netloomLayer(tf, 'ThresholdedReLU', { theta: 0.1 }),
    tf.layers.dense({ units: 3 }),
  ]),
  // No bias before the softmax over axis 1: a bias on the last axis is the same along axis 1, so
  // that softmax cancels it.
  chainCase('softmax', ['Softmax'], [3, 4], (tf) => [
    tf.layers.dense({ units: 4, useBias: false }),
    netloomLayer(tf, 'Softmax', { axis: 1 }),
    tf.layers.dense({ units: 2 }),
  ]),
];
