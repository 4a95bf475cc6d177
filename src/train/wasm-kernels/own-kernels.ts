import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../../layers/layer-spec';
import { adamStepKernel, NETLOOM_ADAM } from './adam-step';
import { batchMatMulKernel } from './batch-mat-mul';
import { conv2DBackpropInputKernel } from './conv2d-backprop-input';
import { conv2dFilterGradKernel } from './conv2d-filter-grad';
import { maxPoolGradKernel } from './max-pool-grad';
import { sumKernel } from './sum';
import { compileOwnModules, ownInstance } from './own-module';
import type { OwnInstance } from './own-module';

/** tfjs-backend-wasm kernels that Netloom replaces with faster ones of its own (see docs/wasm-kernels.md). */
export const WASM_OWN_KERNELS = ['BatchMatMul', 'MaxPoolGrad', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'Sum'] as const;

/** Marks a config as Netloom's, so a second registration leaves it (and the original it wraps) alone. */
const NETLOOM_KERNEL = Symbol.for('netloom.wasm-kernel');
/** The module instance a registered config's kernel binds with, so {@link wasmOwnKernelsBound} can ask it. */
const NETLOOM_INSTANCE = Symbol.for('netloom.wasm-kernel-instance');

type OwnConfig = tfjs.KernelConfig & { [NETLOOM_KERNEL]?: true; [NETLOOM_INSTANCE]?: OwnInstance };

/** A replacement kernel function, given tfjs's own for the cases it does not cover. */
type Builder = (tf: Tf, own: OwnInstance, fallback: tfjs.KernelFunc) => tfjs.KernelFunc;

const BUILDERS: Record<(typeof WASM_OWN_KERNELS)[number], Builder> = {
  BatchMatMul: batchMatMulKernel,
  MaxPoolGrad: maxPoolGradKernel,
  Conv2DBackpropInput: (tf, _own, fallback) => conv2DBackpropInputKernel(tf, fallback),
  Conv2DBackpropFilter: conv2dFilterGradKernel,
  Sum: sumKernel,
};

/**
 * Replaces tfjs-backend-wasm's slow kernels with Netloom's (each falls back to the original for
 * the cases it does not cover), and adds {@link NETLOOM_ADAM}, the fused Adam step that
 * `fusedAdam` calls. Call after `@tensorflow/tfjs-backend-wasm` is imported and
 * `registerWasmGradients` ran (the kernels replaced must be registered) and before or after the backend starts; safe to call again. Does nothing
 * where the engine cannot compile wasm SIMD. Returns the kernel names it registered this time.
 */
export async function registerWasmOwnKernels(tf: Tf): Promise<string[]> {
  const pending = WASM_OWN_KERNELS.filter((name) => {
    const current = tf.getKernel(name, 'wasm') as OwnConfig | undefined;
    return current !== undefined && current[NETLOOM_KERNEL] !== true;
  });
  const addAdam = tf.getKernel(NETLOOM_ADAM, 'wasm') === undefined;
  if (pending.length === 0 && !addAdam) return [];
  const modules = await compileOwnModules();
  if (modules === null) return [];
  const own = ownInstance(modules);
  if (addAdam) {
    const config: OwnConfig = {
      kernelName: NETLOOM_ADAM,
      backendName: 'wasm',
      kernelFunc: adamStepKernel(own),
      [NETLOOM_KERNEL]: true,
      [NETLOOM_INSTANCE]: own,
    };
    tf.registerKernel(config);
  }
  for (const name of pending) {
    const original = tf.getKernel(name, 'wasm');
    if (original === undefined) continue;
    // The original's name, backend and setupFunc (which its fallback path needs), with Netloom's function.
    const config = { ...original, kernelFunc: BUILDERS[name](tf, own, original.kernelFunc), [NETLOOM_KERNEL]: true as const, [NETLOOM_INSTANCE]: own };
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(config);
  }
  return addAdam ? [...pending, NETLOOM_ADAM] : pending;
}

/**
 * Whether Netloom's kernels run on the active backend: it is wasm, they are registered, and their
 * module binds to its memory (plain or shared). False means tfjs's own, slower kernels run.
 */
export function wasmOwnKernelsBound(tf: Tf): boolean {
  return ownKernelBound(tf, 'BatchMatMul');
}

/** Whether Netloom's {@link NETLOOM_ADAM} kernel can run now: as {@link wasmOwnKernelsBound}, for that kernel. */
export function fusedAdamBound(tf: Tf): boolean {
  return ownKernelBound(tf, NETLOOM_ADAM);
}

function ownKernelBound(tf: Tf, kernelName: string): boolean {
  if (tf.getBackend() !== 'wasm') return false;
  const own = (tf.getKernel(kernelName, 'wasm') as OwnConfig | undefined)?.[NETLOOM_INSTANCE];
  return own !== undefined && own(tf.backend()) !== null;
}
