import { defineLayer } from './define-layer';
import { pairs } from './params';
import { checkRank, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';
import { pyString } from '../lib/py-source';

const params = {
  padding: pairs(1, [[1, 1]], 'Steps of zeros added before the start and after the end of each sequence.', { min: 0 }),
};

/** Pads sequences with zero steps at the start and end. */
export const zeroPadding1d = defineLayer({
  kind: 'ZeroPadding1D',
  kerasClass: 'ZeroPadding1D',
  category: 'Reshaping',
  keywords: ['sequence', 'pad'],
  description: 'Adds steps of zeros at the start and end of each sequence (batch, steps, channels), e.g. to keep the length through a "valid" Conv1D.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['padding'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 3, 'ZeroPadding1D', '(batch, steps, channels)', ctx);
    if (wrong) return wrong;
    const [before = 0, after = 0] = p.padding[0] ?? [];
    const steps = input[1] ?? null;
    return ok([null, steps === null ? null : steps + before + after, input[2] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs 4.22 has no ZeroPadding1D; Netloom registers one.
  toTfjs: (tf, p, name) => {
    const [before = 0, after = 0] = p.padding[0] ?? [];
    return netloomLayer(tf, 'ZeroPadding1D', { padding: [before, after], name });
  },
  toKeras: (p, name) => {
    // Keras writes one axis's padding as (before, after), or one number for both sides.
    const [before = 0, after = 0] = p.padding[0] ?? [];
    const padding = before === after ? String(before) : `(${before}, ${after})`;
    // A wrapped layer (TimeDistributed's) has no name of its own: its wrapper carries it.
    return `layers.ZeroPadding1D(${padding}${name === null ? '' : `, name=${pyString(name)}`})`;
  },
});
