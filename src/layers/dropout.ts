import { defineLayer, tfjsConfig } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';

const params = {
  rate: float(0.5, 'Fraction of inputs set to zero at random during training (0 to just under 1); none at inference.', {
    min: 0,
    max: 1,
    maxExclusive: true,
  }),
};

/** Randomly zeroes a fraction of inputs while training, to reduce overfitting. */
export const dropout = defineLayer({
  kind: 'Dropout',
  kerasClass: 'Dropout',
  category: 'Regularization',
  keywords: ['overfitting', 'regularisation'],
  description: 'While training, sets a random fraction of its inputs to zero (and scales the rest up) to reduce overfitting. Does nothing at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['rate'],
  kerasRequired: ['rate'],
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.dropout(tfjsConfig(tf, params, p, name)),
});
