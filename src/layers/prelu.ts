import { formatShape } from '../graph/shape';
import type { Shape } from '../graph/types';
import { defineLayer, tfjsConfig } from './define-layer';
import { INITIALIZERS } from './keras-values';
import { choice, float, ints } from './params';
import { fail, known, ok } from './shape-utils';

const params = {
  alpha_initializer: choice(INITIALIZERS, 'zeros', 'How the learned slopes start; zeros starts as a plain ReLU.', { advanced: true }),
  alpha_l1: float(0, 'L1 penalty on the slopes (alpha_regularizer).', { min: 0, advanced: true }),
  alpha_l2: float(0, 'L2 penalty on the slopes (alpha_regularizer); keeps them small.', { min: 0, advanced: true }),
  shared_axes: ints<true>(
    null,
    'Axes (1 is the first after the batch) that share one slope, e.g. (1, 2) for one slope per channel of an image; None learns one per value.',
    {
      nullable: true,
      minLength: 1,
      min: 1,
    },
  ),
};

/** The learned slope's shape: the input's without the batch axis, 1 on each shared axis. */
const alphaShape = (input: Shape, shared: readonly number[] | null): Shape => input.slice(1).map((d, i) => (shared?.includes(i + 1) ? 1 : d));

/** ReLU whose slope for negative inputs is learned, one per value unless axes share it. */
export const prelu = defineLayer({
  kind: 'PReLU',
  kerasClass: 'PReLU',
  category: 'Activation',
  description:
    'Parametric ReLU: like LeakyReLU, but the slope for negative values is learned during training, one per value (or per channel with shared_axes).',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], p, ctx) => {
    if (input.length < 2) return fail('wrong-rank', `PReLU ${ctx.name} needs an input with features but gets ${formatShape(input)}`);
    const outside = (p.shared_axes ?? []).find((axis) => axis >= input.length);
    if (outside !== undefined) {
      return fail(
        'invalid-param',
        `PReLU ${ctx.name}: shared axis ${outside} is outside the input ${formatShape(input)}; axes count from 1 (0 is the batch) up to ${input.length - 1}`,
      );
    }
    const unknown = alphaShape(input, p.shared_axes).flatMap((d, i) => (d === null ? [i + 1] : []));
    if (unknown.length > 0) {
      const shared = [...new Set([...(p.shared_axes ?? []), ...unknown])].sort((a, b) => a - b);
      return fail(
        'unknown-dim',
        `PReLU ${ctx.name} learns a slope per value, so it needs a known size on axis ${unknown.join(', ')} of ${formatShape(input)}; ` +
          'share the unknown axes or give the input a fixed size',
        { kind: 'set-param', label: 'Share the unknown axes', param: 'shared_axes', value: shared },
      );
    }
    return ok(input);
  },
  countParams: ([input = []], p) => ({
    trainable: alphaShape(input, p.shared_axes).reduce<number>((n, d) => n * known(d), 1),
    nonTrainable: 0,
  }),
  toTfjs: (tf, p, name) => tf.layers.prelu(tfjsConfig(tf, params, p, name)),
});
