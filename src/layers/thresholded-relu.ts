import { defineLayer, kerasCall } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  theta: float(1, 'Inputs at or below this value become zero; those above pass unchanged.', { min: 0 }),
};

/** Keras 3's spelling of the same function: ReLU(threshold=theta) is x above theta, else 0. */
const keras3Params = { threshold: { ...params.theta, alwaysEmit: true } };

/** Passes values above theta unchanged and sets the rest to zero (Keras 2, TF.js). */
export const thresholdedRelu = defineLayer({
  kind: 'ThresholdedReLU',
  kerasClass: 'ThresholdedReLU',
  category: 'Activation',
  description:
    'Passes values greater than theta unchanged and sets the rest to zero. A Keras 2 layer: the Python export writes ReLU(threshold=theta), which computes the same.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs 4.22's ThresholdedReLU cannot be trained (no gradient for its comparison); Netloom's can.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'ThresholdedReLU', { name, theta: p.theta }),
  // Keras 3 dropped ThresholdedReLU. Its ReLU(threshold=theta) computes x * (x > theta), the same
  // numbers (checked against Keras 3.15, x = theta included), so the line stays valid Keras 3.
  toKeras: (p, name) => kerasCall('ReLU', keras3Params, [], { threshold: p.theta }, name),
});
