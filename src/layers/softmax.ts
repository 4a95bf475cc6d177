import { formatShape } from '../graph/shape';
import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig } from './define-layer';
import type { LayerProblem } from './layer-spec';
import { int } from './params';
import { fail } from './shape-utils';
import { netloomLayer } from './tfjs-extra/index';

const params = {
  axis: int(-1, 'Axis whose values are turned into probabilities that sum to 1; -1 is the last axis.'),
};

/** Turns values along one axis into probabilities that sum to 1. */
export const softmax = defineLayer({
  kind: 'Softmax',
  kerasClass: 'Softmax',
  category: 'Activation',
  keywords: ['probabilities', 'classifier', 'output'],
  description: 'Turns the values along one axis (the last by default) into probabilities between 0 and 1 that sum to 1.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], p, ctx) => {
    const axis = p.axis < 0 ? input.length + p.axis : p.axis;
    if (axis < 1 || axis >= input.length) {
      return fail(
        'invalid-param',
        `Softmax ${ctx.name}: axis ${p.axis} is not a feature axis of the input ${formatShape(input)}; use 1 to ${input.length - 1}, or -1 for the last`,
      );
    }
    const warnings: LayerProblem[] = [];
    if (input[axis] === 1) {
      warnings.push({ code: 'softmax-one-unit', message: `Softmax over 1 value: ${ctx.name} always outputs 1.0 on axis ${p.axis}` });
    }
    return { ok: true, shape: input, warnings };
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  // tfjs 4.22's Softmax refuses every axis but the last; Netloom's registered one takes any.
  toTfjs: (tf, p, name) => netloomLayer(tf, 'Softmax', { name, axis: p.axis }),
  fromKeras: (config) => {
    // Keras also takes a list of axes; one axis in a list is the same layer.
    const raw = config.axis;
    if (Array.isArray(raw) && raw.length !== 1) {
      throw new UserFileError(`layer "${String(config.name)}" has a softmax over axes ${JSON.stringify(raw)}; Netloom supports one axis`);
    }
    return fromKerasConfig(params, { ...config, axis: Array.isArray(raw) ? raw[0] : raw }) as { axis: number };
  },
});
