import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textModels, trainTextModel } from './first-names-models';
import { startWasm } from './wasm-kernels/test-support';

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

// `npm run bench` (bench/text-accuracy.bench.ts) measures all three at the default 10 epochs;
// this keeps the claim true at a cost the suite can carry.
describe('the Transformer template on the built-in first-names sample (wasm)', () => {
  it('beats a bag of characters on the same split after 3 epochs', async () => {
    const models = textModels();
    const baseline = await trainTextModel(models.bag_of_characters, { epochs: 3 });
    const transformer = await trainTextModel(models.transformer, { epochs: 3 });
    expect(baseline.valAccuracy).toBeGreaterThan(0.6);
    expect(transformer.valAccuracy).toBeGreaterThan(baseline.valAccuracy + 0.05);
  }, 300_000);
});
