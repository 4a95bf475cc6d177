import { activationParam, paddingParam, weightParams } from './common-params';
import { convInfer, convWeights } from './conv-shape';
import { defineLayer, tfjsConfig } from './define-layer';
import type { InferResult } from './layer-spec';
import { int, ints } from './params';

const params = {
  filters: int(16, 'Number of output channels.', { min: 1 }),
  kernel_size: ints([3, 3, 3], 'Depth, height and width of each filter window.', { length: 3, min: 1 }),
  strides: ints([1, 1, 1], 'Upsampling factor along depth, height and width; 2 doubles the size.', { length: 3, min: 1 }),
  padding: paddingParam(),
  activation: activationParam(),
  ...weightParams,
};

const shape = convInfer(3, 'Conv3DTranspose', true);

/**
 * Transposed 3-D convolution. Output lengths follow Keras's deconv_output_length, which tfjs 4.22
 * shares: `length * stride` with "same", `length * stride + max(kernel - stride, 0)` with "valid".
 */
export const conv3dTranspose = defineLayer({
  kind: 'Conv3DTranspose',
  kerasClass: 'Conv3DTranspose',
  category: 'Convolution',
  keywords: ['volume', 'video', 'upsample', 'deconvolution', 'decoder'],
  description: "Transposed 3-D convolution: the reverse of Conv3D's shape change, so strides enlarge the volume. Used in 3-D decoders and video generators.",
  params,
  arity: { min: 1, max: 1 },
  positional: ['filters', 'kernel_size'],
  kerasRequired: ['filters', 'kernel_size'],
  inferShape: (inputs, p, ctx): InferResult => {
    const out = shape(inputs, p, ctx);
    if (!out.ok) return out;
    // tfjs 4.22 registers no gradient for the Conv3DBackpropInputV2 kernel this layer runs on.
    const warning = {
      code: 'cannot-train' as const,
      message: `TF.js has no gradient for Conv3DTranspose, so a model with ${ctx.name} runs in the browser but cannot train there; train it in Keras`,
    };
    return { ...out, warnings: [...(out.warnings ?? []), warning] };
  },
  countParams: convWeights,
  toTfjs: (tf, p, name) => tf.layers.conv3dTranspose(tfjsConfig(tf, params, p, name)),
});
