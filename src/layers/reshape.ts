import { formatShape, product } from '../graph/shape';
import { defineLayer, fromKerasConfig, tfjsConfig } from './define-layer';
import { ints } from './params';
import { fail, ok } from './shape-utils';

const params = {
  target_shape: ints([4, 4], 'New shape of each sample, without the batch axis; one entry may be -1 to infer it.', {
    minLength: 1,
    min: 1,
    allowMinusOne: true,
  }),
};

/** Gives each sample a new shape holding the same number of values. */
export const reshape = defineLayer({
  kind: 'Reshape',
  kerasClass: 'Reshape',
  category: 'Reshaping',
  keywords: ['view', 'dimensions'],
  description: 'Gives each sample a new shape with the same number of values, e.g. (None, 784) to (None, 28, 28, 1).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['target_shape'],
  kerasRequired: ['target_shape'],
  // The card's output shape already says what target_shape asks for.
  headline: [],
  inferShape: ([input = []], p, ctx) => {
    const total = product(input.slice(1));
    const target = p.target_shape;
    const unknown = target.filter((d) => d === -1).length;
    if (unknown > 1) return fail('invalid-param', `Reshape ${ctx.name}: only one dimension of target_shape can be -1`);
    if (total === null) {
      return fail('unknown-dim', `Reshape ${ctx.name} needs every input dimension but the batch to be known, got ${formatShape(input)}`);
    }
    const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const inferred = unknown === 1 ? total / known : known;
    if (!Number.isInteger(inferred) || (unknown === 0 && known !== total)) {
      return fail(
        'reshape-mismatch',
        `Reshape ${ctx.name} cannot turn ${formatShape(input)} (${total} values) into ${formatShape([null, ...target])}` +
          (unknown === 0 ? ` (${known} values)` : ''),
      );
    }
    // tfjs leaves the -1 axis unknown in the symbolic shape (Keras would resolve it); we match
    // the model we compile, so a Flatten after it is caught here, not at build time.
    return ok([null, ...target.map((d) => (d === -1 ? null : d))]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.reshape(tfjsConfig(tf, params, p, name)),
  fromKeras: (config) => {
    // tfjs saves the inferred axis as null; Keras as -1.
    const raw = Array.isArray(config.target_shape) ? config.target_shape.map((d: unknown) => (d === null ? -1 : d)) : config.target_shape;
    return fromKerasConfig(params, { ...config, target_shape: raw }) as { target_shape: readonly number[] };
  },
});
