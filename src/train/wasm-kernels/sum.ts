import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { offsetOf, withScratch } from './own-module';
import type { OwnInstance, WasmBackendLike } from './own-module';

/**
 * `Sum` for wasm over every axis but the last (float32): a layer's bias gradient, the batch and
 * positions summed per unit or channel, in one SIMD pass over rows. tfjs-backend-wasm 4.22
 * transposes the input to put the summed axes last first. Any other reduction goes to tfjs's own
 * kernel.
 */
export function sumKernel(tf: Tf, own: OwnInstance, fallback: tfjs.KernelFunc): tfjs.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tfjs.TensorInfo };
    const { axis, keepDims } = args.attrs as unknown as tfjs.SumAttrs;
    const rank = x.shape.length;
    const axes = rank === 0 ? [] : tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
    const kernels = leading && x.dtype === 'float32' ? own(args.backend) : null;
    const cols = x.shape[rank - 1] ?? 0;
    const rows = tf.util.sizeFromShape(x.shape) / Math.max(1, cols);
    if (kernels === null || rows * cols === 0) return fallback(args);
    const backend = args.backend as WasmBackendLike;
    const out = backend.makeOutput(keepDims ? [...axes.map(() => 1), cols] : [cols], 'float32');
    // Two float32 slots per column: the float64 running totals.
    withScratch(backend, 2 * cols, (scratch) => kernels.columnSum(offsetOf(backend, x), offsetOf(backend, out), scratch, rows, cols));
    return out;
  };
}
