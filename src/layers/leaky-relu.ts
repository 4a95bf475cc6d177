import { defineLayer, fromKerasConfig } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';

const params = {
  negative_slope: float(0.3, 'Slope for negative inputs: they come out multiplied by this instead of becoming zero.', { min: 0 }),
};

/** ReLU that keeps a small fixed slope for negative inputs. */
export const leakyRelu = defineLayer({
  kind: 'LeakyReLU',
  kerasClass: 'LeakyReLU',
  category: 'Activation',
  description: 'Like ReLU, but negative values are multiplied by a small slope instead of becoming zero, so those units keep learning.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs (like Keras 2) calls the slope `alpha`.
  toTfjs: (tf, p, name) => tf.layers.leakyReLU({ alpha: p.negative_slope, name }),
  fromKeras: (config) => fromKerasConfig(params, { ...config, negative_slope: config.negative_slope ?? config.alpha }) as { negative_slope: number },
});
