import { formatShape } from '../graph/shape';
import type { Shape } from '../graph/types';
import { defineLayer, tfjsConfig } from './define-layer';
import { normalizationParams, untrainableNormalization } from './normalization-params';
import { ints } from './params';
import { fail, known } from './shape-utils';

const params = {
  axis: ints([-1], 'Axes normalised over, and that gamma and beta span; -1 is the last (features) axis. (1, 2) normalises each sample over two axes.', {
    minLength: 1,
  }),
  ...normalizationParams,
};

/** The axes as positions in `input`, or the first one that is not a feature axis. */
function axesOf(input: Shape, axis: readonly number[]): { axes: number[] } | { bad: number } {
  const axes: number[] = [];
  for (const a of axis) {
    const at = a < 0 ? input.length + a : a;
    if (at < 1 || at >= input.length) return { bad: a };
    axes.push(at);
  }
  return { axes };
}

/** Normalises each sample over the chosen axes (the last by default); the same at training and prediction time. */
export const layerNormalization = defineLayer({
  kind: 'LayerNormalization',
  kerasClass: 'LayerNormalization',
  category: 'Normalization',
  keywords: ['layernorm', 'transformer', 'normalize'],
  description:
    'Normalises each sample over its features (last axis, or the axes you choose), independent of the batch; common in recurrent and attention models.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], p, ctx) => {
    if (input.length < 2) return fail('wrong-rank', `LayerNormalization ${ctx.name} needs features, got ${formatShape(input)}`);
    const found = axesOf(input, p.axis);
    if ('bad' in found) return fail('invalid-param', `LayerNormalization ${ctx.name}: axis ${found.bad} is not a feature axis of ${formatShape(input)}`);
    if (found.axes.some((a) => input[a] === null)) {
      return fail('unknown-dim', `LayerNormalization ${ctx.name} needs a known size on axis ${p.axis.join(', ')} of ${formatShape(input)}`);
    }
    return { ok: true, shape: input, warnings: untrainableNormalization('LayerNormalization', ctx.name, p.center, p.scale) };
  },
  countParams: ([input = []], p) => {
    const found = axesOf(input, p.axis);
    const span = 'axes' in found ? found.axes.reduce((n, a) => n * known(input[a]), 1) : 0;
    return { trainable: span * (Number(p.center) + Number(p.scale)), nonTrainable: 0 };
  },
  toTfjs: (tf, p, name) => {
    const config = tfjsConfig<Parameters<typeof tf.layers.layerNormalization>[0]>(tf, params, p, name);
    // One axis as a number: tfjs writes it back that way, as Keras does.
    return tf.layers.layerNormalization({ ...config, axis: p.axis.length === 1 ? (p.axis[0] as number) : [...p.axis] });
  },
});
