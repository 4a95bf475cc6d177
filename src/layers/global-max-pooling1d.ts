import { globalPoolingLayer } from './global-pooling';

/** GlobalMaxPooling1D: Takes the maximum over all steps, giving one value per channel. */
export const globalMaxPooling1d = globalPoolingLayer({
  kind: 'GlobalMaxPooling1D',
  n: 1,
  description: 'Takes the maximum over all steps, giving one value per channel.',
  build: (tf, config) => tf.layers.globalMaxPooling1d(config),
});
