import { defineLayer, tfjsConfig } from './define-layer';
import type { Tf } from './layer-spec';
import type { ParamSpecs } from './params';
import type { ParamValue } from '../graph/types';
import { recurrentActivationParam, rnnParams, rnnShape, rnnWeights } from './recurrent';

const params = { ...rnnParams, recurrent_activation: recurrentActivationParam() };

/** The tfjs LSTM with Keras's initialisation (unit_forget_bias), for Bidirectional too. */
export function tfjsLstm(tf: Tf, specs: ParamSpecs, p: Readonly<Record<string, ParamValue>>, name: string) {
  return tf.layers.lstm({ ...tfjsConfig<Parameters<typeof tf.layers.lstm>[0]>(tf, specs, p, name), unitForgetBias: true });
}

/** Long short-term memory: a recurrent layer whose gates keep long-range context. */
export const lstm = defineLayer({
  kind: 'LSTM',
  kerasClass: 'LSTM',
  category: 'Recurrent',
  keywords: ['text', 'sequence', 'time series', 'nlp', 'rnn', 'memory'],
  description: 'Long Short-Term Memory: a recurrent layer with input, forget and output gates that keep context over long sequences.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['units'],
  kerasRequired: ['units'],
  inferShape: ([input = []], p, ctx) => rnnShape(input, p.units, p.return_sequences, 'LSTM', ctx),
  countParams: ([input = []], p) => ({ trainable: rnnWeights(input, p.units, p.use_bias, 4), nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tfjsLstm(tf, params, p, name),
});
