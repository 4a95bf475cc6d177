import { elementwiseMergeLayer } from './merge';

/** Add: Adds its inputs elementwise; all must have the same shape. The skip connection of residual networks (ResNet). */
export const add = elementwiseMergeLayer({
  kind: 'Add',
  description: 'Adds its inputs elementwise; all must have the same shape. The skip connection of residual networks (ResNet).',
  keywords: ['residual', 'skip connection', 'sum', 'resnet', 'combine'],
  build: (tf, config) => tf.layers.add(config),
});
