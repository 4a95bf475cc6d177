import { activationParam, paddingParam } from './common-params';
import { isProblem, windowOutput } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { INITIALIZERS } from './keras-values';
import { bool, choice, float, int, ints } from './params';
import { known, ok, size } from './shape-utils';
import { lastDim } from '../graph/shape';

const params = {
  filters: int(32, 'Number of output channels (pointwise filters).', { min: 1 }),
  kernel_size: ints([3, 3], 'Height and width of each depthwise filter window.', { length: 2, min: 1 }),
  strides: ints([1, 1], 'Step of the window along height and width.', { length: 2, min: 1 }),
  padding: paddingParam(),
  depth_multiplier: int(1, 'Depthwise output channels per input channel.', { min: 1 }),
  dilation_rate: ints([1, 1], 'Spacing between filter taps; needs strides of 1.', { length: 2, min: 1 }),
  activation: activationParam(),
  use_bias: bool(true, 'Add a learned bias to each output channel.'),
  depthwise_initializer: choice(INITIALIZERS, 'glorot_uniform', 'How the depthwise filters start before training.'),
  pointwise_initializer: choice(INITIALIZERS, 'glorot_uniform', 'How the 1x1 pointwise filters start before training.'),
  depthwise_l1: float(0, 'L1 penalty on the depthwise filters.', { min: 0 }),
  depthwise_l2: float(0, 'L2 penalty on the depthwise filters.', { min: 0 }),
  pointwise_l1: float(0, 'L1 penalty on the pointwise filters.', { min: 0 }),
  pointwise_l2: float(0, 'L2 penalty on the pointwise filters.', { min: 0 }),
};

/** A depthwise convolution followed by a 1x1 convolution that mixes channels. */
export const separableConv2d = defineLayer({
  kind: 'SeparableConv2D',
  kerasClass: 'SeparableConv2D',
  category: 'Convolution',
  keywords: ['image', 'cnn', 'xception', 'vision'],
  description: 'A depthwise convolution per channel followed by a 1x1 convolution that mixes channels: Conv2D-like results with far fewer weights (Xception).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: ([input = []], p, ctx) => {
    const win = { kernel: p.kernel_size, strides: p.strides, padding: p.padding, dilation: p.dilation_rate };
    const out = windowOutput(input, 2, win, 'SeparableConv2D', ctx);
    return isProblem(out) ? out : ok([null, ...out.dims, p.filters]);
  },
  countParams: ([input = []], p) => {
    const mid = known(lastDim(input)) * p.depth_multiplier;
    return {
      trainable: size(...p.kernel_size, mid) + mid * p.filters + (p.use_bias ? p.filters : 0),
      nonTrainable: 0,
    };
  },
  toTfjs: (tf, p, name) => tf.layers.separableConv2d(tfjsConfig(tf, params, p, name)),
});
