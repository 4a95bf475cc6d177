import { ACTIVATIONS, INITIALIZERS } from './keras-values';
import { bool, choice, float } from './params';

/** `activation`, defaulting to Keras's `linear` unless a layer says otherwise. */
export const activationParam = (def: (typeof ACTIVATIONS)[number] = 'linear') =>
  choice(ACTIVATIONS, def, 'Function applied to the output: relu for hidden layers, softmax or sigmoid for class outputs, linear for regression.');

/** The weight parameters Dense and convolution layers share. */
export const weightParams = {
  use_bias: bool(true, 'Add a learned bias to each output.'),
  kernel_initializer: choice(INITIALIZERS, 'glorot_uniform', 'How the weights start before training; he_* suits relu layers.'),
  kernel_l1: float(0, 'L1 penalty on the weights (kernel_regularizer); pushes weights to exactly zero.', { min: 0 }),
  kernel_l2: float(0, 'L2 penalty on the weights (kernel_regularizer, weight decay); keeps weights small.', { min: 0 }),
  bias_initializer: choice(INITIALIZERS, 'zeros', 'How the biases start before training.', { advanced: true }),
  bias_l1: float(0, 'L1 penalty on the biases (bias_regularizer).', { min: 0, advanced: true }),
  bias_l2: float(0, 'L2 penalty on the biases (bias_regularizer).', { min: 0, advanced: true }),
};

/** `padding` for convolution and pooling windows. */
export const paddingParam = () =>
  choice(
    ['valid', 'same'] as const,
    'valid',
    '"valid" uses no padding, so the output shrinks; "same" pads so that with stride 1 the output keeps the input size.',
  );
