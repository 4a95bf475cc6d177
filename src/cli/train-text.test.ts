import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { transformerTextClassifier } from '../analysis/templates';
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

  it('--fit wires the Transformer template to it, and --out writes files plain tfjs in plain node loads with netloom-layers.js', async () => {
    const csv = join(dir, 'reviews-mha.csv');
    await writeFile(csv, reviews(120));
    // The Transformer template, smaller, sized for other data: --fit sets its Input, its token
    // table and its output, as the app's "Fit the model to this data" does.
    const template = transformerTextClassifier(50, 100, 3, 8);
    const path = join(dir, 'mha.netloom.json');
    await writeFile(path, serializeProject({ ...emptyProject('mha'), graph: template, training: { ...emptyProject().training, epochs: 2 } }));
    const io = (err: string[]) => ({ readText: (p: string) => readFile(p, 'utf8'), out: () => {}, err: (t: string) => err.push(t) });
    const refused: string[] = [];
    expect(await runCli(['train', path, '--data', csv], io(refused))).toBe(1);
    expect(refused.at(-1)).toMatch(/the model does not fit the data, so it was not trained \(--fit sets the Input/);
    const out = join(dir, 'mha-model');
    const err: string[] = [];
    const code = await runCli(['train', path, '--data', csv, '--fit', '--out', out], io(err));
    expect(err.join('\n')).not.toContain('error');
    expect(code).toBe(0);
    expect(err).toContain("note: --fit set input_1's shape to [6]");
    expect(err).toContain("note: --fit set token_and_position_embedding_1's vocabulary_size to 105, sequence_length to 6");
    expect(err).toContain('note: --fit set dense_1\'s units to 1, activation to "sigmoid"');
    expect(err).toContain(`saved ${join(out, 'model.json')}, model.weights.bin and netloom-layers.js`);
    expect(err).toContain(`note: the model uses MultiHeadAttention, TokenAndPositionEmbedding, so it ${NETLOOM_LAYERS_NOTE}`);
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
