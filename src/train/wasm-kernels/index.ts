import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { conv2DBackpropFilterKernel } from './conv2d-backprop-filter';
import { depthwiseBackpropFilterKernel } from './depthwise-backprop-filter';
import { depthwiseBackpropInputKernel } from './depthwise-backprop-input';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum';

/** Kernels tfjs-backend-wasm 4.22 lacks that training the palette's layers needs. */
export const WASM_GRADIENT_KERNELS = [
  'Conv2DBackpropFilter',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'UnsortedSegmentSum',
] as const;

/** The kernel configs, built for one tfjs instance (the kernels call its ops). */
export function wasmGradientKernels(tf: Tf): readonly tfjs.KernelConfig[] {
  return [conv2DBackpropFilterKernel(tf), depthwiseBackpropFilterKernel(tf), depthwiseBackpropInputKernel(tf), unsortedSegmentSumKernel()];
}

/**
 * Registers the missing gradient kernels for the wasm backend. Safe to call any number of times
 * and before or after the backend loads: a kernel already registered (by an earlier call, or by a
 * future tfjs-backend-wasm that ships its own) is left alone. Returns the names it registered.
 */
export function registerWasmGradients(tf: Tf): string[] {
  const added: string[] = [];
  for (const config of wasmGradientKernels(tf)) {
    if (tf.getKernel(config.kernelName, 'wasm') !== undefined) continue;
    tf.registerKernel(config);
    added.push(config.kernelName);
  }
  return added;
}
