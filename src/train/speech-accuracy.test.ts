import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechCnn } from '../analysis/templates';
import { loadAudioDataset } from '../data/audio/audio-dataset';
import { collectableAudio } from '../data/audio/formats';
import { DEFAULT_AUDIO_SETTINGS } from '../data/audio/settings';
import { decodeWav } from '../data/audio/wav';
import { DEFAULT_ZIP_LIMITS, zipEntries } from '../data/images/zip';
import { prepareFromDataset } from '../data/prepare';
import { sampleById } from '../data/samples';
import { DEFAULT_SPLIT } from '../data/validation';
import { trainingConfigSchema } from '../settings/training';
import { runTraining } from './run-training';
import { startWasm } from './wasm-kernels/test-support';

const PUBLIC = join(import.meta.dirname, '../../public');

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the speech CNN template on the built-in speech sample (wasm, as the app trains it here)', () => {
  it('reaches at least 85% validation accuracy in 30 epochs with the default settings otherwise', async () => {
    const sample = sampleById('speech-commands');
    if (sample?.kind !== 'audio-zip') throw new Error('no speech sample');
    const entries = zipEntries(new Uint8Array(readFileSync(join(PUBLIC, sample.path))), DEFAULT_ZIP_LIMITS, collectableAudio);
    const { dataset } = await loadAudioDataset(entries, { settings: DEFAULT_AUDIO_SETTINGS, decoder: (bytes) => Promise.resolve(decodeWav(bytes)) });
    const config = trainingConfigSchema.parse({ epochs: 30 });
    const result = await runTraining(tf, { graph: speechCnn(8), config, data: prepareFromDataset(dataset, DEFAULT_SPLIT) });
    expect(result.status).toBe('completed');
    const accuracy = result.history.val_accuracy ?? [];
    // The figure the README quotes; the weights start unseeded, so it varies from run to run.
    console.log(`speech CNN, 30 epochs: validation accuracy ${accuracy.at(-1)?.toFixed(3)} (best ${Math.max(...accuracy).toFixed(3)})`);
    expect(accuracy.at(-1)).toBeGreaterThanOrEqual(0.85);
    result.model.dispose();
  }, 180_000);
});
