import { activationParam, paddingParam, weightParams } from './common-params';
import { convInfer, convWeights } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { int, ints } from './params';

const params = {
  filters: int(32, 'Number of filters, i.e. output channels.', { min: 1 }),
  kernel_size: ints([3, 3], 'Height and width of each filter window.', { length: 2, min: 1 }),
  strides: ints([1, 1], 'Step of the window along height and width; 2 halves the output size.', { length: 2, min: 1 }),
  padding: paddingParam(),
  dilation_rate: ints([1, 1], 'Spacing between filter taps (atrous convolution); needs strides of 1.', { length: 2, min: 1 }),
  activation: activationParam(),
  ...weightParams,
};

/** 2-D convolution over images `(batch, height, width, channels)`. */
export const conv2d = defineLayer({
  kind: 'Conv2D',
  kerasClass: 'Conv2D',
  category: 'Convolution',
  keywords: ['image', 'cnn', 'convnet', 'vision', 'photo', 'picture', 'kernel', 'filter'],
  description: 'Slides learned filters over an image (batch, height, width, channels) and outputs one feature map per filter.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: convInfer(2, 'Conv2D'),
  countParams: convWeights,
  toTfjs: (tf, p, name) => tf.layers.conv2d(tfjsConfig(tf, params, p, name)),
});
