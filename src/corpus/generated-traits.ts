/**
 * Corpus recipes for traits of real files rather than layer classes (test support): frozen
 * layers, unknown sizes, uneven padding and cropping, several inputs and outputs, a residual
 * graph, a Sequential model.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { netloomLayer } from '../layers/tfjs-extra';
import { apply, chainCase } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/** Two inputs declared in the opposite order to the one they are made in; two outputs. */
function multiInputOutput(tf: Tf): tfjs.LayersModel {
  const image = tf.input({ shape: [6, 6, 1], name: 'image' });
  const vector = tf.input({ shape: [4], name: 'vector' });
  const seen = apply(tf.layers.flatten(), apply(tf.layers.conv2d({ filters: 2, kernelSize: 3, strides: 2 }), image));
  const read = apply(tf.layers.dense({ units: 3, activation: 'tanh' }), vector);
  const both = apply(tf.layers.concatenate(), [seen, read]);
  const classes = apply(tf.layers.dense({ units: 3, activation: 'softmax', name: 'classes' }), both);
  const value = apply(tf.layers.dense({ units: 1, name: 'value' }), apply(tf.layers.add(), [read, apply(tf.layers.dense({ units: 3 }), both)]));
  return tf.model({ inputs: [vector, image], outputs: [value, classes], name: 'two_heads' });
}

/** Two residual blocks (the second with a strided projection) and a skip over both of them. */
function residual(tf: Tf): tfjs.LayersModel {
  const x = tf.input({ shape: [8, 8, 3] });
  const stem = apply(tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }), x);
  const conv = (filters: number, strides = 1) => tf.layers.conv2d({ filters, kernelSize: 3, strides, padding: 'same', useBias: false });
  let y = apply(tf.layers.activation({ activation: 'relu' }), apply(tf.layers.batchNormalization(), apply(conv(4), stem)));
  y = apply(tf.layers.batchNormalization(), apply(conv(4), y));
  const block1 = apply(tf.layers.activation({ activation: 'relu' }), apply(tf.layers.add(), [stem, y]));
  let z = apply(tf.layers.activation({ activation: 'tanh' }), apply(conv(6, 2), block1));
  z = apply(conv(6), z);
  const shortcut = apply(tf.layers.conv2d({ filters: 6, kernelSize: 1, strides: 2 }), block1);
  const block2 = apply(tf.layers.add(), [shortcut, z]);
  const pooled = [apply(tf.layers.globalAveragePooling2d({}), stem), apply(tf.layers.globalMaxPooling2d({}), block2)];
  return tf.model({ inputs: x, outputs: apply(tf.layers.dense({ units: 3 }), apply(tf.layers.concatenate(), pooled)) });
}

/** Frozen layers, unknown sizes, uneven padding and cropping, several inputs and outputs, a DAG, a Sequential. */
export const TRAIT_CASES: readonly CorpusCase[] = [
  chainCase('frozen-layers', ['trainable false', 'BatchNormalization'], [6, 6, 3], (tf) => [
    tf.layers.conv2d({ filters: 4, kernelSize: 3, trainable: false }),
    tf.layers.batchNormalization({ trainable: false }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
    tf.layers.batchNormalization({ center: false }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 3, trainable: false }),
    tf.layers.dense({ units: 2 }),
  ]),
  {
    id: 'unknown-image-size',
    covers: ['Input (None, None, 3)', 'Conv2D', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D'],
    build: (tf) => {
      const x = tf.input({ shape: [null, null, 3] });
      let y = apply(tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }), x);
      y = apply(tf.layers.batchNormalization(), y);
      y = apply(tf.layers.separableConv2d({ filters: 3, kernelSize: 3, activation: 'tanh' }), y);
      const pooled = [apply(tf.layers.globalAveragePooling2d({}), y), apply(tf.layers.globalMaxPooling2d({}), y)];
      return tf.model({ inputs: x, outputs: apply(tf.layers.dense({ units: 2 }), apply(tf.layers.concatenate(), pooled)) });
    },
    samples: [{ shape: [9, 11, 3] }],
  },
  chainCase(
    'unknown-sequence-length',
    ['Input (None,)', 'Embedding mask_zero', 'LSTM'],
    [null],
    (tf) => [tf.layers.embedding({ inputDim: 30, outputDim: 4, maskZero: true }), tf.layers.lstm({ units: 3 }), tf.layers.dense({ units: 2 })],
    { shape: [6], ids: 30 },
  ),
  chainCase(
    'masked-bidirectional',
    ['Input (None,)', 'Embedding mask_zero', 'Bidirectional', 'GRU'],
    [null],
    (tf) => [
      tf.layers.embedding({ inputDim: 12, outputDim: 3, maskZero: true }),
      tf.layers.bidirectional({ layer: tf.layers.gru({ units: 2, returnSequences: true }) }),
      tf.layers.lstm({ units: 2 }),
    ],
    { shape: [7], ids: 12 },
  ),
  chainCase('uneven-padding-cropping', ['ZeroPadding2D', 'Cropping2D', 'ZeroPadding1D'], [7, 6, 2], (tf) => [
    tf.layers.zeroPadding2d({
      padding: [
        [0, 1],
        [2, 0],
      ],
    }),
    tf.layers.conv2d({ filters: 2, kernelSize: 3 }),
    netloomLayer(tf, 'Cropping2D', {
      cropping: [
        [1, 0],
        [0, 2],
      ],
    }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
    tf.layers.reshape({ targetShape: [12, 2] }),
    netloomLayer(tf, 'ZeroPadding1D', { padding: [0, 3] }),
    tf.layers.conv1d({ filters: 2, kernelSize: 4 }),
  ]),
  {
    id: 'uneven-padding-cropping-unknown-size',
    covers: ['Input (None, None, 2)', 'ZeroPadding2D', 'Cropping2D'],
    build: (tf) => {
      const x = tf.input({ shape: [null, null, 2] });
      const layers = [
        tf.layers.zeroPadding2d({
          padding: [
            [3, 0],
            [1, 2],
          ],
        }),
        tf.layers.conv2d({ filters: 3, kernelSize: 2 }),
        netloomLayer(tf, 'Cropping2D', {
          cropping: [
            [0, 2],
            [1, 0],
          ],
        }),
        tf.layers.globalMaxPooling2d({}),
        tf.layers.dense({ units: 2 }),
      ];
      return tf.model({ inputs: x, outputs: layers.reduce<tfjs.SymbolicTensor>((y, l) => apply(l, y), x) });
    },
    samples: [{ shape: [6, 7, 2] }],
  },
  {
    id: 'multi-input-output',
    covers: ['two inputs', 'two outputs', 'Concatenate', 'Add'],
    build: multiInputOutput,
    samples: [{ shape: [4] }, { shape: [6, 6, 1] }],
  },
  { id: 'residual', covers: ['residual DAG', 'Add', 'BatchNormalization'], build: residual, samples: [{ shape: [8, 8, 3] }] },
  {
    id: 'sequential',
    covers: ['Sequential'],
    build: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 3, kernelSize: 2, activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dropout({ rate: 0.5 }),
          tf.layers.dense({ units: 4, activation: 'tanh' }),
          tf.layers.dense({ units: 2, activation: 'softmax' }),
        ],
      }),
    samples: [{ shape: [6, 6, 2] }],
  },
  {
    id: 'sequential-recurrent',
    covers: ['Sequential', 'GRU', 'TimeDistributed'],
    build: (tf) =>
      tf.sequential({
        layers: [tf.layers.gru({ inputShape: [5, 3], units: 4, returnSequences: true }), tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) })],
      }),
    samples: [{ shape: [5, 3] }],
  },
];
