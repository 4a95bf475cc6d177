import { activationParam, paddingParam, weightParams } from './common-params';
import { convInfer, convWeights } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { int, ints } from './params';

const params = {
  filters: int(32, 'Number of filters, i.e. output channels.', { min: 1 }),
  kernel_size: ints([3], 'Length of each filter window along the steps.', { length: 1, min: 1 }),
  strides: ints([1], 'Step of the window along the sequence.', { length: 1, min: 1 }),
  padding: paddingParam(),
  dilation_rate: ints([1], 'Spacing between filter taps; needs a stride of 1.', { length: 1, min: 1 }),
  activation: activationParam(),
  ...weightParams,
};

/** 1-D convolution over sequences `(batch, steps, channels)`. */
export const conv1d = defineLayer({
  kind: 'Conv1D',
  kerasClass: 'Conv1D',
  category: 'Convolution',
  keywords: ['text', 'sequence', 'time series', 'audio', 'signal', 'cnn'],
  description: 'Slides learned filters along a sequence (batch, steps, channels): time series, audio or embedded text.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: convInfer(1, 'Conv1D'),
  countParams: convWeights,
  toTfjs: (tf, p, name) => tf.layers.conv1d(tfjsConfig(tf, params, p, name)),
});
