import * as tf from '@tensorflow/tfjs';
import { expect, test } from '@playwright/test';
import { GraphBuilder } from '../src/analysis/builder';
import { NETLOOM_LAYERS_JS } from '../src/compile/generated/netloom-layers-source';
import { exportModelJson, saveArtifacts } from '../src/compile/tfjs-export';
import { toTfjsModel } from '../src/compile/to-tfjs';
import { predictWith } from '../src/train/trainer-models';
import { predictInPlainPage } from './plain-tfjs-page';

test('netloom-layers.js, imported from a Blob URL in a plain page, lets its tfjs load an attention model that predicts as Netloom does', async ({ page }) => {
  await tf.setBackend('cpu');
  const b = new GraphBuilder();
  const emb = b.add('TokenAndPositionEmbedding', { vocabulary_size: 12, sequence_length: 6, embedding_dim: 8 }, b.input([6]));
  const att = b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, emb);
  b.chain(att, ['ZeroPadding1D'], ['Dense', { units: 4, activation: 'gelu_new' }], ['Flatten'], ['Dense', { units: 3 }]);
  const model = toTfjsModel(tf, b.graph);
  tf.tidy(() => model.weights.forEach((v, i) => v.write(tf.mul(tf.randomNormal(v.shape as number[], 0, 1, 'float32', 11 + i), 0.5))));
  const files = exportModelJson(await saveArtifacts(tf, model), { graph: b.graph });
  const ids = [0, 3, 5, 11, 2, 2, 7, 1, 9, 4, 10, 6];
  const mine = Array.from(predictWith(tf, model, Float32Array.from(ids), 2));
  model.dispose();

  const [out] = await predictInPlainPage(page, { ...files, layersJs: NETLOOM_LAYERS_JS }, [{ shape: [2, 6], values: ids }]);
  expect(out?.shape).toEqual([2, 3]);
  expect(Math.max(...mine.map((m, i) => Math.abs(m - (out?.values[i] ?? Number.NaN))))).toBeLessThan(1e-5);

  // Without it, the page's tfjs cannot read the file.
  const bare = await page.context().newPage();
  await expect(predictInPlainPage(bare, files, [{ shape: [2, 6], values: ids }])).rejects.toThrow(/Unknown layer: TokenAndPositionEmbedding/);
});
