import { UserFileError } from '../lib/errors';
import { defineLayer, fromKerasConfig, kerasCall, tfjsConfig } from './define-layer';
import type { KerasConfig } from './layer-spec';
import type { ParamValues } from './params';
import { recurrentActivationParam, rnnParams, rnnShape, rnnWeights } from './recurrent';

const params = { ...rnnParams, recurrent_activation: recurrentActivationParam() };

/** Refuses a GRU config with reset_after=True, which tfjs cannot run. */
export function checkResetAfter(config: KerasConfig): void {
  if (config.reset_after === true) {
    throw new UserFileError(
      `GRU "${String(config.name)}" uses reset_after=True (the Keras default), which TensorFlow.js cannot run; ` +
        'rebuild it in Keras with GRU(..., reset_after=False)',
    );
  }
}

/**
 * Gated recurrent unit. TF.js implements only the original GRU (reset_after=False), while Keras
 * defaults to reset_after=True; exported Python therefore always says reset_after=False, so the
 * weights have the same shapes on both sides.
 */
export const gru = defineLayer({
  kind: 'GRU',
  kerasClass: 'GRU',
  category: 'Recurrent',
  keywords: ['text', 'sequence', 'time series', 'nlp', 'rnn'],
  description:
    'Gated Recurrent Unit: like LSTM with fewer gates and weights. Netloom uses reset_after=False, the only form TF.js runs, and writes it into the Keras code so both sides match.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['units'],
  kerasRequired: ['units'],
  inferShape: ([input = []], p, ctx) => rnnShape(input, p.units, p.return_sequences, 'GRU', ctx),
  countParams: ([input = []], p) => ({ trainable: rnnWeights(input, p.units, p.use_bias, 3), nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.gru(tfjsConfig(tf, params, p, name)),
  toKeras: (p, name) => kerasCall('GRU', params, ['units'], p, name, ['reset_after=False']),
  fromKeras: (config) => {
    checkResetAfter(config);
    return fromKerasConfig(params, config) as ParamValues<typeof params>;
  },
});
