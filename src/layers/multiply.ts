import { elementwiseMergeLayer } from './merge';

/** Multiply: Multiplies its inputs elementwise; all must have the same shape. Used for gating. */
export const multiply = elementwiseMergeLayer({
  kind: 'Multiply',
  description: 'Multiplies its inputs elementwise; all must have the same shape. Used for gating.',
  build: (tf, config) => tf.layers.multiply(config),
});
