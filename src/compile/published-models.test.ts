/**
 * Layers models published by others (npm packages, see corpus/published.ts): each imports
 * without a refusal, its summary matches tfjs's layer by layer, and what the CLI and the app
 * export from it loads in plain tfjs and predicts what the original predicts, within 1e-5.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startWasm } from '../train/wasm-kernels/test-support';
import { appExport, cliExport, importModel, loadWithTfjs, maxDifference, summaryDifferences } from '../corpus/check-model';
import { publishedModels } from '../corpus/published';

const models = publishedModels();
const originals = new Map<string, tf.LayersModel>();

beforeAll(async () => {
  // wasm: InceptionV3 at 299x299 takes minutes on the plain JavaScript backend.
  await startWasm();
  // The originals load first, with tfjs's own classes only: the reference owes nothing to Netloom.
  for (const m of models) originals.set(m.id, await loadWithTfjs(tf, m.json, m.weightFiles));
}, 120_000);

describe.each(models.map((m) => [m.id, m] as const))('published model %s', (_id, m) => {
  const input = () => tf.randomUniform([2, ...m.sampleShape], 0, 1, 'float32', 17);

  it('imports with its weights and matches tfjs layer by layer (shapes, trainable and frozen counts)', () => {
    const imported = importModel(m.json, m.weightFiles, `${m.id}/model.json`);
    expect(imported.weights?.length).toBeGreaterThan(0);
    expect(summaryDifferences(imported.graph, originals.get(m.id) as tf.LayersModel)).toEqual([]);
  });

  it('exports through the app (zip) and predicts as the original does', async () => {
    const exported = await appExport(tf, importModel(m.json, m.weightFiles, 'model.json'));
    const loaded = await loadWithTfjs(tf, exported.json, exported.weightFiles);
    const x = input();
    expect(maxDifference(tf, originals.get(m.id) as tf.LayersModel, loaded, x)).toBeLessThan(1e-5);
    x.dispose();
    loaded.dispose();
  }, 120_000);

  it('exports through the CLI (import, then export --format tfjs) and predicts as the original does', async () => {
    const exported = await cliExport(tf, m.json, m.weightFiles);
    expect(exported.log).toContain('weight values the project holds');
    const loaded = await loadWithTfjs(tf, exported.json, exported.weightFiles);
    const x = input();
    expect(maxDifference(tf, originals.get(m.id) as tf.LayersModel, loaded, x)).toBeLessThan(1e-5);
    x.dispose();
    loaded.dispose();
  }, 120_000);
});
