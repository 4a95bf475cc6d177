import { activationParam, paddingParam } from './common-params';
import { isProblem, windowOutput } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { INITIALIZERS } from './keras-values';
import { bool, choice, float, int, ints } from './params';
import { known, ok, size } from './shape-utils';
import { lastDim } from '../graph/shape';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  kernel_size: ints([3, 3], 'Height and width of each filter window.', { length: 2, min: 1 }),
  strides: ints([1, 1], 'Step of the window along height and width.', { length: 2, min: 1 }),
  padding: paddingParam(),
  depth_multiplier: int(1, 'Output channels per input channel.', { min: 1 }),
  dilation_rate: ints([1, 1], 'Spacing between filter taps; needs strides of 1.', { length: 2, min: 1 }),
  activation: activationParam(),
  use_bias: bool(true, 'Add a learned bias to each output channel.'),
  depthwise_initializer: choice(INITIALIZERS, 'glorot_uniform', 'How the depthwise filters start before training.'),
  depthwise_l1: float(0, 'L1 penalty on the depthwise filters (depthwise_regularizer).', { min: 0 }),
  depthwise_l2: float(0, 'L2 penalty on the depthwise filters (depthwise_regularizer).', { min: 0 }),
};

/** Convolves each channel with its own filter(s); no mixing across channels. */
export const depthwiseConv2d = defineLayer({
  kind: 'DepthwiseConv2D',
  kerasClass: 'DepthwiseConv2D',
  category: 'Convolution',
  keywords: ['image', 'cnn', 'mobilenet', 'vision'],
  description: 'Filters each input channel separately (no mixing across channels); far fewer weights than Conv2D. The building block of MobileNet.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['kernel_size'],
  kerasRequired: ['kernel_size'],
  inferShape: ([input = []], p, ctx) => {
    const win = { kernel: p.kernel_size, strides: p.strides, padding: p.padding, dilation: p.dilation_rate };
    const out = windowOutput(input, 2, win, 'DepthwiseConv2D', ctx);
    if (isProblem(out)) return out;
    const shape = [null, ...out.dims, out.channels * p.depth_multiplier];
    if (!p.dilation_rate.some((d) => d > 1)) return ok(shape);
    const message = `TF.js cannot train DepthwiseConv2D with dilation_rate above 1 (it can run it); set dilation_rate to 1 to train ${ctx.name} in the browser`;
    return {
      ok: true,
      shape,
      warnings: [{ code: 'cannot-train', message, fix: { kind: 'set-param', label: 'Use dilation 1', param: 'dilation_rate', value: [1, 1] } }],
    };
  },
  countParams: ([input = []], p) => {
    const outChannels = known(lastDim(input)) * p.depth_multiplier;
    return { trainable: size(...p.kernel_size, outChannels) + (p.use_bias ? outChannels : 0), nonTrainable: 0 };
  },
  // Netloom's class: tfjs's ignores dilation_rate (tfjs-extra/depthwise.ts).
  toTfjs: (tf, p, name) => netloomLayer(tf, 'DepthwiseConv2D', tfjsConfig(tf, params, p, name)),
});
