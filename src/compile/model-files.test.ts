import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTfjsModel } from './to-tfjs';
import { digitsCnn, seedExample } from '../analysis/templates';
import { loadModelFiles, modelFiles, WEIGHTS_FILE } from './model-files';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model files', () => {
  it.each([
    ['the seed example', () => seedExample(), [5, 4]],
    ['the digits CNN', () => digitsCnn(), [2, 28, 28, 1]],
  ] as const)('round-trips %s through model.json + weights and predicts the same', async (_name, build, shape) => {
    const model = toTfjsModel(tf, build());
    const files = await modelFiles(tf, model);
    const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest).toEqual([{ paths: [`./${WEIGHTS_FILE}`], weights: expect.any(Array) as unknown }]);
    expect(files.weights.byteLength).toBe(model.countParams() * 4);

    const loaded = await loadModelFiles(tf, files);
    const x = tf.randomUniform([...shape]);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    const diff = tf.max(tf.abs(tf.sub(a, b)));
    expect((await diff.data())[0]).toBeLessThan(1e-5);
    tf.dispose([x, a, b, diff]);
    model.dispose();
    loaded.dispose();
  });
});
