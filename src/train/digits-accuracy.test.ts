import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFromDataset } from '../data/prepare';
import { DEFAULT_SPLIT } from '../data/validation';
import { loadIdxSample, sampleById } from '../data/samples';
import type { IdxSample } from '../data/samples';
import { digitsCnn } from '../analysis/templates';
import { trainingConfigSchema } from '../settings/training';
import { runTraining } from './run-training';
import { startWasm } from './wasm-kernels/test-support';

const PUBLIC = join(import.meta.dirname, '../../public');

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the digits CNN template on the built-in digits sample (wasm, as the app trains it here)', () => {
  it('reaches at least 95% validation accuracy with the default settings (10 epochs, batch 32), leaking no tensors', async () => {
    const sample = sampleById('digits') as IdxSample;
    const dataset = await loadIdxSample(sample, async (path) => new Uint8Array(readFileSync(join(PUBLIC, path))));
    const config = trainingConfigSchema.parse({});
    const data = prepareFromDataset(dataset, DEFAULT_SPLIT);
    const before = tf.memory().numTensors;
    const result = await runTraining(tf, { graph: digitsCnn(10), config, data });
    expect(result.status).toBe('completed');
    expect(result.history.val_accuracy?.at(-1)).toBeGreaterThanOrEqual(0.95);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
