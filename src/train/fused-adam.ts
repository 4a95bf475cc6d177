/**
 * tfjs's Adam with its step fused into one wasm kernel per variable on the wasm backend
 * (docs/wasm-kernels.md). tfjs's `AdamOptimizer.applyGradients` runs about fourteen small kernels
 * per variable; on wasm that overhead was over a quarter of the MLP's training step.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import { NETLOOM_ADAM } from './wasm-kernels/adam-step';
import type { AdamStepAttrs } from './wasm-kernels/adam-step';
import { fusedAdamBound } from './wasm-kernels/own-kernels';

/** What `applyGradients` takes: a map from variable names, or tfjs's `NamedTensor` list. */
type Gradients = Parameters<tfjs.Optimizer['applyGradients']>[0];

/** One of the moments tfjs's Adam keeps per variable, as it names them (`<variable>/m`, `/v`). */
interface Moment {
  originalName: string;
  variable: tfjs.Variable;
}

/**
 * The AdamOptimizer fields and method the fused step shares with tfjs's own (private in its
 * types, plain properties at run time), so either path can take over from the other at any step
 * and `getWeights`/`setWeights`, `iterations` and a learning rate changed between steps all work.
 */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tfjs.Variable;
  accBeta2: tfjs.Variable;
  accumulatedFirstMoment: (Moment | undefined)[];
  accumulatedSecondMoment: (Moment | undefined)[];
  incrementIterations(): void;
}

/**
 * `tf.train.adam(learningRate, beta1, beta2, epsilon)` whose step runs Netloom's fused
 * {@link NETLOOM_ADAM} kernel where it can: on wasm with Netloom's kernels bound, every variable
 * and gradient float32 and of one size. Anywhere else (other backends, other dtypes) tfjs's own
 * step runs. It is still tfjs's AdamOptimizer (class name `Adam`, the same config and weights), so
 * compiling, exporting and saving see no difference; the results match tfjs's to the last bit.
 */
export function fusedAdam(tf: Tf, learningRate: number, beta1: number, beta2: number, epsilon: number): tfjs.AdamOptimizer {
  const optimizer = tf.train.adam(learningRate, beta1, beta2, epsilon);
  const tfjsStep = optimizer.applyGradients.bind(optimizer);
  optimizer.applyGradients = (gradients) => {
    if (!fusedStep(tf, optimizer as unknown as AdamState, gradients)) tfjsStep(gradients);
  };
  return optimizer;
}

/** Variable names with their gradients, in tfjs's order (a missing gradient is skipped). */
function namedGradients(gradients: Gradients): [string, tfjs.Tensor | undefined][] {
  return Array.isArray(gradients) ? gradients.map((g): [string, tfjs.Tensor] => [g.name, g.tensor]) : Object.entries(gradients);
}

const hasState = (state: Partial<AdamState>): state is AdamState =>
  Array.isArray(state.accumulatedFirstMoment) &&
  Array.isArray(state.accumulatedSecondMoment) &&
  state.accBeta1 !== undefined &&
  state.accBeta2 !== undefined &&
  typeof state.incrementIterations === 'function';

/** tfjs's Adam step through the fused kernel; false (having done nothing) where it cannot run. */
function fusedStep(tf: Tf, state: AdamState, gradients: Gradients): boolean {
  if (!fusedAdamBound(tf) || !hasState(state)) return false;
  const named = namedGradients(gradients);
  const registered = tf.engine().registeredVariables;
  const variables = named.map(([name]) => registered[name]);
  const fits = named.every(([, g], i) => {
    const value = variables[i];
    return value !== undefined && value.dtype === 'float32' && (g === undefined || (g.dtype === 'float32' && g.size === value.size));
  });
  if (!fits) return false;
  const attrs: AdamStepAttrs = { learningRate: state.learningRate, beta1: state.beta1, beta2: state.beta2, epsilon: state.epsilon };
  tf.tidy(() => {
    named.forEach(([name, gradient], i) => {
      const value = variables[i] as tfjs.Variable;
      // Created as tfjs creates them (zeros, not trainable, named after the variable), even for a missing gradient.
      const m = (state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) });
      const v = (state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) });
      if (gradient === undefined || gradient === null) return;
      const inputs = { x: value, m: m.variable, v: v.variable, g: gradient, accBeta1: state.accBeta1, accBeta2: state.accBeta2 };
      const [x, m1, v1] = tf.engine().runKernel(NETLOOM_ADAM, inputs, attrs as unknown as tfjs.NamedAttrMap) as tfjs.Tensor[];
      m.variable.assign(m1 as tfjs.Tensor);
      v.variable.assign(v1 as tfjs.Tensor);
      value.assign(x as tfjs.Tensor);
    });
    state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
    state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
  });
  state.incrementIterations();
  return true;
}
