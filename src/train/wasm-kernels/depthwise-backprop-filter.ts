import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { assertNoDilation, cropHW, gradientPadding, run } from './shared';

/**
 * `DepthwiseConv2dNativeBackpropFilter` for wasm, built on its DepthwiseConv2dNative. As for
 * Conv2D, the filter gradient is the input correlated with the output gradient, but per channel:
 * batch and channel are merged into N*C depthwise channels (one correlation each, the gradient
 * acting as the filter with the stride as dilation), then the batch is summed out.
 */
export function depthwiseBackpropFilterKernel(tf: Tf): tfjs.KernelConfig {
  return {
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs }) => {
      const { x, dy } = inputs as { x: tfjs.TensorInfo; dy: tfjs.TensorInfo };
      const { strides, pad, dilations, dimRoundingMode, filterShape } = attrs as unknown as tfjs.DepthwiseConv2dNativeBackpropFilterAttrs;
      assertNoDilation('DepthwiseConv2dNativeBackpropFilter', dilations);
      const [n, h, w, c] = x.shape as [number, number, number, number];
      const [fh, fw, , m] = filterShape;
      const info = tf.backend_util.computeConv2DInfo([n, h, w, c], filterShape, strides, 1, pad, dimRoundingMode, true);
      const [, ho, wo] = dy.shape as [number, number, number, number];
      return tf.tidy(() => {
        // Channel n*C + c of the merged input pairs with channel (n*C + c) of the merged gradient.
        const xMerged = tf.reshape(run(tf, 'Transpose', { x }, { perm: [1, 2, 0, 3] }), [1, h, w, n * c]) as tfjs.Tensor4D;
        const dy5 = run(tf, 'Reshape', { x: dy }, { shape: [n, ho, wo, c, m] });
        const dyMerged = tf.reshape(tf.transpose(dy5, [1, 2, 0, 3, 4]), [ho, wo, n * c, m]) as tfjs.Tensor4D;
        const corr = tf.depthwiseConv2d(xMerged, dyMerged, 1, gradientPadding(info), 'NHWC', [info.strideHeight, info.strideWidth]);
        return tf.sum(tf.reshape(cropHW(tf, corr, fh, fw), [fh, fw, n, c, m]), 2); // [fh, fw, C, M]
      });
    },
  };
}
