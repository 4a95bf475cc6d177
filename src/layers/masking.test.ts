import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTfjsModel } from '../compile/to-tfjs';
import { GraphBuilder } from '../analysis/builder';
import type { ParamValue } from '../graph/types';
import type { LayerKind } from '../graph/layer-kinds';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Step = [LayerKind, Readonly<Record<string, ParamValue>>?];

/** Sequences of 2 features and any length through `layers`, as Netloom compiles them. */
function sequenceModel(...layers: Step[]): tf.LayersModel {
  const b = new GraphBuilder();
  b.chain(b.input([null, 2]), ...layers);
  return toTfjsModel(tf, b.graph);
}

/** 2 random sequences of 4 steps, and the same with 3 steps of padding `value` at the end. */
function padded(value = 0): [tf.Tensor, tf.Tensor] {
  const x = tf.randomUniform([2, 4, 2], -1, 1, 'float32', 11);
  return [x, tf.concat([x, tf.fill([2, 3, 2], value)], 1)];
}

const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? NaN;

describe('Masking before a recurrent layer, as in Keras', () => {
  it.each<[string, number, Step[]]>([
    ['LSTM', 0, [['Masking'], ['LSTM', { units: 3 }]]],
    ['GRU', 0, [['Masking'], ['GRU', { units: 3 }]]],
    [
      'LSTM returning sequences, then an LSTM, padding -1',
      -1,
      [
        ['Masking', { mask_value: -1 }],
        ['LSTM', { units: 4, return_sequences: true }],
        ['LSTM', { units: 3 }],
      ],
    ],
  ])('%s gives the same output for a sequence padded with masked steps at the end', (_name, value, layers) => {
    const model = sequenceModel(...layers);
    const [x, xPadded] = padded(value);
    expect(maxDiff(model.predict(x) as tf.Tensor, model.predict(xPadded) as tf.Tensor)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('matters: without it the padded steps change the LSTM output', () => {
    const model = sequenceModel(['LSTM', { units: 3 }]);
    const [x, xPadded] = padded();
    expect(maxDiff(model.predict(x) as tf.Tensor, model.predict(xPadded) as tf.Tensor)).toBeGreaterThan(1e-3);
    model.dispose();
  });

  it('zeroes the masked steps it passes on, and lets the layers before it train', async () => {
    const model = sequenceModel(['Dense', { units: 2 }], ['Masking'], ['LSTM', { units: 3 }]);
    const masking = model.getLayer('masking_1');
    const out = masking.apply(
      tf.tensor([
        [
          [1, 2],
          [0, 0],
          [0, 3],
        ],
      ]),
    ) as tf.Tensor;
    expect(Array.from(out.dataSync())).toEqual([1, 2, 0, 0, 0, 3]);
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const before = model.getLayer('dense_1').getWeights()[0]?.dataSync().slice();
    const [x] = padded();
    const history = await model.fit(x, tf.zeros([2, 3]), { epochs: 1, verbose: 0 });
    expect(history.history.loss?.[0]).toBeTypeOf('number');
    expect(model.getLayer('dense_1').getWeights()[0]?.dataSync()).not.toEqual(before);
    model.dispose();
  });
});
