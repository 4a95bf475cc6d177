import { defineLayer, tfjsConfig } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';

const params = {
  scale: float(1 / 255, 'Every value is multiplied by this: 1/255 (0.00392...) maps pixels 0-255 to 0-1, 1/127.5 with offset -1 maps them to -1..1.'),
  offset: float(0, 'Added after scaling, e.g. -1 to centre values on zero.'),
};

/** Multiplies every value by `scale` and adds `offset`; no weights. */
export const rescaling = defineLayer({
  kind: 'Rescaling',
  kerasClass: 'Rescaling',
  category: 'Preprocessing',
  keywords: ['image', 'pixels', 'normalize', 'scale'],
  description: 'Rescales every value: output = input * scale + offset, e.g. pixels from 0-255 to 0-1 inside the model. No weights; the shape does not change.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['scale'],
  kerasRequired: ['scale'],
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.rescaling(tfjsConfig(tf, params, p, name)),
});
