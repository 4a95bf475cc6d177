import { elementwiseMergeLayer } from './merge';
import { netloomLayer } from './tfjs-extra';

/** Minimum: the elementwise minimum of its inputs, which must have the same shape. */
export const minimum = elementwiseMergeLayer({
  kind: 'Minimum',
  description: 'Takes the elementwise minimum of its inputs; all must have the same shape.',
  // Netloom's class: tfjs's own cannot train when one input broadcasts (size 1 on an axis).
  build: (tf, config) => netloomLayer(tf, 'Minimum', config),
});
