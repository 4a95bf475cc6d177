import { formatShape } from '../graph/shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { normalizationParams, untrainableNormalization } from './normalization-params';
import { float, int } from './params';
import { fail, known } from './shape-utils';

const params = {
  axis: int(-1, 'Axis of the features to normalise; -1 is the last (channels) axis.'),
  momentum: float(0.99, 'How slowly the running mean and variance used at prediction time follow each batch.', {
    min: 0,
    max: 1,
  }),
  ...normalizationParams,
};

const axisOf = (rank: number, axis: number) => (axis < 0 ? rank + axis : axis);

/** Normalises each feature over the batch; keeps running statistics for prediction. */
export const batchNormalization = defineLayer({
  kind: 'BatchNormalization',
  kerasClass: 'BatchNormalization',
  category: 'Normalization',
  keywords: ['batchnorm', 'cnn', 'normalize'],
  description:
    'Normalises each feature to zero mean and unit variance over the batch while training, and with running averages at prediction time. Often speeds up training.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], p, ctx) => {
    const axis = axisOf(input.length, p.axis);
    if (axis < 1 || axis >= input.length) {
      return fail('invalid-param', `BatchNormalization ${ctx.name}: axis ${p.axis} is outside the input ${formatShape(input)}`);
    }
    if (input[axis] === null) return fail('unknown-dim', `BatchNormalization ${ctx.name} needs a known size on axis ${p.axis}`);
    return { ok: true, shape: input, warnings: untrainableNormalization('BatchNormalization', ctx.name, p.center, p.scale) };
  },
  countParams: ([input = []], p) => {
    const features = known(input[axisOf(input.length, p.axis)]);
    return { trainable: features * (Number(p.center) + Number(p.scale)), nonTrainable: 2 * features };
  },
  toTfjs: (tf, p, name) => tf.layers.batchNormalization(tfjsConfig(tf, params, p, name)),
});
