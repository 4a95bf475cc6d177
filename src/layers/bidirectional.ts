import { defaultParams } from './params';
import { UserFileError } from '../lib/errors';
import { defineLayer } from './define-layer';
import type { LayerLookup, Tf, TfLayer } from './layer-spec';
import { lstm } from './lstm';
import { choice, layerParam } from './params';
import { innerInfer, innerOf, readWrapped } from './wrapper';
import { pyString } from '../lib/py-source';

const RECURRENT = ['LSTM', 'GRU', 'SimpleRNN'] as const;

const params = {
  layer: layerParam(
    { kind: 'LSTM', params: { ...defaultParams(lstm.params), units: 32 } },
    'The recurrent layer run in both directions, with its own settings; return_sequences decides whether every step comes out.',
    RECURRENT,
  ),
  merge_mode: choice(['concat', 'sum', 'mul', 'ave'] as const, 'concat', 'How the forward and backward outputs combine; concat doubles the size.'),
};

/**
 * Runs an LSTM, GRU or SimpleRNN forwards and backwards over the sequence and merges both
 * outputs: Keras's `Bidirectional(layer)`. Made by the registry, which passes the inner specs.
 */
export function bidirectionalLayer(lookup: LayerLookup) {
  return defineLayer({
    kind: 'Bidirectional',
    kerasClass: 'Bidirectional',
    category: 'Recurrent',
    keywords: ['text', 'sequence', 'nlp', 'birnn'],
    description:
      'Runs a recurrent layer (LSTM, GRU, SimpleRNN) over the sequence forwards and backwards and merges the two outputs, so each step sees past and future context.',
    params,
    arity: { min: 1, max: 1 },
    inferShape: (inputs, p, ctx) => {
      const inner = innerInfer(lookup, p.layer, inputs, ctx, 'Bidirectional');
      if (!inner.ok || p.merge_mode !== 'concat') return inner;
      const units = inner.shape.at(-1) ?? null;
      return { ...inner, shape: [...inner.shape.slice(0, -1), units === null ? null : 2 * units] };
    },
    countParams: (inputs, p, output) => {
      const { spec, params: inner } = innerOf(lookup, p.layer);
      const one = spec.countParams(inputs, inner, output);
      return { trainable: 2 * one.trainable, nonTrainable: 2 * one.nonTrainable };
    },
    toTfjs: (tf: Tf, p, name) => {
      const { spec, params: inner } = innerOf(lookup, p.layer);
      // tfjs names the halves forward_<inner> and backward_<inner>; the import matches either way.
      const layer = spec.toTfjs(tf, inner, `forward_${name}`) as unknown as Parameters<Tf['layers']['bidirectional']>[0]['layer'];
      return tf.layers.bidirectional({ layer, mergeMode: p.merge_mode, name }) as TfLayer;
    },
    toKeras: (p, name) => {
      const { spec, params: inner } = innerOf(lookup, p.layer);
      const merge = p.merge_mode === 'concat' ? '' : `, merge_mode=${pyString(p.merge_mode)}`;
      return `layers.Bidirectional(${spec.toKeras(inner, null)}${merge}${name === null ? '' : `, name=${pyString(name)}`})`;
    },
    fromKeras: (config) => {
      const layer = readWrapped(lookup, config, (k) => (RECURRENT as readonly string[]).includes(k), 'Bidirectional');
      const mergeMode = config.merge_mode ?? 'concat';
      if (!params.merge_mode.options.includes(mergeMode as 'concat')) {
        throw new UserFileError(`Bidirectional "${String(config.name)}" has merge_mode=${JSON.stringify(mergeMode)}`);
      }
      return { layer, merge_mode: mergeMode as (typeof params.merge_mode.options)[number] };
    },
  });
}
