import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { assertNoDilation, run } from './shared';

/**
 * `DepthwiseConv2dNativeBackpropInput` for wasm, built on its Conv2DBackpropInput. A depthwise
 * filter [fh, fw, C, M] is a full filter [fh, fw, C, C*M] that is zero off the channel diagonal,
 * so the input gradient is a transposed conv with that block-diagonal filter. It costs C times a
 * true depthwise transpose, which is acceptable for the palette's channel counts.
 */
export function depthwiseBackpropInputKernel(tf: Tf): tfjs.KernelConfig {
  return {
    kernelName: 'DepthwiseConv2dNativeBackpropInput',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs }) => {
      const { dy, filter } = inputs as { dy: tfjs.TensorInfo; filter: tfjs.TensorInfo };
      const { strides, pad, dilations, dimRoundingMode, inputShape } = attrs as unknown as tfjs.DepthwiseConv2dNativeBackpropInputAttrs;
      assertNoDilation('DepthwiseConv2dNativeBackpropInput', dilations);
      const [fh, fw, c, m] = filter.shape as [number, number, number, number];
      return tf.tidy(() => {
        const f5 = run(tf, 'Reshape', { x: filter }, { shape: [fh, fw, c, 1, m] });
        const diagonal = tf.reshape(tf.eye(c), [1, 1, c, c, 1]);
        const full = tf.reshape(tf.mul(f5, diagonal), [fh, fw, c, c * m]);
        return run(tf, 'Conv2DBackpropInput', { dy, filter: full }, { strides, pad, dataFormat: 'NHWC', dimRoundingMode, inputShape });
      });
    },
  };
}
