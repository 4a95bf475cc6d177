import { activationParam, paddingParam, weightParams } from './common-params';
import { convInfer, convWeights } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { int, ints } from './params';

const params = {
  filters: int(16, 'Number of filters, i.e. output channels.', { min: 1 }),
  kernel_size: ints([3, 3, 3], 'Depth, height and width of each filter window.', { length: 3, min: 1 }),
  strides: ints([1, 1, 1], 'Step of the window along depth, height and width; 2 halves the output size.', { length: 3, min: 1 }),
  padding: paddingParam(),
  dilation_rate: ints([1, 1, 1], 'Spacing between filter taps (atrous convolution); needs strides of 1.', { length: 3, min: 1 }),
  activation: activationParam(),
  ...weightParams,
};

/** 3-D convolution over volumes or clips `(batch, depth, height, width, channels)`. */
export const conv3d = defineLayer({
  kind: 'Conv3D',
  kerasClass: 'Conv3D',
  category: 'Convolution',
  keywords: ['volume', 'video', '3d', 'cnn'],
  description:
    'Slides learned 3-D filters through a volume (batch, depth, height, width, channels): video clips, medical scans. Outputs one feature volume per filter.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: convInfer(3, 'Conv3D'),
  countParams: convWeights,
  toTfjs: (tf, p, name) => tf.layers.conv3d(tfjsConfig(tf, params, p, name)),
});
