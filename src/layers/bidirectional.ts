import { UserFileError } from '../lib/errors';
import { activationParam } from './common-params';
import { defineLayer, fromKerasConfig, kerasCall, tfjsConfig } from './define-layer';
import { checkResetAfter } from './gru';
import type { KerasConfig } from './layer-spec';
import { tfjsLstm } from './lstm';
import { bool, choice, float, int } from './params';
import { recurrentActivationParam, rnnParams, rnnShape, rnnWeights } from './recurrent';

/** The wrapped layer's own parameters, as LSTM/GRU name them. */
const innerParams = {
  units: int(32, 'Size of each direction\'s hidden state.', { min: 1 }),
  activation: activationParam('tanh'),
  recurrent_activation: recurrentActivationParam(),
  use_bias: bool(true, 'Add learned biases.'),
  return_sequences: bool(false, 'Output every step (None, steps, 2*units) instead of only the last.'),
  dropout: float(0, 'Fraction of the inputs dropped at each step while training.', { min: 0, max: 1, maxExclusive: true }),
  recurrent_dropout: float(0, 'Fraction of the state dropped at each step while training.', { min: 0, max: 1, maxExclusive: true }),
  kernel_initializer: rnnParams.kernel_initializer,
  recurrent_initializer: rnnParams.recurrent_initializer,
};

const params = {
  layer: choice(['LSTM', 'GRU'] as const, 'LSTM', 'The recurrent layer run in both directions.'),
  merge_mode: choice(['concat', 'sum', 'mul', 'ave'] as const, 'concat', 'How the forward and backward outputs combine; concat doubles the size.'),
  ...innerParams,
};

const GATES = { LSTM: 4, GRU: 3 } as const;

/** Runs an LSTM or GRU forwards and backwards over the sequence and merges both outputs. */
export const bidirectional = defineLayer({
  kind: 'Bidirectional',
  kerasClass: 'Bidirectional',
  category: 'Recurrent',
  description: 'Runs an LSTM or GRU over the sequence forwards and backwards and merges the two outputs, so each step sees past and future context.',
  params,
  arity: { min: 1, max: 1 },
  inferShape: ([input = []], p, ctx) => {
    const units = p.merge_mode === 'concat' ? 2 * p.units : p.units;
    return rnnShape(input, units, p.return_sequences, `Bidirectional(${p.layer})`, ctx);
  },
  countParams: ([input = []], p) => ({ trainable: 2 * rnnWeights(input, p.units, p.use_bias, GATES[p.layer]), nonTrainable: 0 }),
  toTfjs: (tf, p, name) => {
    const inner =
      p.layer === 'LSTM'
        ? tfjsLstm(tf, innerParams, p, `forward_${name}`)
        : tf.layers.gru(tfjsConfig(tf, innerParams, p, `forward_${name}`));
    return tf.layers.bidirectional({ layer: inner, mergeMode: p.merge_mode, name });
  },
  toKeras: (p, name) =>
    `layers.Bidirectional(${kerasCall(p.layer, innerParams, ['units'], p, null, p.layer === 'GRU' ? ['reset_after=False'] : [])}` +
    `${p.merge_mode === 'concat' ? '' : `, merge_mode=${JSON.stringify(p.merge_mode)}`}, name=${JSON.stringify(name)})`,
  fromKeras: (config) => {
    const inner = config.layer as { class_name?: unknown; config?: KerasConfig } | undefined;
    const cls = inner?.class_name;
    if ((cls !== 'LSTM' && cls !== 'GRU') || inner?.config === undefined) {
      throw new UserFileError(`Bidirectional "${String(config.name)}" wraps ${String(cls)}; Netloom supports LSTM and GRU`);
    }
    if (cls === 'GRU') checkResetAfter(inner.config);
    const mergeMode = config.merge_mode ?? 'concat';
    if (!params.merge_mode.options.includes(mergeMode as 'concat')) {
      throw new UserFileError(`Bidirectional "${String(config.name)}" has merge_mode=${JSON.stringify(mergeMode)}`);
    }
    return { ...fromKerasConfig(innerParams, inner.config), layer: cls, merge_mode: mergeMode } as never;
  },
});
