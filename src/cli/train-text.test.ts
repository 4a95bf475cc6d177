import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { NETLOOM_LAYERS_NOTE } from '../compile/netloom-layers';
import { predictInPlainNode } from '../compile/plain-node-support';
import { readNetloomMetadata } from '../compile/tfjs-metadata';
import { applyWeights, importLayersModel } from '../compile/tfjs-import';
import { toTfjsModel } from '../compile/to-tfjs';
import { transformRow } from '../data/transform';
import { maxAbsDifference } from '../layers/tfjs-extra/test-support';
import { emptyProject, serializeProject } from '../project/project-file';
import { predictWith } from '../train/trainer-models';
import { runCli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-train-text-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GOOD = ['good', 'great', 'lovely', 'fine'];
const BAD = ['bad', 'awful', 'dull', 'poor'];
const FILLER = ['the', 'a', 'this', 'that', 'film', 'show', 'book', 'play', 'was', 'is', 'felt', 'seemed'];

/** Six-word reviews: class 1 holds a good word, class 0 a bad one, among seeded filler. */
function reviews(rows: number): string {
  let state = 7;
  const pick = <T>(xs: readonly T[]) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return xs[state % xs.length] as T;
  };
  const lines = ['review,label'];
  for (let i = 0; i < rows; i++) {
    const label = i % 2;
    const words = [pick(FILLER), pick(FILLER), pick(FILLER), pick(label === 1 ? GOOD : BAD), pick(FILLER), String(i)];
    lines.push(`${words.join(' ')},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('cli train on a text CSV', () => {
  it('uses the default text plan and learns a trivially separable task', async () => {
    const csv = join(dir, 'reviews.csv');
    await writeFile(csv, reviews(200));
    const b = new GraphBuilder();
    b.chain(b.input([6]), ['Embedding', { input_dim: 400, output_dim: 8 }], ['GlobalAveragePooling1D'], ['Dense', { units: 1, activation: 'sigmoid' }]);
    const training = { ...emptyProject().training, loss: 'binary_crossentropy' as const, epochs: 30, learningRate: 0.05 };
    const path = join(dir, 'text.netloom.json');
    await writeFile(path, serializeProject({ ...emptyProject('text'), graph: b.graph, training }));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['train', path, '--data', csv], { readText: (p) => readFile(p, 'utf8'), out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(err.join('\n')).toContain('the default data plan');
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as Record<string, number>);
    expect(lines.at(-1)!.loss).toBeLessThan(lines[0]!.loss!);
    expect(lines.at(-1)!.val_acc).toBeGreaterThan(0.9);
  }, 60_000);

  it('trains an attention model on it, and --out writes files plain tfjs in plain node loads with netloom-layers.js', async () => {
    const csv = join(dir, 'reviews-mha.csv');
    await writeFile(csv, reviews(120));
    const b = new GraphBuilder();
    // The data wiring asks a text model to start with Embedding (TokenAndPositionEmbedding is not
    // taken as one yet), so attention and padding come after it.
    const emb = b.add('Embedding', { input_dim: 400, output_dim: 8 }, b.input([6]));
    const att = b.add('MultiHeadAttention', { num_heads: 2, key_dim: 4 }, emb);
    b.chain(att, ['ZeroPadding1D'], ['GlobalAveragePooling1D'], ['Dense', { units: 1, activation: 'sigmoid' }]);
    const training = { ...emptyProject().training, loss: 'binary_crossentropy' as const, epochs: 2 };
    const path = join(dir, 'mha.netloom.json');
    await writeFile(path, serializeProject({ ...emptyProject('mha'), graph: b.graph, training }));
    const out = join(dir, 'mha-model');
    const err: string[] = [];
    const code = await runCli(['train', path, '--data', csv, '--out', out], { readText: (p) => readFile(p, 'utf8'), out: () => {}, err: (t) => err.push(t) });
    expect(err.join('\n')).not.toContain('error');
    expect(code).toBe(0);
    expect(err).toContain(`saved ${join(out, 'model.json')}, model.weights.bin and netloom-layers.js`);
    expect(err).toContain(`note: the model uses MultiHeadAttention, ZeroPadding1D, so it ${NETLOOM_LAYERS_NOTE}`);
    expect((await readdir(out)).sort()).toEqual(['model.json', 'model.weights.bin', 'netloom-layers.js']);

    // Two reviews through the preprocessing model.json carries, predicted by plain tfjs in a
    // plain node process and by Netloom opening the same files as the app does.
    const json = JSON.parse(await readFile(join(out, 'model.json'), 'utf8')) as unknown;
    const preprocessing = readNetloomMetadata(json)?.preprocessing;
    expect(preprocessing).toBeDefined();
    const rows = ['the film was great 1', 'a dull book felt 2'].map((review) => [...transformRow({ review }, preprocessing!)]);
    const [plain] = await predictInPlainNode(out, [{ shape: [2, 6], values: rows.flat() }]);
    const weights = new Uint8Array(await readFile(join(out, 'model.weights.bin')));
    const opened = importLayersModel({ json, fileName: 'model.json', weightFiles: [{ name: 'model.weights.bin', bytes: weights }] });
    await tf.setBackend('cpu');
    const model = toTfjsModel(tf, opened.graph);
    try {
      applyWeights(tf, model, opened.weights ?? []);
      const netloom = predictWith(tf, model, Float32Array.from(rows.flat()), 2);
      expect(plain?.shape).toEqual([2, 1]);
      expect(maxAbsDifference(netloom, [...(plain?.values ?? [])])).toBeLessThan(1e-5);
    } finally {
      model.dispose();
    }
  }, 90_000);
});
