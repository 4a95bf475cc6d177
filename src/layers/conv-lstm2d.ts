import { paddingParam } from './common-params';
import { dilationWarnings, isProblem, windowOutput } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { int, ints } from './params';
import { recurrentActivationParam, rnnParams } from './recurrent';
import { checkRank, fail, fromWhat, known, size } from './shape-utils';
import { formatShape, lastDim } from '../graph/shape';

const params = {
  filters: int(16, 'Number of filters, i.e. channels of the state and of the output.', { min: 1 }),
  kernel_size: ints([3, 3], 'Height and width of each filter window, on the input and on the state.', { length: 2, min: 1 }),
  strides: ints([1, 1], 'Step of the input window along rows and columns; 2 halves the output size.', { length: 2, min: 1 }),
  padding: paddingParam(),
  dilation_rate: ints([1, 1], 'Spacing between taps of the input window; needs strides of 1.', { length: 2, min: 1 }),
  activation: rnnParams.activation,
  recurrent_activation: recurrentActivationParam(),
  use_bias: rnnParams.use_bias,
  return_sequences: {
    ...rnnParams.return_sequences,
    help: 'Output the state at every step (None, time, rows, cols, filters) instead of only the last (None, rows, cols, filters); needed to stack ConvLSTM2D layers.',
  },
  go_backwards: rnnParams.go_backwards,
  dropout: rnnParams.dropout,
  recurrent_dropout: rnnParams.recurrent_dropout,
  kernel_initializer: rnnParams.kernel_initializer,
  recurrent_initializer: rnnParams.recurrent_initializer,
  kernel_l1: rnnParams.kernel_l1,
  kernel_l2: rnnParams.kernel_l2,
};

/**
 * An LSTM whose gates are convolutions, over sequences of images `(batch, time, rows, cols,
 * channels)`. As in lstm.ts, the forget-gate bias starts at 1 (Keras's unit_forget_bias=True, which
 * tfjs leaves off by default) and the gate activation is always written out (tfjs defaults to
 * hard_sigmoid, Keras to sigmoid).
 */
export const convLstm2d = defineLayer({
  kind: 'ConvLSTM2D',
  kerasClass: 'ConvLSTM2D',
  category: 'Recurrent',
  keywords: ['video', 'sequence', 'image', 'rnn'],
  description:
    'An LSTM whose gates are convolutions: reads a sequence of images (batch, time, rows, cols, channels) and keeps a state that is itself an image, e.g. for weather radar or video frames.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 5, 'ConvLSTM2D', '(batch, time, rows, cols, channels)', ctx);
    if (wrong) return wrong;
    if (input[2] === null || input[3] === null) {
      // Keras builds ConvLSTM2D only for one frame size, so the exported model would not build.
      return fail(
        'unknown-dim',
        `ConvLSTM2D ${ctx.name} needs known rows and cols (Keras requires a fixed frame size), got ${formatShape(input)}${fromWhat(ctx)}`,
      );
    }
    // Each step is a Conv2D over one frame; the time axis passes through.
    const frame = [input[0] ?? null, ...input.slice(2)];
    const win = { kernel: p.kernel_size, strides: p.strides, padding: p.padding, dilation: p.dilation_rate };
    const out = windowOutput(frame, 2, win, 'ConvLSTM2D', ctx);
    if (isProblem(out)) return out;
    const shape = p.return_sequences ? [null, input[1] ?? null, ...out.dims, p.filters] : [null, ...out.dims, p.filters];
    return { ok: true, shape, warnings: dilationWarnings('ConvLSTM2D', ctx, p) };
  },
  countParams: ([input = []], p) => {
    // Four gates, each an input kernel, a recurrent (state) kernel and a bias.
    const gates = 4 * p.filters;
    const kernel = size(...p.kernel_size, known(lastDim(input)), gates);
    const recurrent = size(...p.kernel_size, p.filters, gates);
    return { trainable: kernel + recurrent + (p.use_bias ? gates : 0), nonTrainable: 0 };
  },
  toTfjs: (tf, p, name) => tf.layers.convLstm2d({ ...tfjsConfig<Parameters<typeof tf.layers.convLstm2d>[0]>(tf, params, p, name), unitForgetBias: true }),
});
