import { poolingLayer } from './pooling';

/** MaxPooling3D: keeps the largest value in each 3-D window of a volume. */
export const maxPooling3d = poolingLayer({
  kind: 'MaxPooling3D',
  n: 3,
  description: 'Keeps the largest value in each window of the volume, halving depth, height and width with the default 2x2x2 pool.',
  build: (tf, config) => tf.layers.maxPooling3d(config),
});
