import { lastDim } from '../graph/shape';
import { activationParam, paddingParam, weightParams } from './common-params';
import { isProblem, windowOutput } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { int, ints } from './params';
import { known, ok, size } from './shape-utils';

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
  description: 'Slides learned filters along a sequence (batch, steps, channels): time series, audio or embedded text.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  inferShape: ([input = []], p, ctx) => {
    const win = { kernel: p.kernel_size, strides: p.strides, padding: p.padding, dilation: p.dilation_rate };
    const out = windowOutput(input, 1, win, 'Conv1D', ctx);
    return isProblem(out) ? out : ok([null, ...out.dims, p.filters]);
  },
  countParams: ([input = []], p) => ({
    trainable: size(...p.kernel_size, known(lastDim(input)), p.filters) + (p.use_bias ? p.filters : 0),
    nonTrainable: 0,
  }),
  toTfjs: (tf, p, name) => tf.layers.conv1d(tfjsConfig(tf, params, p, name)),
});
