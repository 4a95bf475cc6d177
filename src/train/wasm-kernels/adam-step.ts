import type * as tfjs from '@tensorflow/tfjs';
import { offsetOf } from './own-module';
import type { OwnInstance, WasmBackendLike } from './own-module';

/** The name of Netloom's fused Adam step kernel (wasm only; see src/train/fused-adam.ts). */
export const NETLOOM_ADAM = 'NetloomAdam';

/** What the kernel takes besides its tensors: the optimizer's hyper-parameters, as JavaScript numbers. */
export interface AdamStepAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * One Adam step for one float32 variable on wasm. Inputs: the variable `x`, its moments `m` and
 * `v`, its gradient `g` and the optimizer's beta powers `accBeta1`/`accBeta2` (scalars); outputs
 * the new variable, `m` and `v` as fresh tensors (the caller assigns them), so a tensor that
 * shares the old data keeps it. The optimizer checks dtypes and sizes before calling it; anything
 * else is a bug and throws.
 */
export function adamStepKernel(own: OwnInstance): tfjs.KernelFunc {
  return (args) => {
    const { x, m, v, g, accBeta1, accBeta2 } = args.inputs as Record<'x' | 'm' | 'v' | 'g' | 'accBeta1' | 'accBeta2', tfjs.TensorInfo>;
    const { learningRate, beta1, beta2, epsilon } = args.attrs as unknown as AdamStepAttrs;
    const kernels = own(args.backend);
    const size = (t: tfjs.TensorInfo) => t.shape.reduce((a, b) => a * b, 1);
    const n = size(x);
    const sizes = [n, n, n, n, 1, 1];
    const fits = [x, m, v, g, accBeta1, accBeta2].every((t, i) => t.dtype === 'float32' && size(t) === sizes[i]);
    if (kernels === null || !fits) throw new Error(`${NETLOOM_ADAM}: needs float32 tensors of one size on a wasm backend Netloom's kernels bind to`);
    const backend = args.backend as WasmBackendLike;
    const [xOut, mOut, vOut] = [x, m, v].map((t) => backend.makeOutput(t.shape, 'float32')) as [tfjs.TensorInfo, tfjs.TensorInfo, tfjs.TensorInfo];
    if (n > 0) {
      const at = (t: tfjs.TensorInfo) => offsetOf(backend, t);
      // The scalars as tfjs's own Adam makes them: JavaScript doubles, rounded to float32 at the call.
      kernels.adamStep(
        at(x),
        at(m),
        at(v),
        at(g),
        at(accBeta1),
        at(accBeta2),
        at(xOut),
        at(mOut),
        at(vOut),
        n,
        beta1,
        1 - beta1,
        beta2,
        1 - beta2,
        -learningRate,
        epsilon,
      );
    }
    return [xOut, mOut, vOut];
  };
}
