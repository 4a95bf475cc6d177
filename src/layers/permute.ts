import { formatShape } from '../graph/shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { ints } from './params';
import { fail, fromWhat, ok } from './shape-utils';

const params = {
  dims: ints([2, 1], 'New order of the axes, counted from 1 and without the batch axis: (2, 1) swaps steps and features.', {
    minLength: 1,
    min: 1,
  }),
};

const pyTuple = (dims: readonly number[]) => (dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`);

/** Reorders the axes of each sample, e.g. `(None, 10, 64)` -> `(None, 64, 10)`. */
export const permute = defineLayer({
  kind: 'Permute',
  kerasClass: 'Permute',
  category: 'Reshaping',
  keywords: ['transpose', 'swap axes'],
  description: 'Reorders the axes of each sample (the batch axis stays first), e.g. Permute((2, 1)) turns (None, 10, 64) into (None, 64, 10).',
  params,
  arity: { min: 1, max: 1 },
  positional: ['dims'],
  kerasRequired: ['dims'],
  inferShape: ([input = []], p, ctx) => {
    const n = p.dims.length;
    const sorted = [...p.dims].sort((a, b) => a - b);
    if (sorted.some((d, i) => d !== i + 1)) {
      return fail(
        'invalid-param',
        `Permute ${ctx.name}: dims ${pyTuple(p.dims)} must list each of the axes 1 to ${n} exactly once, e.g. ${pyTuple(sorted.map((_, i) => n - i))}`,
      );
    }
    if (input.length !== n + 1) {
      return fail(
        'wrong-rank',
        `Permute ${ctx.name}: dims ${pyTuple(p.dims)} reorders ${n} axes, so it needs a ${n + 1}-D input, but gets ` +
          `${input.length}-D ${formatShape(input)}${fromWhat(ctx)}`,
      );
    }
    return ok([null, ...p.dims.map((d) => input[d] ?? null)]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.permute(tfjsConfig(tf, params, p, name)),
});
