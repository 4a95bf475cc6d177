import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layer-spec';
import type { Extension, ExtensionClass } from './extension';

type Fn = (tf: Tf, x: tfjs.Tensor) => tfjs.Tensor;

/**
 * Keras 3 activations tfjs 4.22 lacks, by the camelCase identifier tfjs looks them up under (it
 * turns `leaky_relu` in a file into `leakyRelu`), with Keras 3's default arguments. `geluNew`
 * makes tfjs read back its own `gelu_new`, which it writes but cannot load.
 */
const ACTIVATION_FUNCTIONS: Readonly<Record<string, Fn>> = {
  // Written without comparisons: tfjs has no gradient for Greater or Less, so tf.where on a
  // comparison of the input cannot train. relu, minimum, clip and step (zero gradient) can.
  exponential: (tf, x) => tf.exp(x),
  leakyRelu: (tf, x) => tf.leakyRelu(x, 0.2),
  logSigmoid: (tf, x) => tf.neg(tf.softplus(tf.neg(x))),
  celu: (tf, x) => tf.add(tf.relu(x), tf.expm1(tf.minimum(x, 0))),
  hardTanh: (tf, x) => tf.clipByValue(x, -1, 1),
  tanhShrink: (tf, x) => tf.sub(x, tf.tanh(x)),
  softShrink: (tf, x) => softShrink(tf, x),
  // Where |x| > 0.5, soft_shrink is x - 0.5 sign(x); adding 0.5 sign back gives x, and 0 elsewhere.
  hardShrink: (tf, x) => {
    const soft = softShrink(tf, x);
    return tf.add(soft, tf.mul(0.5, tf.sign(soft)));
  },
  squareplus: (tf, x) => tf.div(tf.add(x, tf.sqrt(tf.add(tf.square(x), 4))), 2),
  // (x + 1)^2 / 4 on [-1, 1], 0 below, x above: the clipped square plus the part above 1.
  sparsePlus: (tf, x) => tf.add(tf.div(tf.square(tf.add(tf.clipByValue(x, -1, 1), 1)), 4), tf.relu(tf.sub(x, 1))),
  hardSilu: (tf, x) => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)),
  silu: (tf, x) => tf.mul(x, tf.sigmoid(x)),
  geluNew: (tf, x) => tf.mul(0.5, tf.mul(x, tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))))))),
};

function softShrink(tf: Tf, x: tfjs.Tensor): tfjs.Tensor {
  return tf.sub(tf.relu(tf.sub(x, 0.5)), tf.relu(tf.sub(tf.neg(x), 0.5)));
}

function activationClass(tf: Tf, className: string, fn: Fn): ExtensionClass {
  class NetloomActivation extends tf.serialization.Serializable {
    static readonly className = className;
    static readonly netloom = true as const;
    apply(x: tfjs.Tensor): tfjs.Tensor {
      return tf.tidy(() => fn(tf, x));
    }
    getConfig(): tfjs.serialization.ConfigDict {
      return {};
    }
  }
  return NetloomActivation as unknown as ExtensionClass;
}

/** One extension per activation above. */
export const ACTIVATION_EXTENSIONS: readonly Extension[] = Object.entries(ACTIVATION_FUNCTIONS).map(([className, fn]) => ({
  className,
  make: (tf: Tf) => activationClass(tf, className, fn),
}));
