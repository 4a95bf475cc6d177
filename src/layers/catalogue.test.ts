import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { kindForKerasClass } from './registry';

/** Classes tfjs loads that are not layers one places: RNN cells live inside an RNN layer. */
const CELLS = new Set(['SimpleRNNCell', 'LSTMCell', 'GRUCell', 'ConvLSTM2DCell', 'StackedRNNCells']);
/** Whole models, which load as models; a model nested inside another is the transfer-learning work. */
const MODELS = new Set(['Sequential', 'Model', 'Functional']);

describe('the TF.js 4.22 layer catalogue', () => {
  const classes = Object.entries(tf.serialization.SerializationMap.getMap().classNameMap)
    .filter(([, [cls]]) => (cls as unknown as { prototype: unknown }).prototype instanceof tf.layers.Layer)
    .map(([name]) => name)
    .filter((name) => !CELLS.has(name) && !MODELS.has(name))
    .sort();

  it('is read from tfjs itself', () => {
    expect(classes).toContain('Dense');
    expect(classes.length).toBeGreaterThan(60);
  });

  it('has a Netloom layer kind for every layer class tf.loadLayersModel can deserialise', () => {
    expect(classes.filter((name) => kindForKerasClass(name) === undefined)).toEqual([]);
  });
});
