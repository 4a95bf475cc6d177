import { defineLayer } from './define-layer';
import { float } from './params';
import { ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  alpha: float(1, 'How far negative inputs can go: they approach -alpha smoothly instead of being cut to zero.'),
};

/** Exponential linear unit: x for positive inputs, a smooth curve towards -alpha for negative ones. */
export const elu = defineLayer({
  kind: 'ELU',
  kerasClass: 'ELU',
  category: 'Activation',
  description: 'Exponential linear unit: passes positive values; negative values follow alpha * (exp(x) - 1), a smooth curve that levels off at -alpha.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []]) => ok(input),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs 4.22's ELU refuses every alpha but 1; Netloom's registered ELU takes any.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'ELU', { name, alpha: p.alpha }),
});
