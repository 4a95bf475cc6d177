import { formatShape, lastDim } from '../graph/shape';
import { activationParam, weightParams } from './common-params';
import { defineLayer, tfjsConfig } from './define-layer';
import type { LayerProblem } from './layer-spec';
import { int } from './params';
import { fail, fromWhat, known } from './shape-utils';

const params = {
  units: int(64, 'Number of neurons, i.e. the size of the output. For a class output, the number of classes.', { min: 1 }),
  activation: activationParam(),
  ...weightParams,
};

/** Fully connected layer: `output = activation(input · kernel + bias)` on the last axis. */
export const dense = defineLayer({
  kind: 'Dense',
  kerasClass: 'Dense',
  category: 'Core',
  keywords: ['fully connected', 'linear', 'mlp', 'perceptron', 'hidden', 'classifier', 'output'],
  description: 'Fully connected layer: every output unit sees every input feature. output = activation(dot(input, kernel) + bias).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['units'],
  kerasRequired: ['units'],
  inferShape: ([input = []], p, ctx) => {
    if (input.length < 2) return fail('wrong-rank', `Dense ${ctx.name} needs an input with features but gets ${formatShape(input)}`);
    if (lastDim(input) === null) {
      return fail('unknown-dim', `Dense ${ctx.name} needs a known last dimension but gets ${formatShape(input)}${fromWhat(ctx)}`);
    }
    const warnings: LayerProblem[] = [];
    if (input.length >= 4) {
      warnings.push({
        code: 'dense-needs-flat',
        message:
          `Dense after ${ctx.inputClasses[0] ?? 'this layer'} gets a ${input.length}-D input ${formatShape(input)}; ` +
          'Keras would apply it to the last axis only. Insert Flatten (or GlobalAveragePooling2D) before it',
        fix: { kind: 'insert-layer', label: 'Insert Flatten', slot: 0, layer: 'Flatten' },
      });
    }
    if (p.activation === 'softmax' && p.units === 1) {
      warnings.push({
        code: 'softmax-one-unit',
        message: `Softmax output has 1 unit, so ${ctx.name} always outputs 1.0. For two classes use sigmoid with 1 unit, or softmax with 2 units`,
        fix: { kind: 'set-param', label: 'Use sigmoid', param: 'activation', value: 'sigmoid' },
      });
    }
    return { ok: true, shape: [...input.slice(0, -1), p.units], warnings };
  },
  countParams: ([input = []], p) => ({
    trainable: known(lastDim(input)) * p.units + (p.use_bias ? p.units : 0),
    nonTrainable: 0,
  }),
  toTfjs: (tf, p, name) => tf.layers.dense(tfjsConfig(tf, params, p, name)),
});
