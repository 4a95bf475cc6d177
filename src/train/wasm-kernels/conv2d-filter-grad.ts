import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { nhwcGeometry, offsetOf, windowGeometry, withScratch } from './own-module';
import type { OwnInstance, WasmBackendLike } from './own-module';

/** Scratch for one chunk of positions stays near 512 KiB whatever the layer's size (measured: larger chunks fall out of cache). */
const CHUNK_FLOATS = 1 << 17;

/**
 * `Conv2DBackpropFilter` for wasm on Netloom's packed matmul: the input patches (filter taps x
 * positions) times the output gradient (positions x filters), packed a chunk of positions at a
 * time straight from the NHWC input. Netloom's gradient kernel (registerWasmGradients, also what
 * raw tfjs gets) runs it as an XNNPACK Conv2D with the output gradient as a huge filter, a shape
 * XNNPACK is slow at; it stays the fallback for NCHW and non-float32.
 */
export function conv2dFilterGradKernel(tf: Tf, own: OwnInstance, fallback: tfjs.KernelFunc): tfjs.KernelFunc {
  return (args) => {
    const { x, dy } = args.inputs as { x: tfjs.TensorInfo; dy: tfjs.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tfjs.Conv2DBackpropFilterAttrs;
    const kernels = dataFormat !== 'NCHW' && x.dtype === 'float32' && dy.dtype === 'float32' ? own(args.backend) : null;
    if (kernels === null) return fallback(args);
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
    const backend = args.backend as WasmBackendLike;
    const dw = backend.makeOutput([...filterShape], 'float32');
    const taps = info.filterHeight * info.filterWidth * info.inChannels;
    if (taps * info.outChannels === 0) return dw;
    const positions = info.batchSize * info.outHeight * info.outWidth;
    const chunk = Math.max(1, Math.min(positions, Math.floor(CHUNK_FLOATS / (taps + info.outChannels + 11))));
    withScratch(backend, kernels.conv2dFilterGradScratchFloats(taps, info.outChannels, chunk), (scratch) =>
      kernels.conv2dFilterGrad(
        offsetOf(backend, x),
        offsetOf(backend, dy),
        offsetOf(backend, dw),
        scratch,
        ...nhwcGeometry(info),
        ...windowGeometry(info),
        info.outChannels,
        chunk,
      ),
    );
    return dw;
  };
}
