import { defineLayer, tfjsConfig } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';

// Keras 3 also takes a `seed`; tfjs 4.22's GaussianNoise has none, so Netloom does not offer it.
const params = {
  stddev: float(0.1, 'Standard deviation of the random noise added while training (0 to 1, as Keras allows).', { min: 0, max: 1 }),
};

/** Adds random noise to its input while training. */
export const gaussianNoise = defineLayer({
  kind: 'GaussianNoise',
  kerasClass: 'GaussianNoise',
  category: 'Regularization',
  keywords: ['overfitting', 'augmentation', 'robust'],
  description:
    'While training, adds random normal noise (mean 0, standard deviation stddev) to its input, a form of data augmentation against overfitting. Does nothing at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['stddev'],
  kerasRequired: ['stddev'],
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.gaussianNoise(tfjsConfig(tf, params, p, name)),
});
