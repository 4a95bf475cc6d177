import { elementwiseMergeLayer } from './merge';

/** Average: Averages its inputs elementwise; all must have the same shape. Used to ensemble branches. */
export const average = elementwiseMergeLayer({
  kind: 'Average',
  description: 'Averages its inputs elementwise; all must have the same shape. Used to ensemble branches.',
  build: (tf, config) => tf.layers.average(config),
});
