import { defineLayer, tfjsConfig } from './define-layer';
import { dropoutRate } from './regularization-params';
import { checkRank, ok } from './shape-utils';

const params = {
  rate: dropoutRate('Fraction of the channels set to zero at random during training (0 to just under 1); none at inference.'),
};

/** Dropout of whole channels of a sequence. */
export const spatialDropout1d = defineLayer({
  kind: 'SpatialDropout1D',
  kerasClass: 'SpatialDropout1D',
  category: 'Regularization',
  keywords: ['sequence', 'text', 'overfitting'],
  description:
    'Dropout for sequences (batch, steps, channels): while training, zeroes whole channels across all steps instead of single values, which suits Conv1D features. Does nothing at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['rate'],
  kerasRequired: ['rate'],
  inferShape: ([input = []], _p, ctx) => checkRank(input, 3, 'SpatialDropout1D', '(batch, steps, channels)', ctx) ?? ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.spatialDropout1d(tfjsConfig(tf, params, p, name)),
});
