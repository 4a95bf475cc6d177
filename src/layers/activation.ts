import { lastDim } from '../graph/shape';
import { activationParam } from './common-params';
import { defineLayer, tfjsConfig } from './define-layer';
import type { LayerProblem } from './layer-spec';

const params = { activation: activationParam('relu') };

/** Applies an activation function on its own, e.g. after a BatchNormalization. */
export const activation = defineLayer({
  kind: 'Activation',
  kerasClass: 'Activation',
  category: 'Core',
  keywords: ['nonlinearity', 'non-linearity'],
  description: 'Applies an activation function to every value; the shape does not change.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['activation'],
  kerasRequired: ['activation'],
  inferShape: ([input = []], p, ctx) => {
    const warnings: LayerProblem[] = [];
    if (p.activation === 'softmax' && lastDim(input) === 1) {
      warnings.push({
        code: 'softmax-one-unit',
        message: `Softmax over 1 unit: ${ctx.name} always outputs 1.0. For two classes use sigmoid`,
        fix: { kind: 'set-param', label: 'Use sigmoid', param: 'activation', value: 'sigmoid' },
      });
    }
    return { ok: true, shape: input, warnings };
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.activation(tfjsConfig(tf, params, p, name)),
});
