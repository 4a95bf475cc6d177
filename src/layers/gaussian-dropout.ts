import { defineLayer, tfjsConfig } from './define-layer';
import { dropoutRate } from './regularization-params';
import { ok } from './shape-utils';

// Keras 3 also takes a `seed`; tfjs 4.22's GaussianDropout has none, so Netloom does not offer it.
const params = {
  rate: dropoutRate('Strength of the noise (0 to just under 1): the factors have standard deviation sqrt(rate / (1 - rate)).'),
};

/** Multiplies its input by random noise around 1 while training. */
export const gaussianDropout = defineLayer({
  kind: 'GaussianDropout',
  kerasClass: 'GaussianDropout',
  category: 'Regularization',
  keywords: ['overfitting'],
  description:
    'While training, multiplies each input by random normal noise centred on 1, a smooth form of dropout against overfitting. Does nothing at prediction time.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['rate'],
  kerasRequired: ['rate'],
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.gaussianDropout(tfjsConfig(tf, params, p, name)),
});
