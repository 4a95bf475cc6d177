import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import { EarlyStopping, ReduceLrOnPlateau } from './callbacks';

const stopping = DEFAULT_CALLBACKS.earlyStopping;
const plateau = DEFAULT_CALLBACKS.reduceLrOnPlateau;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A stand-in model with one weight whose value is the epoch, so restored weights show the epoch. */
function fakeModel() {
  const w = tf.variable(tf.scalar(0));
  const model = {
    getWeights: () => [w as tf.Tensor],
    setWeights: (ws: tf.Tensor[]) => w.assign(ws[0] as tf.Scalar),
  } as unknown as tf.LayersModel;
  return { model, w };
}

describe('EarlyStopping', () => {
  it.each([
    ['val_loss', [1, 0.8, 0.9, 0.85, 0.7], 3, 1],
    ['val_accuracy', [0.5, 0.7, 0.6, 0.65, 0.9], 3, 1],
  ] as const)('stops on %s after patience epochs without improvement and restores the best', (monitor, values, stopAt, bestEpoch) => {
    const { model, w } = fakeModel();
    const early = new EarlyStopping(tf, { ...stopping, monitor, patience: 2, restoreBestWeights: true });
    let stopped = -1;
    for (let epoch = 0; epoch < values.length && stopped < 0; epoch++) {
      w.assign(tf.scalar(epoch));
      if (early.onEpochEnd(epoch, { [monitor]: values[epoch] as number }, model)) stopped = epoch;
    }
    expect(stopped).toBe(stopAt);
    expect(early.bestEpoch).toBe(bestEpoch);
    expect(w.dataSync()[0]).toBe(bestEpoch);
    early.dispose();
    w.dispose();
  });

  it.each([
    // AUC rises, MAE falls (auto, as Keras 3 reads their directions); min and max override.
    ['val_auc', 'auto', [0.7, 0.8, 0.75, 0.78, 0.79], 3, 1],
    ['val_precision', 'auto', [0.5, 0.6, 0.9, 0.8, 0.85], 4, 2],
    ['val_mae', 'auto', [2, 1.5, 1.6, 1.7, 1.4], 3, 1],
    ['val_auc', 'min', [0.7, 0.8, 0.9, 0.95, 0.6], 2, 0],
    ['val_loss', 'max', [1, 2, 1.5, 1.8, 0.5], 3, 1],
  ] as const)('watches %s with mode %s the way it should go', (monitor, mode, values, stopAt, bestEpoch) => {
    const { model, w } = fakeModel();
    const early = new EarlyStopping(tf, { ...stopping, monitor, mode, patience: 2, restoreBestWeights: false });
    let stopped = -1;
    for (let epoch = 0; epoch < values.length && stopped < 0; epoch++)
      if (early.onEpochEnd(epoch, { [monitor]: values[epoch] as number }, model)) stopped = epoch;
    expect([stopped, early.bestEpoch]).toEqual([stopAt, bestEpoch]);
    w.dispose();
  });

  it('counts changes under min_delta as no improvement, and ignores a missing monitor', () => {
    const { model, w } = fakeModel();
    const early = new EarlyStopping(tf, { ...stopping, monitor: 'loss', patience: 1, minDelta: 0.1, restoreBestWeights: false });
    expect(early.onEpochEnd(0, { val_loss: 1 }, model)).toBe(false);
    expect(early.onEpochEnd(0, { loss: 1 }, model)).toBe(false);
    expect(early.onEpochEnd(1, { loss: 0.95 }, model)).toBe(true);
    w.dispose();
  });
});

describe('ReduceLrOnPlateau', () => {
  it('multiplies by factor after each patience of flat epochs, never below min_lr', () => {
    const reduce = new ReduceLrOnPlateau({ ...plateau, monitor: 'val_loss', factor: 0.1, patience: 1, minLr: 0.0005 });
    let lr = 0.1;
    const seen: number[] = [];
    for (const v of [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5]) {
      lr = reduce.onEpochEnd({ val_loss: v }, lr) ?? lr;
      seen.push(lr);
    }
    expect(seen.map((x) => Number(x.toPrecision(6)))).toEqual([0.1, 0.01, 0.001, 0.001, 0.0005, 0.0005, 0.0005, 0.0005]);
  });

  it('takes a rising AUC as improvement, so a climbing val_auc never lowers the rate', () => {
    const reduce = new ReduceLrOnPlateau({ ...plateau, monitor: 'val_auc', factor: 0.5, patience: 1, minLr: 0, minDelta: 0 });
    const lowered = [0.6, 0.7, 0.8, 0.9, 0.9].map((v) => reduce.onEpochEnd({ val_auc: v }, 0.1));
    expect(lowered).toEqual([undefined, undefined, undefined, undefined, 0.05]);
  });
});
