import { defaultParams } from './params';
import { formatShape } from '../graph/shape';
import { defineLayer } from './define-layer';
import { dense } from './dense';
import type { LayerLookup, Tf, TfLayer } from './layer-spec';
import { layerParam } from './params';
import { fail } from './shape-utils';
import { innerInfer, innerOf, readWrapped } from './wrapper';
import { pyString } from '../lib/py-source';

const params = {
  layer: layerParam(
    { kind: 'Dense', params: { ...defaultParams(dense.params), units: 32 } },
    'The layer applied to every time step on its own, with the same weights for each step.',
  ),
};

const singleInput = (lookup: LayerLookup) => (kind: string) => {
  const arity = lookup.spec(kind as never).arity;
  return arity.min === 1 && arity.max === 1;
};

/**
 * Applies one layer to every time step: `(None, steps, ...)` in, the inner layer's output per
 * step out, with shared weights. Keras's `TimeDistributed(layer)`; any single-input layer fits.
 */
export function timeDistributedLayer(lookup: LayerLookup) {
  return defineLayer({
    kind: 'TimeDistributed',
    kerasClass: 'TimeDistributed',
    category: 'Recurrent',
    keywords: ['sequence', 'video', 'per step'],
    description:
      "Applies one layer (a Dense, a Conv2D, ...) to every time step of a sequence, with the same weights for each step: (None, steps, ...) in, the layer's output for each step out.",
    params,
    arity: { min: 1, max: 1 },
    inferShape: ([input = []], p, ctx) => {
      if (input.length < 3) {
        return fail('wrong-rank', `TimeDistributed needs a sequence (batch, steps, ...) of at least 3-D but ${ctx.name} gets ${formatShape(input)}`);
      }
      const inner = innerInfer(lookup, p.layer, [[null, ...input.slice(2)]], ctx, 'TimeDistributed');
      return inner.ok ? { ...inner, shape: [null, input[1] ?? null, ...inner.shape.slice(1)] } : inner;
    },
    countParams: ([input = []], p, output) => {
      const { spec, params: inner } = innerOf(lookup, p.layer);
      return spec.countParams([[null, ...input.slice(2)]], inner, [null, ...output.slice(2)]);
    },
    toTfjs: (tf: Tf, p, name) => {
      const { spec, params: inner } = innerOf(lookup, p.layer);
      return tf.layers.timeDistributed({ layer: spec.toTfjs(tf, inner, `${name}_${p.layer.kind.toLowerCase()}`), name }) as TfLayer;
    },
    toKeras: (p, name) => {
      const { spec, params: inner } = innerOf(lookup, p.layer);
      return `layers.TimeDistributed(${spec.toKeras(inner, null)}${name === null ? '' : `, name=${pyString(name)}`})`;
    },
    fromKeras: (config) => ({ layer: readWrapped(lookup, config, singleInput(lookup), 'TimeDistributed') }),
  });
}
