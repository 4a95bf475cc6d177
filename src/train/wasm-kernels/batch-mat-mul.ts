import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { offsetOf, withScratch } from './own-module';
import type { OwnInstance, WasmBackendLike } from './own-module';

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * `BatchMatMul` for wasm with either side transposed, on Netloom's packed SIMD matmul.
 * tfjs-backend-wasm 4.22 sends those cases (every matmul of a Dense layer's backward pass) to a
 * naive loop, 5-10x slower than XNNPACK's path for the untransposed case, which stays tfjs's.
 * Batches broadcast when one side has a single matrix; anything else (other broadcasts, other
 * dtypes, empty tensors, shape errors) goes to tfjs's own kernel.
 */
export function batchMatMulKernel(tf: Tf, own: OwnInstance, fallback: tfjs.KernelFunc): tfjs.KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: tfjs.TensorInfo; b: tfjs.TensorInfo };
    const { transposeA, transposeB } = args.attrs as unknown as tfjs.BatchMatMulAttrs;
    const kernels = transposeA || transposeB ? own(args.backend) : null;
    if (kernels === null || a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return fallback(args);
    const [ar, ac] = a.shape.slice(-2) as [number, number];
    const [br, bc] = b.shape.slice(-2) as [number, number];
    const [m, k] = transposeA ? [ac, ar] : [ar, ac];
    const [kb, n] = transposeB ? [bc, br] : [br, bc];
    const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
    const [batch, batchA, batchB] = [product(outer), product(a.shape.slice(0, -2)), product(b.shape.slice(0, -2))];
    const broadcastable = (batchA === batch || batchA === 1) && (batchB === batch || batchB === 1);
    if (k !== kb || !broadcastable || batch * m * n * k === 0) return fallback(args);
    const backend = args.backend as WasmBackendLike;
    const out = backend.makeOutput([...outer, m, n], 'float32');
    withScratch(backend, kernels.matmulScratchFloats(m, n, k), (scratch) =>
      kernels.matmul(
        offsetOf(backend, a),
        offsetOf(backend, b),
        offsetOf(backend, out),
        scratch,
        batch,
        batchA === 1 ? 0 : m * k,
        batchB === 1 ? 0 : k * n,
        m,
        n,
        k,
        transposeA,
        transposeB,
      ),
    );
    return out;
  };
}
