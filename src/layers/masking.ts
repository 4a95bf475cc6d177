import { defineLayer } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';

const params = {
  mask_value: float(0, 'Steps whose features all equal this value are padding: set to zero and skipped by later recurrent layers.'),
};

/** Marks padding steps so that later recurrent layers skip them. */
export const masking = defineLayer({
  kind: 'Masking',
  kerasClass: 'Masking',
  category: 'Core',
  keywords: ['padding', 'text', 'sequence'],
  description:
    'Marks the steps of a sequence whose features all equal mask_value as padding; later recurrent layers (LSTM, GRU) skip them, so padded and unpadded sequences give the same result.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // Netloom's class: tfjs's own mask has no gradient, so layers before it could not train.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'Masking', { maskValue: p.mask_value, name }),
});
