import { globalPoolingLayer } from './global-pooling';

/** GlobalAveragePooling2D: Averages each feature map to one value, giving one value per channel; a light alternative to Flatten before the classifier. */
export const globalAveragePooling2d = globalPoolingLayer({
  kind: 'GlobalAveragePooling2D',
  n: 2,
  description: 'Averages each feature map to one value, giving one value per channel; a light alternative to Flatten before the classifier.',
  build: (tf, config) => tf.layers.globalAveragePooling2d(config),
});
