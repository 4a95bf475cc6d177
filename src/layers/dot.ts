import { formatShape } from '../graph/shape';
import type { Dim, Shape } from '../graph/types';
import { defineLayer } from './define-layer';
import type { InferResult, ShapeContext } from './layer-spec';
import { bool, ints } from './params';
import { fail, ok } from './shape-utils';
import { netloomLayer } from './tfjs-extra';
import { pyString } from '../lib/py-source';

const params = {
  // Any whole numbers: whether one names an axis depends on the input's rank, so inferShape checks.
  axes: ints(
    [-1, -1],
    'Axis of the first and of the second input to multiply and sum over (1 is the first axis after the batch; -1 the last). Their sizes must match.',
    {
      length: 2,
    },
  ),
  normalize: bool(false, 'Scale both inputs to length 1 along those axes first, so the result is their cosine similarity.'),
};

/** Where `axis` of an input of `rank` dimensions points (batch axis 0), or the problem. */
function resolveAxis(axis: number, input: Shape, slot: number, ctx: ShapeContext): number | InferResult {
  const rank = input.length;
  const resolved = axis < 0 ? axis + rank : axis;
  if (resolved >= 1 && resolved < rank) return resolved;
  return fail(
    'invalid-param',
    `Dot ${ctx.name}: axes[${slot}] = ${axis} is not an axis of input ${slot + 1} ${formatShape(input)}; ` +
      `${rank === 2 ? 'use 1 or -1' : `use 1 to ${rank - 1} or -1 to -${rank - 1}`} (axis 0 is the batch)`,
  );
}

/**
 * Keras's batch_dot shape: the first input without its summed axis, then the second without its
 * summed axis and batch; a result with only the batch axis becomes `(batch, 1)`.
 */
function dotShape(inputs: readonly Shape[], axes: readonly number[], ctx: ShapeContext): InferResult {
  const [x = [], y = []] = inputs;
  for (const [slot, shape] of [x, y].entries()) {
    // tfjs 4.22's Dot throws on anything larger (Keras would squash the middle axes).
    if (shape.length > 3) {
      return fail(
        'wrong-rank',
        `Dot ${ctx.name}: TF.js takes inputs of at most 3 dimensions (batch, steps, features), but input ${slot + 1} ` +
          `is ${shape.length}-D ${formatShape(shape)}; Reshape or Flatten it first`,
      );
    }
  }
  const a = resolveAxis(axes[0] ?? -1, x, 0, ctx);
  if (typeof a !== 'number') return a;
  const b = resolveAxis(axes[1] ?? -1, y, 1, ctx);
  if (typeof b !== 'number') return b;
  const [da = null, db = null] = [x[a], y[b]];
  // Keras and tfjs both refuse an unknown size against a known one here.
  if (da !== db) {
    return fail(
      'merge-mismatch',
      `Dot ${ctx.name} multiplies axis ${a} of ${formatShape(x)} with axis ${b} of ${formatShape(y)}, whose sizes ` +
        `${da ?? 'None'} and ${db ?? 'None'} differ; they must be equal`,
    );
  }
  const out: Dim[] = [null, ...x.filter((_, i) => i !== a && i !== 0), ...y.filter((_, i) => i !== b && i !== 0)];
  return ok(out.length === 1 ? [null, 1] : out);
}

/** Dot product of two inputs along one axis each. */
export const dot = defineLayer({
  kind: 'Dot',
  kerasClass: 'Dot',
  category: 'Merge',
  keywords: ['dot product', 'similarity', 'cosine', 'combine'],
  description:
    'Multiplies two inputs along one axis each and sums (a dot product per sample): two (None, 8) vectors give (None, 1); with normalize, their cosine similarity.',
  params,
  arity: { min: 2, max: 2 },
  positional: ['axes'],
  kerasRequired: ['axes'],
  inferShape: (inputs, p, ctx) => dotShape(inputs, p.axes, ctx),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // Netloom's class: tfjs's own cannot build with axes of mixed signs, e.g. (1, -1).
  toTfjs: (tf, p, name) => netloomLayer(tf, 'Dot', { axes: [...p.axes], normalize: p.normalize, name }),
  toKeras: (p, name) => {
    // Keras reads one integer as the same axis of both inputs: Dot(axes=1) is Dot(axes=(1, 1)).
    const [a = -1, b = -1] = p.axes;
    const args = [a === b ? String(a) : `(${a}, ${b})`, ...(p.normalize ? ['normalize=True'] : []), ...(name === null ? [] : [`name=${pyString(name)}`])];
    return `layers.Dot(${args.join(', ')})`;
  },
});
