/**
 * Corpus recipes for the spellings of other writers (test support): models built with tfjs, then
 * their model.json rewritten as Keras 3 or Keras 2 writes it (keras-spellings.ts).
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { apply } from './build-helpers';
import type { CorpusCase } from './corpus-model';
import { keras2Aliases, keras2BareSequential, keras2SequentialInput, keras3Functional, keras3Sequential, keras3WeightNames } from './keras-spellings';

/** Two inputs, with layers named as Keras 3 names them (`conv2d_1`, `input_layer`), model `functional`. */
function keras3Named(tf: Tf, name: string): tfjs.LayersModel {
  const image = tf.input({ shape: [6, 6, 3], name: 'input_layer' });
  const extra = tf.input({ shape: [5], name: 'input_layer_1' });
  let x = apply(tf.layers.conv2d({ filters: 4, kernelSize: 3, name: 'conv2d', kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) }), image);
  x = apply(tf.layers.leakyReLU({ alpha: 0.3, name: 'leaky_re_lu' }), x);
  x = apply(tf.layers.batchNormalization({ name: 'batch_normalization' }), x);
  x = apply(tf.layers.conv2d({ filters: 3, kernelSize: 2, strides: 2, padding: 'same', name: 'conv2d_1' }), x);
  x = apply(tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }), x);
  const y = apply(tf.layers.dense({ units: 3, name: 'dense', kernelRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.02 }) }), extra);
  const both = apply(tf.layers.concatenate({ name: 'concatenate' }), [x, y]);
  return tf.model({ inputs: [image, extra], outputs: apply(tf.layers.dense({ units: 2, name: 'dense_1' }), both), name });
}

/** An image model using the classes Keras 2 also spells by an alias. */
function aliased(tf: Tf): tfjs.LayersModel {
  const x = tf.input({ shape: [8, 8, 2] });
  const layers = [
    tf.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.separableConv2d({ filters: 4, kernelSize: 2 }),
    tf.layers.conv2dTranspose({ filters: 2, kernelSize: 2, strides: 2 }),
    tf.layers.averagePooling2d({ poolSize: 2 }),
    tf.layers.globalMaxPooling2d({}),
    tf.layers.dense({ units: 2 }),
  ];
  return tf.model({ inputs: x, outputs: layers.reduce<tfjs.SymbolicTensor>((y, l) => apply(l, y), x) });
}

const smallSequential = (tf: Tf): tfjs.LayersModel =>
  tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [5], units: 4, activation: 'tanh' }),
      tf.layers.batchNormalization(),
      tf.layers.dense({ units: 3, kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) }),
    ],
  });

/** Keras 3's functional format and weight names; Keras 2's aliases and Sequential forms. */
export const SPELLING_CASES: readonly CorpusCase[] = [
  {
    id: 'keras3-functional',
    covers: ['Keras 3 Functional', 'batch_shape', 'DTypePolicy', 'negative_slope', 'Keras 3 inbound nodes', 'L1 / L2 regularizers'],
    build: (tf) => keras3Named(tf, 'functional'),
    samples: [{ shape: [6, 6, 3] }, { shape: [5] }],
    edit: keras3Functional,
  },
  {
    id: 'keras3-weight-names',
    covers: ['model/layer/weight:0 names', 'three shards'],
    build: (tf) => keras3Named(tf, 'model'),
    samples: [{ shape: [6, 6, 3] }, { shape: [5] }],
    edit: (json) => keras3WeightNames(json),
    shards: 3,
  },
  {
    id: 'keras3-functional-weight-names',
    covers: ['Keras 3 Functional', 'model/layer/weight:0 names'],
    build: (tf) => keras3Named(tf, 'functional_1'),
    samples: [{ shape: [6, 6, 3] }, { shape: [5] }],
    edit: (json, model) => keras3WeightNames(keras3Functional(json, model)),
  },
  {
    id: 'keras3-sequential',
    covers: ['Keras 3 Sequential', 'batch_shape', 'DTypePolicy', 'L2 regularizer'],
    build: smallSequential,
    samples: [{ shape: [5] }],
    edit: keras3Sequential,
  },
  {
    id: 'keras2-aliases',
    covers: ['Convolution2D', 'MaxPool2D', 'SeparableConvolution2D', 'Convolution2DTranspose', 'AvgPool2D', 'GlobalMaxPool2D'],
    build: aliased,
    samples: [{ shape: [8, 8, 2] }],
    edit: keras2Aliases({
      Conv2D: 'Convolution2D',
      MaxPooling2D: 'MaxPool2D',
      SeparableConv2D: 'SeparableConvolution2D',
      Conv2DTranspose: 'Convolution2DTranspose',
      AveragePooling2D: 'AvgPool2D',
      GlobalMaxPooling2D: 'GlobalMaxPool2D',
    }),
  },
  {
    id: 'keras2-sequential-input-layer',
    covers: ['Keras 2 Sequential with an InputLayer'],
    build: smallSequential,
    samples: [{ shape: [5] }],
    edit: keras2SequentialInput,
  },
  {
    id: 'keras2-bare-sequential',
    covers: ['Keras 2.2 Sequential config as a bare list'],
    build: smallSequential,
    samples: [{ shape: [5] }],
    edit: keras2BareSequential,
  },
];
