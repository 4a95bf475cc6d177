import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import type { Params, Shape, WrappedLayer } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';
import { defaultParams } from './params';
import { layerSpec } from './registry';

const rnn = layerSpec('RNN');
const cell = (kind: LayerKind, params: Params = {}): WrappedLayer => ({ kind, params: { ...defaultParams(layerSpec(kind).params), ...params } });
const withDefaults = (params: Params) => ({ ...defaultParams(rnn.params), ...params });

// Keras 3.15 get_config() of RNN(LSTMCell(8, ...), return_sequences=True), dtype policies left out.
const KERAS3_SINGLE = {
  name: 'rnn_x',
  trainable: true,
  return_sequences: true,
  return_state: false,
  go_backwards: false,
  stateful: false,
  unroll: false,
  zero_output_for_mask: false,
  cell: {
    module: 'keras.layers',
    class_name: 'LSTMCell',
    config: {
      name: 'lstm_cell',
      trainable: true,
      units: 8,
      activation: 'tanh',
      recurrent_activation: 'hard_sigmoid',
      use_bias: true,
      unit_forget_bias: true,
      kernel_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null },
      kernel_regularizer: null,
      dropout: 0.1,
      recurrent_dropout: 0.0,
      seed: null,
    },
    registered_name: null,
    build_config: { input_shape: [null, 16] },
  },
};

// Keras 2 (tf.keras 2.x) writes a list of cells as a StackedRNNCells cell, dtype as a string.
const KERAS2_STACKED = {
  name: 'rnn',
  trainable: true,
  dtype: 'float32',
  return_sequences: false,
  return_state: false,
  go_backwards: true,
  stateful: false,
  unroll: false,
  time_major: false,
  cell: {
    class_name: 'StackedRNNCells',
    config: {
      name: 'stacked_rnn_cells',
      trainable: true,
      dtype: 'float32',
      cells: [
        {
          class_name: 'GRUCell',
          config: {
            name: 'gru_cell',
            units: 8,
            activation: 'tanh',
            recurrent_activation: 'sigmoid',
            use_bias: true,
            kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
            recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1.0, seed: null } },
            kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } },
            dropout: 0.2,
            recurrent_dropout: 0.0,
            implementation: 2,
            reset_after: false,
          },
        },
        {
          class_name: 'SimpleRNNCell',
          config: { name: 'simple_rnn_cell', units: 4, activation: 'relu', use_bias: false, dropout: 0.0, recurrent_dropout: 0.0 },
        },
      ],
    },
  },
};

describe('RNN from Keras configs', () => {
  it('reads a Keras 3 single cell', () => {
    expect(rnn.fromKeras(KERAS3_SINGLE)).toEqual(
      withDefaults({
        cell: [cell('LSTM', { units: 8, recurrent_activation: 'hard_sigmoid', kernel_initializer: 'he_normal', dropout: 0.1 })],
        return_sequences: true,
      }),
    );
  });

  it('reads Keras 2 stacked cells, and a bare list of them', () => {
    const expected = withDefaults({
      cell: [cell('GRU', { units: 8, kernel_l2: 0.01, dropout: 0.2 }), cell('SimpleRNN', { units: 4, activation: 'relu', use_bias: false })],
      go_backwards: true,
    });
    expect(rnn.fromKeras(KERAS2_STACKED)).toEqual(expected);
    expect(rnn.fromKeras({ ...KERAS2_STACKED, cell: KERAS2_STACKED.cell.config.cells })).toEqual(expected);
  });

  it.each([
    [
      'a GRUCell with reset_after=True',
      { ...KERAS2_STACKED, cell: { class_name: 'GRUCell', config: { name: 'g', units: 3, reset_after: true } } },
      'RNN "rnn" has a GRUCell with reset_after=True (the Keras default), which TensorFlow.js cannot run; rebuild it in Keras with GRUCell(..., reset_after=False)',
    ],
    [
      'a cell Netloom does not know',
      { ...KERAS3_SINGLE, cell: { class_name: 'PeepholeLSTMCell', config: { units: 3 } } },
      'RNN "rnn_x" has a PeepholeLSTMCell cell; Netloom\'s RNN takes LSTMCell, GRUCell and SimpleRNNCell',
    ],
    ['no cells', { ...KERAS2_STACKED, cell: [] }, 'RNN "rnn" has no cells'],
    ['return_state', { ...KERAS3_SINGLE, return_state: true }, 'RNN "rnn_x" has return_state=True, which Netloom does not support'],
    ['stateful', { ...KERAS3_SINGLE, stateful: true }, 'RNN "rnn_x" has stateful=True, which Netloom does not support'],
  ])('refuses %s', (_what, config, message) => {
    expect(() => rnn.fromKeras(config)).toThrow(message);
  });
});

describe('RNN shapes and weights', () => {
  const ctx = { name: 'rnn_1', inputClasses: [] };
  const infer = (input: Shape, params: Params) => rnn.inferShape([input], withDefaults(params), ctx);

  it("outputs the last cell's units, and counts each cell on the previous one's output", () => {
    const params = { cell: [cell('LSTM', { units: 4 }), cell('GRU', { units: 2 })] };
    expect(infer([null, 5, 3], params)).toEqual({ ok: true, shape: [null, 2] });
    expect(infer([null, null, 3], { ...params, return_sequences: true })).toEqual({ ok: true, shape: [null, null, 2] });
    // LSTM on 3 features: 4 * (3*4 + 4*4 + 4); GRU on the LSTM's 4: 3 * (4*2 + 2*2 + 2).
    expect(rnn.countParams([[null, 5, 3]], withDefaults(params), [null, 2])).toEqual({ trainable: 128 + 42, nonTrainable: 0 });
  });

  it('needs a sequence with known features', () => {
    expect(infer([null, 3], {})).toMatchObject({ ok: false, problem: { code: 'wrong-rank' } });
    expect(infer([null, 5, null], {})).toMatchObject({ ok: false, problem: { code: 'unknown-dim', message: 'RNN rnn_1 needs a known number of features' } });
  });

  it.each([
    [{ cell: [] }, 'rnn_1: cell must hold at least 1 layer'],
    [{ cell: [cell('LSTM'), cell('GRU', { units: 0 })] }, 'rnn_1: cell #2 units must be a whole number at least 1'],
    [{ cell: [cell('Dense')] }, 'rnn_1: cell #1 must be one of LSTM, GRU, SimpleRNN'],
  ])('reports bad cells as invalid params: %j', (params, message) => {
    const b = new GraphBuilder();
    b.add('RNN', params, b.input([5, 3]));
    expect(analyze(b.graph).diagnostics.map((d) => [d.code, d.message])).toEqual([['invalid-param', message]]);
  });
});
