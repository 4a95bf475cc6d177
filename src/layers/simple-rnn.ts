import { defineLayer, tfjsConfig } from './define-layer';
import { rnnParams, rnnShape, rnnWeights } from './recurrent';

const params = rnnParams;

/** A fully connected recurrent layer: the state is fed back at every step. */
export const simpleRnn = defineLayer({
  kind: 'SimpleRNN',
  kerasClass: 'SimpleRNN',
  category: 'Recurrent',
  keywords: ['text', 'sequence', 'time series', 'rnn'],
  description: 'The simplest recurrent layer: the output of each step is fed back with the next input. Forgets long-range context; LSTM and GRU fix that.',
  params,
  arity: { min: 1, max: 1 },
  positional: ['units'],
  kerasRequired: ['units'],
  inferShape: ([input = []], p, ctx) => rnnShape(input, p.units, p.return_sequences, 'SimpleRNN', ctx),
  countParams: ([input = []], p) => ({ trainable: rnnWeights(input, p.units, p.use_bias, 1), nonTrainable: 0 }),
  toTfjs: (tf, p, name) => tf.layers.simpleRNN(tfjsConfig(tf, params, p, name)),
});
