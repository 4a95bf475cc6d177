import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { nhwcGeometry, offsetOf, windowGeometry } from './own-module';
import type { OwnInstance, WasmBackendLike } from './own-module';

/**
 * `MaxPoolGrad` for wasm on Netloom's kernel: one pass over the pooling windows, each output
 * gradient added where its window's first maximum is, as tfjs's cpu backend does. tfjs-backend-wasm
 * 4.22's own kernel loops over every input position and all windows that could hold it, which made
 * it the digits CNN's second most expensive kernel.
 */
export function maxPoolGradKernel(tf: Tf, own: OwnInstance, fallback: tfjs.KernelFunc): tfjs.KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: tfjs.TensorInfo; input: tfjs.TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tfjs.MaxPoolGradAttrs;
    const kernels = own(args.backend);
    if (kernels === null || input.dtype !== 'float32' || dy.dtype !== 'float32') return fallback(args);
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const backend = args.backend as WasmBackendLike;
    const dx = backend.makeOutput(input.shape, 'float32');
    if (tf.util.sizeFromShape(input.shape) === 0) return dx;
    kernels.maxPoolGrad(offsetOf(backend, input), offsetOf(backend, dy), offsetOf(backend, dx), ...nhwcGeometry(info), ...windowGeometry(info));
    return dx;
  };
}
