import { formatShape, lastDim } from '../graph/shape';
import type { Shape } from '../graph/types';
import { activationParam } from './common-params';
import { INITIALIZERS } from './keras-values';
import type { InferResult, ShapeContext } from './layer-spec';
import { bool, choice, float, int } from './params';
import { fail, known, ok } from './shape-utils';

/** Parameters every recurrent layer shares. */
export const rnnParams = {
  units: int(32, 'Size of the hidden state, i.e. of the output at each step.', { min: 1 }),
  activation: activationParam('tanh'),
  use_bias: bool(true, 'Add learned biases.'),
  return_sequences: bool(
    false,
    'Output the state at every step (None, steps, units) instead of only the last (None, units); needed to stack recurrent layers.',
  ),
  go_backwards: bool(false, 'Read the sequence from the end.'),
  dropout: float(0, 'Fraction of the inputs dropped at each step while training.', { min: 0, max: 1, maxExclusive: true }),
  recurrent_dropout: float(0, 'Fraction of the state dropped at each step while training.', { min: 0, max: 1, maxExclusive: true }),
  kernel_initializer: choice(INITIALIZERS, 'glorot_uniform', 'How the input weights start before training.'),
  recurrent_initializer: choice(INITIALIZERS, 'orthogonal', 'How the state-to-state weights start before training.'),
  kernel_l1: float(0, 'L1 penalty on the input weights (kernel_regularizer).', { min: 0 }),
  kernel_l2: float(0, 'L2 penalty on the input weights (kernel_regularizer).', { min: 0 }),
};

/**
 * The gate activation of LSTM and GRU. tfjs defaults to hard_sigmoid and Keras to sigmoid, so it
 * is always written out.
 */
export const recurrentActivationParam = () => choice(['sigmoid', 'hard_sigmoid'] as const, 'sigmoid', 'Activation of the gates.', { alwaysEmit: true });

/** Output shape of a recurrent layer over `(batch, steps, features)`. */
export function rnnShape(input: Shape, units: number, returnSequences: boolean, kerasClass: string, ctx: ShapeContext): InferResult {
  if (input.length !== 3) {
    const hint = input.length === 2 ? '; put an Embedding (token ids) or a Reshape before it' : '';
    return fail('wrong-rank', `${kerasClass} needs a 3-D input (batch, steps, features) but ${ctx.name} gets ${formatShape(input)}${hint}`);
  }
  if (lastDim(input) === null) return fail('unknown-dim', `${kerasClass} ${ctx.name} needs a known number of features`);
  return ok(returnSequences ? [null, input[1] ?? null, units] : [null, units]);
}

/** Weights of a recurrent cell with `gates` blocks (SimpleRNN 1, GRU 3, LSTM 4). */
export function rnnWeights(input: Shape, units: number, useBias: boolean, gates: number): number {
  const features = known(lastDim(input));
  return gates * (features * units + units * units + (useBias ? units : 0));
}
