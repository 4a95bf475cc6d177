import { defineLayer, tfjsConfig } from './define-layer';
import { int } from './params';
import { checkRank, ok } from './shape-utils';

const params = {
  n: int(3, 'How many times to repeat the vector: the number of steps in the output.', { min: 1 }),
};

/** Repeats a vector `n` times: `(None, features)` -> `(None, n, features)`. */
export const repeatVector = defineLayer({
  kind: 'RepeatVector',
  kerasClass: 'RepeatVector',
  category: 'Reshaping',
  keywords: ['sequence', 'seq2seq', 'decoder'],
  description: 'Repeats each sample vector n times, (None, 32) to (None, n, 32), e.g. to feed one encoding to every step of a decoder RNN.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['n'],
  kerasRequired: ['n'],
  inferShape: ([input = []], p, ctx) => {
    const wrong = checkRank(input, 2, 'RepeatVector', '(batch, features)', ctx, {
      kind: 'insert-layer',
      label: 'Insert Flatten',
      slot: 0,
      layer: 'Flatten',
    });
    return wrong ?? ok([null, p.n, input[1] ?? null]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.repeatVector(tfjsConfig(tf, params, p, name)),
});
