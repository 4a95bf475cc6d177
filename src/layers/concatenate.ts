import { formatShape } from '../graph/shape';
import type { Dim } from '../graph/types';
import { defineLayer, tfjsConfig } from './define-layer';
import { int } from './params';
import { fail, ok } from './shape-utils';

const params = {
  axis: int(-1, 'Axis to join along; -1 joins the features (last axis). All other axes must match.'),
};

/** Joins its inputs along one axis. */
export const concatenate = defineLayer({
  kind: 'Concatenate',
  kerasClass: 'Concatenate',
  category: 'Merge',
  keywords: ['join', 'combine', 'stack', 'multi-input'],
  description: 'Joins its inputs along one axis (by default the features): (None, 8) and (None, 4) become (None, 12).',
  params,
  arity: { min: 2, max: Infinity },
  inferShape: (inputs, p, ctx) => {
    const [first = [], ...rest] = inputs;
    const rank = first.length;
    const axis = p.axis < 0 ? rank + p.axis : p.axis;
    if (axis < 1 || axis >= rank) {
      return fail('invalid-param', `Concatenate ${ctx.name}: axis ${p.axis} is outside the input ${formatShape(first)}`);
    }
    const out: Dim[] = [...first];
    for (const shape of rest) {
      if (shape.length !== rank) {
        return fail(
          'merge-mismatch',
          `Concatenate inputs differ in rank: ${formatShape(first)} is ${rank}-D but ${formatShape(shape)} is ${shape.length}-D; ` +
            'Flatten or Reshape one of them',
        );
      }
      for (let i = 1; i < rank; i += 1) {
        const a = out[i] ?? null;
        const b = shape[i] ?? null;
        if (i === axis) out[i] = a === null || b === null ? null : a + b;
        else if (a !== null && b !== null && a !== b) {
          return fail('merge-mismatch', `Concatenate inputs differ on axis ${i}: ${formatShape(first)} vs ${formatShape(shape)}`);
        }
      }
    }
    return ok(out);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.concatenate(tfjsConfig(tf, params, p, name)),
});
