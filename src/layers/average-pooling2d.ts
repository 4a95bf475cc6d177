import { poolingLayer } from './pooling';

/** AveragePooling2D: Averages each window of the image, halving height and width with the default 2x2 pool. */
export const averagePooling2d = poolingLayer({
  kind: 'AveragePooling2D',
  n: 2,
  description: 'Averages each window of the image, halving height and width with the default 2x2 pool.',
  build: (tf, config) => tf.layers.averagePooling2d(config),
});
