import type * as tfjs from '@tensorflow/tfjs';

/** The part of a wasm backend this kernel touches (typed loosely: the backend class is not exported). */
interface DataBackend {
  readSync(dataId: tfjs.DataId): tfjs.backend_util.BackendValues;
  write(values: tfjs.backend_util.BackendValues, shape: number[], dtype: tfjs.DataType): tfjs.DataId;
}

/**
 * `UnsortedSegmentSum` for wasm (the gradient of gather, so of Embedding). A plain loop over the
 * data read synchronously: wasm memory reads are cheap copies, and a one-hot matmul would need a
 * [rows, numSegments] matrix, which for a large vocabulary is far bigger than the gradient itself.
 * Segment ids outside [0, numSegments) are dropped, as in TensorFlow.
 */
export function unsortedSegmentSumKernel(): tfjs.KernelConfig {
  return {
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, segmentIds } = inputs as { x: tfjs.TensorInfo; segmentIds: tfjs.TensorInfo };
      const { numSegments } = attrs as unknown as tfjs.UnsortedSegmentSumAttrs;
      if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new Error(`UnsortedSegmentSum on wasm: unsupported dtype ${x.dtype}`);
      const data = backend as DataBackend;
      const values = data.readSync(x.dataId) as Float32Array | Int32Array;
      const ids = data.readSync(segmentIds.dataId) as Float32Array | Int32Array;
      const inner = ids.length === 0 ? 0 : values.length / ids.length;
      const out = x.dtype === 'int32' ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
      for (let row = 0; row < ids.length; row++) {
        const segment = ids[row] ?? -1;
        if (segment < 0 || segment >= numSegments) continue;
        const from = row * inner;
        const to = segment * inner;
        for (let k = 0; k < inner; k++) out[to + k] = (out[to + k] ?? 0) + (values[from + k] ?? 0);
      }
      const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
      return { dataId: data.write(out, shape, x.dtype), shape, dtype: x.dtype };
    },
  };
}
