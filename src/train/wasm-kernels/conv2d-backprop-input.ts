import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { run } from './shared';

/**
 * `Conv2DBackpropInput` for wasm at stride 1 (every Conv2D of the palette's default), on
 * tfjs-backend-wasm's XNNPACK Conv2D: the input gradient is the output gradient, padded by the
 * filter size less the forward padding, correlated with the filter rotated by 180 degrees and its
 * channel axes swapped. tfjs-backend-wasm 4.22's own kernel is a naive loop, about 5x slower (it
 * was a third of the digits CNN's step). Other strides, NCHW, and paddings wider than the filter go
 * to tfjs's kernel.
 */
export function conv2DBackpropInputKernel(tf: Tf, fallback: tfjs.KernelFunc): tfjs.KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: tfjs.TensorInfo; filter: tfjs.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tfjs.Conv2DBackpropInputAttrs;
    if (dataFormat === 'NCHW' || dy.dtype !== 'float32' || filter.dtype !== 'float32') return fallback(args);
    const fShape = filter.shape as [number, number, number, number];
    const info = tf.backend_util.computeConv2DInfo(inputShape, fShape, strides, 1, pad, dimRoundingMode);
    const [fh, fw] = fShape;
    const padding: [number, number, number, number] = [
      fh - 1 - info.padInfo.top,
      info.inHeight - info.outHeight + info.padInfo.top,
      fw - 1 - info.padInfo.left,
      info.inWidth - info.outWidth + info.padInfo.left,
    ];
    const stride1 = info.strideHeight === 1 && info.strideWidth === 1;
    if (!stride1 || padding.some((p) => p < 0) || tf.util.sizeFromShape(inputShape) === 0) return fallback(args);
    const [top, bottom, left, right] = padding;
    return tf.tidy(() => {
      const padded = run(
        tf,
        'PadV2',
        { x: dy },
        {
          paddings: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          constantValue: 0,
        },
      );
      const rotated = run(tf, 'Reverse', { x: filter }, { dims: [0, 1] });
      const swapped = tf.transpose(rotated, [0, 1, 3, 2]) as tfjs.Tensor4D; // [fh, fw, Cout, Cin]
      return tf.conv2d(padded as tfjs.Tensor4D, swapped, 1, 'valid');
    });
  };
}
