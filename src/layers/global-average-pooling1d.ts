import { globalPoolingLayer } from './global-pooling';

/** GlobalAveragePooling1D: Averages over all steps, giving one value per channel. */
export const globalAveragePooling1d = globalPoolingLayer({
  kind: 'GlobalAveragePooling1D',
  n: 1,
  description: 'Averages over all steps, giving one value per channel.',
  build: (tf, config) => tf.layers.globalAveragePooling1d(config),
});
