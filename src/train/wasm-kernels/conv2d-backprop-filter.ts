import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { cropHW, gradientPadding, run } from './shared';

/**
 * `Conv2DBackpropFilter` for wasm (tfjs-backend-wasm 4.22 has none), built on its Conv2D.
 * The filter gradient is the input correlated with the output gradient: swap batch and channel
 * axes so the batch is summed as channels, let the output gradient act as the filter, and turn
 * the forward stride into the dilation. Only NHWC with dilation 1, like tfjs's Conv2D gradient.
 */
export function conv2DBackpropFilterKernel(tf: Tf): tfjs.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs }) => {
      const { x, dy } = inputs as { x: tfjs.TensorInfo; dy: tfjs.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tfjs.Conv2DBackpropFilterAttrs;
      if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm supports NHWC only');
      const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
      return tf.tidy(() => {
        const xT = run(tf, 'Transpose', { x }, { perm: [3, 1, 2, 0] }) as tfjs.Tensor4D; // [Cin, H, W, N]
        const dyT = run(tf, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] }) as tfjs.Tensor4D; // [Ho, Wo, N, Cout]
        const corr = tf.conv2d(xT, dyT, 1, gradientPadding(info), 'NHWC', [info.strideHeight, info.strideWidth]);
        return tf.transpose(cropHW(tf, corr, filterShape[0], filterShape[1]), [1, 2, 0, 3]); // [fh, fw, Cin, Cout]
      });
    },
  };
}
