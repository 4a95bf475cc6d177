/**
 * Corpus recipes for tfjs's recurrent layer classes and wrappers (test support): SimpleRNN, LSTM,
 * GRU, ConvLSTM2D, RNN over each cell and over stacked cells, Bidirectional and TimeDistributed.
 */
import { chainCase } from './build-helpers';
import type { CorpusCase } from './corpus-model';

/** Recurrent layers, each with settings away from tfjs's defaults. */
export const RECURRENT_CASES: readonly CorpusCase[] = [
  chainCase('simple-rnn', ['SimpleRNN'], [6, 3], (tf) => [
    tf.layers.simpleRNN({
      units: 4,
      returnSequences: true,
      goBackwards: true,
      recurrentInitializer: 'glorotNormal',
      kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }),
      dropout: 0.2,
    }),
    tf.layers.simpleRNN({ units: 3, activation: 'relu', useBias: false }),
  ]),
  chainCase('lstm', ['LSTM'], [6, 3], (tf) => [
    tf.layers.lstm({ units: 5, recurrentActivation: 'hardSigmoid', unitForgetBias: false, goBackwards: true, recurrentDropout: 0.1 }),
  ]),
  chainCase('lstm-sequences', ['LSTM'], [5, 2], (tf) => [
    tf.layers.lstm({ units: 3, returnSequences: true, activation: 'softsign', useBias: false }),
    tf.layers.lstm({ units: 2, kernelInitializer: 'heUniform', recurrentRegularizer: tf.regularizers.l1({ l1: 0.01 }) }),
  ]),
  chainCase('gru', ['GRU'], [6, 3], (tf) => [
    tf.layers.gru({ units: 4, returnSequences: true, activation: 'softsign', recurrentActivation: 'sigmoid', biasInitializer: 'ones' }),
    tf.layers.gru({ units: 2, goBackwards: true, useBias: false }),
  ]),
  chainCase('conv-lstm2d', ['ConvLSTM2D'], [3, 6, 6, 2], (tf) => [
    tf.layers.convLstm2d({ filters: 2, kernelSize: 3, padding: 'same', returnSequences: true }),
    tf.layers.convLstm2d({ filters: 2, kernelSize: [2, 3], strides: 2, goBackwards: true, recurrentActivation: 'hardSigmoid' }),
  ]),
  chainCase('rnn-simple-rnn-cell', ['RNN', 'SimpleRNNCell'], [6, 3], (tf) => [
    tf.layers.rnn({ cell: tf.layers.simpleRNNCell({ units: 4, activation: 'relu' }), returnSequences: true }),
  ]),
  chainCase('rnn-lstm-cell', ['RNN', 'LSTMCell'], [6, 3], (tf) => [
    tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 4, recurrentActivation: 'hardSigmoid' }), goBackwards: true }),
  ]),
  chainCase('rnn-gru-cell', ['RNN', 'GRUCell'], [6, 3], (tf) => [tf.layers.rnn({ cell: tf.layers.gruCell({ units: 3, useBias: false }) })]),
  chainCase('rnn-stacked-cells', ['RNN', 'StackedRNNCells', 'LSTMCell', 'GRUCell', 'SimpleRNNCell'], [5, 3], (tf) => [
    tf.layers.rnn({
      cell: [tf.layers.lstmCell({ units: 4 }), tf.layers.gruCell({ units: 3, recurrentActivation: 'hardSigmoid' }), tf.layers.simpleRNNCell({ units: 2 })],
      returnSequences: true,
    }),
  ]),
  chainCase('rnn-stacked-cells-object', ['RNN', 'StackedRNNCells'], [5, 3], (tf) => [
    tf.layers.rnn({ cell: tf.layers.stackedRNNCells({ cells: [tf.layers.gruCell({ units: 3 }), tf.layers.gruCell({ units: 2 })] }), goBackwards: true }),
  ]),
];

/** Bidirectional over each recurrent layer, TimeDistributed over Dense and over Conv2D. */
export const WRAPPER_CASES: readonly CorpusCase[] = [
  chainCase('bidirectional-lstm', ['Bidirectional', 'LSTM'], [6, 3], (tf) => [tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3 }) })]),
  chainCase('bidirectional-gru', ['Bidirectional', 'GRU'], [6, 3], (tf) => [
    tf.layers.bidirectional({ layer: tf.layers.gru({ units: 3, returnSequences: true }), mergeMode: 'sum' }),
    tf.layers.dense({ units: 2 }),
  ]),
  chainCase('bidirectional-simple-rnn', ['Bidirectional', 'SimpleRNN'], [6, 3], (tf) => [
    tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 4, returnSequences: true }), mergeMode: 'mul' }),
    tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, goBackwards: true }), mergeMode: 'ave' }),
  ]),
  chainCase('time-distributed-dense', ['TimeDistributed', 'Dense'], [4, 3], (tf) => [
    tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 5, activation: 'tanh' }) }),
    tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, useBias: false }) }),
  ]),
  chainCase('time-distributed-conv2d', ['TimeDistributed', 'Conv2D'], [3, 6, 6, 2], (tf) => [
    tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' }) }),
    tf.layers.timeDistributed({ layer: tf.layers.flatten() }),
    tf.layers.lstm({ units: 2 }),
  ]),
];
