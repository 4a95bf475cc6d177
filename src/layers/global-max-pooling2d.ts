import { globalPoolingLayer } from './global-pooling';

/** GlobalMaxPooling2D: Takes the maximum of each feature map, giving one value per channel. */
export const globalMaxPooling2d = globalPoolingLayer({
  kind: 'GlobalMaxPooling2D',
  n: 2,
  description: 'Takes the maximum of each feature map, giving one value per channel.',
  build: (tf, config) => tf.layers.globalMaxPooling2d(config),
});
