import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';

/** What one training step of a model needs from a backend. */
export interface KernelCheck {
  /** Kernels the step ran into that the backend lacks, in the order met. */
  missing: string[];
  /** Any other failure of the step (e.g. tfjs's "dilation rates greater than 1" gradient limit). */
  error: string | null;
}

const NOT_REGISTERED = /Kernel '(\w+)' not registered for backend '(\w+)'/;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A stand-in that runs the cpu backend's kernel on copies of the inputs, so a check can carry on
 * past a missing kernel and find the next one. Correct but slow; registered only for the check.
 */
export function cpuStandIn(tf: Tf, kernelName: string, backendName: string): tfjs.KernelConfig {
  return {
    kernelName,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const cpuKernel = tf.getKernel(kernelName, 'cpu');
      if (cpuKernel === undefined) throw new Error(`Kernel '${kernelName}' exists on neither ${backendName} nor cpu`);
      const own = backend as tfjs.KernelBackend;
      const cpu = tf.findBackend('cpu');
      const copies: tfjs.TensorInfo[] = [];
      const cpuInputs: Record<string, tfjs.TensorInfo> = {};
      for (const [name, info] of Object.entries(inputs)) {
        if (info === undefined) continue;
        const copy = { dataId: cpu.write(own.readSync(info.dataId), info.shape, info.dtype), shape: info.shape, dtype: info.dtype };
        copies.push(copy);
        cpuInputs[name] = copy;
      }
      const out = cpuKernel.kernelFunc({ inputs: cpuInputs, backend: cpu, attrs });
      const outs = (Array.isArray(out) ? out : [out]).map((o) => {
        const back = { dataId: own.write(cpu.readSync(o.dataId), o.shape, o.dtype), shape: o.shape, dtype: o.dtype };
        cpu.disposeData(o.dataId);
        return back;
      });
      for (const copy of copies) cpu.disposeData(copy.dataId);
      return Array.isArray(out) ? outs : (outs[0] as tfjs.TensorInfo);
    },
  };
}

/**
 * One forward + backward pass in training mode on a tiny random batch: gradients of a
 * mean-square of the outputs with respect to the trainable weights, as training takes them. A
 * model without trainable weights (a lone pooling layer) is differentiated by its inputs instead,
 * so its gradient kernels are still exercised; inputs are not used otherwise, because tfjs fails
 * on the gradient through integer casts (Embedding ids). Nothing is applied; the caller restores
 * state the forward pass may change (BatchNorm statistics).
 */
function trainingStep(tf: Tf, model: tfjs.LayersModel, batchSize: number): void {
  tf.tidy(() => {
    const xs = model.inputs.map((input) => tf.randomUniform(input.shape.map((d, i) => d ?? (i === 0 ? batchSize : 4))));
    const weights = model.trainableWeights.map((w) => w.read());
    const loss = () => {
      const out = model.apply(xs.length === 1 ? (xs[0] as tfjs.Tensor) : xs, { training: true }) as tfjs.Tensor | tfjs.Tensor[];
      return tf.addN((Array.isArray(out) ? out : [out]).map((y) => tf.mean(tf.square(y)))) as tfjs.Scalar;
    };
    const { grads } = tf.engine().gradients(loss, weights.length > 0 ? weights : xs, undefined, true);
    // Gradients are lazy on some backends: reading one forces the whole step to run.
    for (const g of grads) if (g) g.dataSync();
  });
}

/**
 * Runs one training step of `model` on `backend` and reports every kernel the backend lacks
 * (each missing kernel is stood in by the cpu one, and the step re-run, until it passes) plus
 * any other error. Weights, BatchNorm statistics and the active backend are restored afterwards.
 */
export async function checkTrainingKernels(tf: Tf, model: tfjs.LayersModel, backend: string, batchSize = 2): Promise<KernelCheck> {
  const previous = tf.getBackend();
  if (previous !== backend && !(await tf.setBackend(backend))) return { missing: [], error: `backend ${backend} did not start` };
  const snapshot = model.getWeights().map((w) => w.clone());
  const missing: string[] = [];
  let error: string | null = null;
  try {
    for (;;) {
      try {
        trainingStep(tf, model, batchSize);
        break;
      } catch (e) {
        const match = NOT_REGISTERED.exec(message(e));
        const name = match?.[1];
        if (name === undefined || match?.[2] !== backend || missing.includes(name)) {
          error = message(e);
          break;
        }
        missing.push(name);
        tf.registerKernel(cpuStandIn(tf, name, backend));
      }
    }
  } finally {
    for (const name of missing) tf.unregisterKernel(name, backend);
    model.setWeights(snapshot);
    tf.dispose(snapshot);
    if (previous !== backend) await tf.setBackend(previous);
  }
  return { missing, error };
}

/** The kernels `backend` lacks for training `model` (see `checkTrainingKernels`); throws on other errors. */
export async function trainingKernelsMissing(tf: Tf, model: tfjs.LayersModel, backend: string): Promise<string[]> {
  const { missing, error } = await checkTrainingKernels(tf, model, backend);
  if (error !== null) throw new Error(`Training step failed on ${backend}: ${error}`);
  return missing;
}
