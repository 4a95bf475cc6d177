import { elementwiseMergeLayer } from './merge';
import { netloomLayer } from './tfjs-extra';

/** Maximum: the elementwise maximum of its inputs, which must have the same shape. */
export const maximum = elementwiseMergeLayer({
  kind: 'Maximum',
  description: 'Takes the elementwise maximum of its inputs; all must have the same shape. Keeps the strongest response of several branches.',
  // Netloom's class: tfjs's own cannot train when one input broadcasts (size 1 on an axis).
  build: (tf, config) => netloomLayer(tf, 'Maximum', config),
});
