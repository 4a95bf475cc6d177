import { poolingLayer } from './pooling';

/** AveragePooling3D: averages each 3-D window of a volume. */
export const averagePooling3d = poolingLayer({
  kind: 'AveragePooling3D',
  n: 3,
  description: 'Averages each window of the volume, halving depth, height and width with the default 2x2x2 pool.',
  build: (tf, config) => tf.layers.averagePooling3d(config),
});
