import { formatShape, product } from '../graph/shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { fail, fromWhat, ok } from './shape-utils';

const params = {};

/** Flattens each sample to one vector: `(None, 7, 7, 64)` -> `(None, 3136)`. */
export const flatten = defineLayer({
  kind: 'Flatten',
  kerasClass: 'Flatten',
  category: 'Reshaping',
  keywords: ['cnn', 'vector'],
  description: 'Flattens each sample into one vector, e.g. (None, 7, 7, 64) to (None, 3136), so Dense layers can follow convolutions.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], _p, ctx) => {
    // tfjs refuses Flatten on an already flat input (Keras would pass it through).
    if (input.length < 3) {
      return fail('wrong-rank', `Flatten ${ctx.name} gets ${formatShape(input)}, which is already flat; remove the Flatten`);
    }
    const total = product(input.slice(1));
    if (total === null) {
      return fail('unknown-dim', `Flatten ${ctx.name} needs every dimension but the batch to be known, got ${formatShape(input)}${fromWhat(ctx)}`);
    }
    return ok([null, total]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.flatten(tfjsConfig(tf, params, p, name)),
});
