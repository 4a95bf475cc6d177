import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig } from './define-layer';
import { dropoutRate } from './regularization-params';
import { ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';

// Keras 3 also takes `noise_shape` and `seed`. tfjs 4.22 has no seed, and its noise_shape cannot
// hold None (the batch size), the one way it is used; Netloom offers neither.
const params = {
  rate: dropoutRate('Fraction of inputs dropped at random during training (0 to just under 1); none at inference.'),
};

/** Dropout that keeps the mean and variance of SELU activations. */
export const alphaDropout = defineLayer({
  kind: 'AlphaDropout',
  kerasClass: 'AlphaDropout',
  category: 'Regularization',
  keywords: ['overfitting', 'selu'],
  description:
    'Dropout for self-normalising networks (selu activation, lecun_normal weights): while training, sets dropped inputs to the SELU minimum and rescales, keeping mean and variance. Does nothing at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['rate'],
  kerasRequired: ['rate'],
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // Netloom's class: tfjs's own sets dropped inputs to the wrong value while training.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'AlphaDropout', { rate: p.rate, name }),
  fromKeras: (config) => {
    if (config.noise_shape !== undefined && config.noise_shape !== null) {
      throw new UserFileError(
        `layer "${String(config.name)}" has noise_shape=${JSON.stringify(config.noise_shape)}; Netloom's AlphaDropout draws noise for every value`,
      );
    }
    return fromKerasConfig(params, config) as { rate: number };
  },
});
