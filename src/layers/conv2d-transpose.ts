import { activationParam, paddingParam, weightParams } from './common-params';
import { convInfer, convWeights } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { int, ints } from './params';

const params = {
  filters: int(32, 'Number of output channels.', { min: 1 }),
  kernel_size: ints([3, 3], 'Height and width of each filter window.', { length: 2, min: 1 }),
  strides: ints([1, 1], 'Upsampling factor along height and width; 2 doubles the size.', { length: 2, min: 1 }),
  padding: paddingParam(),
  activation: activationParam(),
  ...weightParams,
};

/** Transposed ("de-")convolution: learns to upsample feature maps. */
export const conv2dTranspose = defineLayer({
  kind: 'Conv2DTranspose',
  kerasClass: 'Conv2DTranspose',
  category: 'Convolution',
  keywords: ['image', 'upsample', 'deconvolution', 'decoder', 'autoencoder', 'cnn'],
  description: "Transposed convolution: the reverse of Conv2D's shape change, so strides enlarge the image. Used in decoders and generators.",
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: convInfer(2, 'Conv2DTranspose', true),
  countParams: convWeights,
  toTfjs: (tf, p, name) => tf.layers.conv2dTranspose(tfjsConfig(tf, params, p, name)),
});
