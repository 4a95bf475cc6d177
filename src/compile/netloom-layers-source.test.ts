import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { NETLOOM_LAYERS_JS } from './generated/netloom-layers-source';
import { NETLOOM_LAYERS_FILE, tfjsExportFiles } from './netloom-layers';
import { predictInPlainNode, writeExportFolder, type PlainTensor } from './plain-node-support';
import { exportModelJson, saveArtifacts } from './tfjs-export';
import { toTfjsModel } from './to-tfjs';
import { predictWith } from '../train/trainer-models';
import { maxAbsDifference } from '../layers/tfjs-extra/test-support';

const SCRIPT = fileURLToPath(new URL('../../scripts/build-netloom-layers.mjs', import.meta.url));
const folders: string[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await Promise.all(folders.map((d) => rm(d, { recursive: true, force: true })));
});

describe('netloom-layers.js', () => {
  it('is what a fresh bundle of src/layers/tfjs-extra/ gives (run scripts/build-netloom-layers.mjs when this fails)', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is one ES module with no imports, exporting registerNetloomLayers only', () => {
    expect(NETLOOM_LAYERS_JS).not.toMatch(/^\s*import\b|\bimport\s*\(|\brequire\s*\(/m);
    expect(NETLOOM_LAYERS_JS.trimEnd().endsWith('export {\n  registerNetloomLayers\n};')).toBe(true);
    expect(NETLOOM_LAYERS_JS.match(/^export\b/gm)).toHaveLength(1);
  });

  it('lets plain tfjs in a plain node process load an attention model and predict as Netloom does', async () => {
    const b = new GraphBuilder();
    const emb = b.add('TokenAndPositionEmbedding', { vocabulary_size: 12, sequence_length: 6, embedding_dim: 8 }, b.input([6]));
    const att = b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, emb);
    b.chain(
      att,
      ['ZeroPadding1D', { padding: [[1, 2]] }],
      ['Dense', { units: 5, activation: 'gelu' }],
      ['Dense', { units: 4, activation: 'gelu_new' }],
      ['Flatten'],
      ['Dense', { units: 3 }],
    );
    const model = toTfjsModel(tf, b.graph);
    try {
      // Attention scores far from uniform, so a wrong layer in the child would show.
      tf.tidy(() => model.weights.forEach((v, i) => v.write(tf.mul(tf.randomNormal(v.shape as number[], 0, 1, 'float32', 11 + i), 0.5))));
      const files = exportModelJson(await saveArtifacts(tf, model), { graph: b.graph });
      const ids = [0, 3, 5, 11, 2, 2, 7, 1, 9, 4, 10, 6];
      const mine = predictWith(tf, model, Float32Array.from(ids), 2);
      const dir = await writeExportFolder(tfjsExportFiles(files, NETLOOM_LAYERS_JS));
      folders.push(dir);
      const [out] = await predictInPlainNode(dir, [{ shape: [2, 6], values: ids }]);
      expect((out as PlainTensor).shape).toEqual([2, 3]);
      expect(maxAbsDifference(mine, [...(out as PlainTensor).values])).toBeLessThan(1e-5);
      expect(Math.abs((mine[0] ?? 0) - (mine[3] ?? 0))).toBeGreaterThan(0.1);

      // Without the module, plain tfjs cannot even read the file.
      const bare = await writeExportFolder(tfjsExportFiles(files, NETLOOM_LAYERS_JS).filter((f) => f.name !== NETLOOM_LAYERS_FILE));
      folders.push(bare);
      await expect(predictInPlainNode(bare, [{ shape: [2, 6], values: ids }])).rejects.toThrow(/Unknown layer: TokenAndPositionEmbedding/);
    } finally {
      model.dispose();
    }
  }, 60_000);
});
