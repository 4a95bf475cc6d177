import { formatShape, lastDim } from '../graph/shape';
import { defineLayer, tfjsConfig } from './define-layer';
import { normalizationParams, untrainableNormalization } from './normalization-params';
import { fail, known } from './shape-utils';

const params = { ...normalizationParams };

/** Normalises each sample over its last axis; the same at training and prediction time. */
export const layerNormalization = defineLayer({
  kind: 'LayerNormalization',
  kerasClass: 'LayerNormalization',
  category: 'Normalization',
  description: 'Normalises each sample over its features (last axis), independent of the batch; common in recurrent and attention models.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], p, ctx) => {
    if (input.length < 2) return fail('wrong-rank', `LayerNormalization ${ctx.name} needs features, got ${formatShape(input)}`);
    if (lastDim(input) === null) return fail('unknown-dim', `LayerNormalization ${ctx.name} needs a known last dimension`);
    return { ok: true, shape: input, warnings: untrainableNormalization('LayerNormalization', ctx.name, p.center, p.scale) };
  },
  countParams: ([input = []], p) => ({
    trainable: known(lastDim(input)) * (Number(p.center) + Number(p.scale)),
    nonTrainable: 0,
  }),
  toTfjs: (tf, p, name) => tf.layers.layerNormalization(tfjsConfig(tf, params, p, name)),
});
