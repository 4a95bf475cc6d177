import { poolingLayer } from './pooling';

/** AveragePooling1D: Averages each window along the sequence, shrinking it by the pool size. */
export const averagePooling1d = poolingLayer({
  kind: 'AveragePooling1D',
  n: 1,
  description: 'Averages each window along the sequence, shrinking it by the pool size.',
  build: (tf, config) => tf.layers.averagePooling1d(config),
});
