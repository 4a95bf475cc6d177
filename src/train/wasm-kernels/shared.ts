import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';

/**
 * Runs one kernel on TensorInfo inputs and returns a Tensor. Kernel inputs are TensorInfos, not
 * necessarily Tensors, and wrapping one with `makeTensorFromTensorInfo` would let `tidy` free data
 * the caller still owns; going through `runKernel` gives a fresh, tidy-owned Tensor instead.
 */
export function run(tf: Tf, kernelName: string, inputs: Record<string, tfjs.TensorInfo>, attrs: object = {}): tfjs.Tensor {
  return tf.engine().runKernel(kernelName, inputs as unknown as tfjs.NamedTensorMap, attrs as tfjs.NamedAttrMap) as tfjs.Tensor;
}

/** Height and width of a stride or dilation attribute given as one number or a pair. */
export function pair(value: number | readonly [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** Throws for dilations other than 1: tfjs's own gradients reject them before reaching a kernel. */
export function assertNoDilation(kernelName: string, dilations: number | readonly [number, number] | undefined): void {
  const [dh, dw] = pair(dilations ?? 1);
  if (dh !== 1 || dw !== 1) throw new Error(`${kernelName} on wasm: dilations ${dh}x${dw} are not supported (only 1)`);
}

/**
 * Padding for a correlation of the padded input with the output gradient, where the gradient acts
 * as the filter with the stride as its dilation. Top and left are the forward pass's own padding;
 * bottom and right only need to be large enough for `filterSize` outputs (the rest is cropped).
 */
export function gradientPadding(info: tfjs.backend_util.Conv2DInfo): [[number, number], [number, number], [number, number], [number, number]] {
  const { top, left } = info.padInfo;
  const bottom = Math.max(0, info.filterHeight + (info.outHeight - 1) * info.strideHeight - info.inHeight - top);
  const right = Math.max(0, info.filterWidth + (info.outWidth - 1) * info.strideWidth - info.inWidth - left);
  return [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
}

/** Keeps the first `height` x `width` positions of an NHWC result. */
export function cropHW(tf: Tf, t: tfjs.Tensor4D, height: number, width: number): tfjs.Tensor4D {
  return t.shape[1] === height && t.shape[2] === width ? t : tf.slice(t, [0, 0, 0, 0], [-1, height, width, -1]);
}
