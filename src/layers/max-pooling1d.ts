import { poolingLayer } from './pooling';

/** MaxPooling1D: Keeps the largest value in each window along the sequence, shrinking it by the pool size. */
export const maxPooling1d = poolingLayer({
  kind: 'MaxPooling1D',
  n: 1,
  description: 'Keeps the largest value in each window along the sequence, shrinking it by the pool size.',
  build: (tf, config) => tf.layers.maxPooling1d(config),
});
