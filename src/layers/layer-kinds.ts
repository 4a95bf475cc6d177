/**
 * Every layer kind Netloom offers, in palette order. Adding one: a file in this folder, a name
 * here, a line in registry.ts (a compile error until it is there) and a row in the parity table.
 */
export const LAYER_KINDS = [
  'Input',
  'Dense',
  'Activation',
  'ReLU',
  'LeakyReLU',
  'PReLU',
  'ELU',
  'ThresholdedReLU',
  'Softmax',
  'Flatten',
  'Reshape',
  'Embedding',
  'Conv1D',
  'Conv2D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'Conv2DTranspose',
  'ZeroPadding2D',
  'UpSampling2D',
  'MaxPooling1D',
  'MaxPooling2D',
  'AveragePooling1D',
  'AveragePooling2D',
  'GlobalAveragePooling1D',
  'GlobalMaxPooling1D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'RNN',
  'Bidirectional',
  'TimeDistributed',
  'BatchNormalization',
  'LayerNormalization',
  'Dropout',
  'Add',
  'Concatenate',
  'Multiply',
  'Average',
] as const;

/** A layer kind; equal to its Keras class name except `Input` (Keras `InputLayer`). */
export type LayerKind = (typeof LAYER_KINDS)[number];
