import { poolingLayer } from './pooling';

/** MaxPooling2D: Keeps the largest value in each window of the image, halving height and width with the default 2x2 pool. */
export const maxPooling2d = poolingLayer({
  kind: 'MaxPooling2D',
  n: 2,
  description: 'Keeps the largest value in each window of the image, halving height and width with the default 2x2 pool.',
  build: (tf, config) => tf.layers.maxPooling2d(config),
});
