import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETLOOM_LAYERS_JS } from '../compile/generated/netloom-layers-source';
import { importLayersModel } from '../compile/tfjs-import';
import type { FittedPreprocessing } from '../data/types';
import { GraphBuilder } from '../analysis/builder';
import { emptyProject, parseProjectFile, PROJECT_VERSION, serializeProject } from '../project/project-file';
import { callbacksSchema } from '../settings/callbacks';
import { loadModelFiles, modelFiles } from '../compile/model-files';
import { sampleRun } from '../runs/run-test-support';
import { parseExportArgs, projectMetadata } from './export-command';
import { runCli } from './run-cli';

const SEED_V1 = fileURLToPath(new URL('../project/fixtures/seed-v1.netloom.json', import.meta.url));
const SEED_V2 = fileURLToPath(new URL('../project/fixtures/seed-v2.netloom.json', import.meta.url));

let dir: string;

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readText: (path) => readFile(path, 'utf8'), out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'netloom-export-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli export', () => {
  it('writes model.json + model.weights.bin that tfjs loads and Netloom imports back', async () => {
    const out = join(dir, 'tfjs');
    const r = await cli(['export', SEED_V2, '--format', 'tfjs', '--out', out]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${join(out, 'model.json')} and model.weights.bin with freshly initialised weights`);
    expect(r.err).toContain('note: the project holds no weights, so these are freshly initialised');
    const files = { modelJson: await readFile(join(out, 'model.json'), 'utf8'), weights: new Uint8Array(await readFile(join(out, 'model.weights.bin'))) };
    const model = await loadModelFiles(tf, files);
    expect(model.countParams()).toBe(515);
    model.dispose();

    const project = parseProjectFile(await readFile(SEED_V2, 'utf8'));
    const imported = importLayersModel({
      json: JSON.parse(files.modelJson),
      fileName: 'model.json',
      weightFiles: [{ name: 'model.weights.bin', bytes: files.weights }],
    });
    expect(imported.metadata).toEqual({ project: 'Iris classifier', training: { loss: 'categorical_crossentropy', metrics: ['accuracy'] } });
    expect(imported.graph.nodes.map((n) => [n.name, n.params])).toEqual(project.graph.nodes.map((n) => [n.name, n.params]));
  });

  it('writes netloom-layers.js beside a model that uses a class only Netloom registers, and says so', async () => {
    const b = new GraphBuilder();
    const att = b.add('MultiHeadAttention', { num_heads: 2, key_dim: 3 }, b.input([4, 5]));
    b.chain(att, ['Activation', { activation: 'gelu_new' }], ['Flatten'], ['Dense', { units: 1 }]);
    const projectPath = join(dir, 'attention.netloom.json');
    await writeFile(projectPath, serializeProject({ ...emptyProject('attention'), graph: b.graph }));
    const out = join(dir, 'attention-tfjs');
    const r = await cli(['export', projectPath, '--format', 'tfjs', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${join(out, 'model.json')}, model.weights.bin and netloom-layers.js with freshly initialised weights`);
    expect(r.err).toContain(
      'note: the model uses MultiHeadAttention, geluNew, so it needs netloom-layers.js: call registerNetloomLayers(tf) before tf.loadLayersModel',
    );
    expect(await readFile(join(out, 'netloom-layers.js'), 'utf8')).toBe(NETLOOM_LAYERS_JS);
  });

  it('import then export keeps the trained weights: predictions match the original within 1e-5', async () => {
    const input = tf.input({ shape: [6] });
    const hidden = tf.layers.dense({ units: 5, activation: 'relu', name: 'hidden' }).apply(input) as tf.SymbolicTensor;
    const norm = tf.layers.batchNormalization({ name: 'norm' }).apply(hidden) as tf.SymbolicTensor;
    const output = tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' }).apply(norm) as tf.SymbolicTensor;
    const original = tf.model({ inputs: input, outputs: output });
    for (const v of original.weights) v.write(tf.randomUniform(v.shape as number[], 0.2, 1.2, 'float32', 11));
    const saved = await modelFiles(tf, original);
    const source = join(dir, 'published');
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'model.json'), saved.modelJson);
    await writeFile(join(source, 'model.weights.bin'), saved.weights);

    const projectPath = join(dir, 'published.netloom.json');
    expect((await cli(['import', join(source, 'model.json'), '--out', projectPath])).code).toBe(0);
    const out = join(dir, 'republished');
    const r = await cli(['export', projectPath, '--format', 'tfjs', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${join(out, 'model.json')} and model.weights.bin with the 73 weight values the project holds`);
    expect(r.err).toBe('');
    const again = join(dir, 'republished.netloom.json');
    expect((await cli(['export', projectPath, '--format', 'project', '--out', again])).out).toBe(`wrote ${again} with the 73 weight values the project holds`);
    const files = { modelJson: await readFile(join(out, 'model.json'), 'utf8'), weights: new Uint8Array(await readFile(join(out, 'model.weights.bin'))) };
    const exported = await loadModelFiles(tf, files);
    const x = tf.randomNormal([8, 6], 0, 1, 'float32', 5);
    const diff = tf.max(tf.abs(tf.sub(original.predict(x) as tf.Tensor, exported.predict(x) as tf.Tensor))).dataSync()[0];
    expect(diff).toBeLessThan(1e-5);
    [original, exported].forEach((m) => m.dispose());
    x.dispose();
  });

  it('re-saves an old project in the current format', async () => {
    const out = join(dir, 'again', 'seed.netloom.json');
    const r = await cli(['export', SEED_V1, '--format=project', `--out=${out}`]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${out} without weights (the project holds none)`);
    const text = await readFile(out, 'utf8');
    expect(text).toBe(serializeProject(parseProjectFile(await readFile(SEED_V1, 'utf8'))));
    expect(JSON.parse(text)).toMatchObject({ format: 'netloom-project', version: PROJECT_VERSION });
  });

  it('exits 1 with the diagnostics when the graph has errors', async () => {
    const b = new GraphBuilder();
    b.add('Dense', { units: 2 }, b.input([3]));
    b.add('Dense', { units: 2 });
    const path = join(dir, 'broken.netloom.json');
    await writeFile(path, serializeProject({ ...emptyProject('Broken'), graph: b.graph }));
    const r = await cli(['export', path, '--format', 'tfjs', '--out', join(dir, 'broken')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error \[dense_2\]: .*\(missing-input\)/m);
    expect(r.err).toContain('the model has errors, so it cannot be exported as a TF.js model');
  });

  it('writes the Keras script, and refuses an empty model with the reason', async () => {
    const out = join(dir, 'py', 'model.py');
    const r = await cli(['export', SEED_V2, '--format', 'keras', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${out}`);
    const script = await readFile(out, 'utf8');
    expect(script).toContain('name="dense_1"');
    const empty = join(dir, 'empty.netloom.json');
    await writeFile(empty, serializeProject(emptyProject('Empty')));
    const refused = await cli(['export', empty, '--format', 'keras', '--out', join(dir, 'empty.py')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('the model has errors, so it cannot be exported as a Keras script');
  });

  it('writes the script with its sample data into a zip when --out ends in .zip, fitting the sample as the app does', async () => {
    const out = join(dir, 'zip', 'iris.zip');
    const r = await cli(['export', SEED_V2, '--format', 'keras', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${out}`);
    expect(r.err).toBe('note: fitted the default data plan to samples/iris.csv, as the app does when it loads the sample');
    const files = unzipSync(new Uint8Array(await readFile(out)));
    expect(Object.keys(files)).toEqual(['iris_classifier/iris_classifier.py', 'iris_classifier/iris.csv']);
    const iris = await readFile(fileURLToPath(new URL('../../public/samples/iris.csv', import.meta.url)));
    expect(Buffer.from(files['iris_classifier/iris.csv'] as Uint8Array).equals(iris)).toBe(true);
    const script = new TextDecoder().decode(files['iris_classifier/iris_classifier.py']);
    expect(script).toContain('DATA_FILE = os.path.join(HERE, "iris.csv")');
    expect(script).toContain('scaled(table["petal_width"]');
  });

  it("carries the project's callbacks: export --format project keeps them, --format keras lists them", async () => {
    const seed = parseProjectFile(await readFile(SEED_V2, 'utf8'));
    const callbacks = callbacksSchema.parse({ reduceLrOnPlateau: { enabled: true, factor: 0.2, patience: 4 } });
    const path = join(dir, 'callbacks.netloom.json');
    await writeFile(path, serializeProject({ ...seed, callbacks }));
    const again = join(dir, 'callbacks-again.netloom.json');
    expect((await cli(['export', path, '--format', 'project', '--out', again])).code).toBe(0);
    expect(parseProjectFile(await readFile(again, 'utf8')).callbacks).toEqual(callbacks);
    const script = join(dir, 'callbacks.py');
    expect((await cli(['export', path, '--format', 'keras', '--out', script])).code).toBe(0);
    expect(await readFile(script, 'utf8')).toContain('keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.2, patience=4, min_lr=1e-06)');
  });

  it('carries the run history through export --format project unchanged', async () => {
    const seed = parseProjectFile(await readFile(SEED_V2, 'utf8'));
    const path = join(dir, 'runs.netloom.json');
    const text = serializeProject({ ...seed, runs: [sampleRun(), sampleRun({}, { id: 'r2', name: 'Run 2' })] });
    await writeFile(path, text);
    const again = join(dir, 'runs-again.netloom.json');
    expect((await cli(['export', path, '--format', 'project', '--out', again])).code).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(text);
  });

  it('names the uploaded CSV a zipped script reads, which only the user has', async () => {
    const fitted: FittedPreprocessing = {
      version: 1,
      features: [{ kind: 'scale', name: 'a', fill: 0, offset: 0, scale: 1 }],
      featureNames: ['a'],
      target: { name: 'b', encoding: 'regression', offset: 0, scale: 1 },
    };
    const b = new GraphBuilder();
    b.add('Dense', { units: 1 }, b.input([1]));
    const plan = { columns: [], target: 'regression', split: { kind: 'fraction', validation: 0.2, stratified: false, seed: 1 } } as const;
    const path = join(dir, 'upload.netloom.json');
    await writeFile(path, serializeProject({ ...emptyProject('Upload'), graph: b.graph, data: { kind: 'csv', fileName: 'measurements.csv', plan, fitted } }));
    const out = join(dir, 'upload.zip');
    const r = await cli(['export', path, '--format', 'keras', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('note: the script reads measurements.csv, which only you have: put it beside the script');
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(out))))).toEqual(['upload/upload.py']);
  });

  it.each(['tfjs', 'project'])('refuses weights whose bytes do not fit their shapes before writing anything (--format %s)', async (format) => {
    const path = join(dir, 'short-weights.netloom.json');
    const project = parseProjectFile(await readFile(SEED_V2, 'utf8'));
    const weights = { encoding: 'float32-le-base64' as const, specs: [{ name: 'dense_1/kernel', shape: [4, 64] }], data: btoa('\0'.repeat(12)) };
    await writeFile(path, serializeProject({ ...project, weights }));
    const out = join(dir, `short-${format}`, 'out.netloom.json');
    const r = await cli(['export', path, '--format', format, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: ${path}: the project's weights hold 12 bytes but their shapes need 1024`);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('refuses weights that do not fit the layers, as the app does on Open, naming the file and the layer', async () => {
    const path = join(dir, 'wrong-weights.netloom.json');
    const project = parseProjectFile(await readFile(SEED_V2, 'utf8'));
    const weights = { encoding: 'float32-le-base64' as const, specs: [{ name: 'dense_1/kernel', shape: [2, 2] }], data: btoa('\0'.repeat(16)) };
    await writeFile(path, serializeProject({ ...project, weights }));
    const r = await cli(['export', path, '--format', 'tfjs', '--out', join(dir, 'wrong-weights')]);
    expect(r.err).toBe(`error: ${path}: its weights do not fit its model: layer "dense_1" has 4 weight values in the file but the model needs 320`);
  });

  it('exits 1 for a file that is not a project', async () => {
    const path = join(dir, 'not-a-project.json');
    await writeFile(path, '{"format":"layers-model","modelTopology":{}}');
    const r = await cli(['export', path, '--format', 'project', '--out', join(dir, 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not a Netloom project');
  });

  it.each([
    [['p.json', '--format', 'onnx', '--out', 'o'], '--format must be tfjs, keras, project'],
    [['p.json', '--format', 'tfjs'], '--out is required'],
    [['--format', 'tfjs', '--out', 'o'], 'give exactly one project file'],
    [['p.json', '--zip'], 'unknown option --zip'],
  ])('exits 2 for %j', async (args, message) => {
    expect(parseExportArgs(args)).toBe(message);
    const r = await cli(['export', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: npm run cli -- export');
  });

  it('lists import and export in the help', async () => {
    const r = await cli(['help']);
    expect(r.out).toContain('import <model.json>');
    expect(r.out).toContain('export <project> --format');
  });
});

describe('projectMetadata', () => {
  it('carries the fitted preprocessing and its class names', () => {
    const fitted: FittedPreprocessing = { version: 1, features: [], featureNames: [], target: { name: 'y', encoding: 'integer', classes: ['a', 'b'] } };
    const project = { ...emptyProject('P'), data: { kind: 'sample' as const, sampleId: 'iris', fitted } };
    const training = { loss: 'categorical_crossentropy', metrics: ['accuracy'] };
    expect(projectMetadata(project)).toEqual({ project: 'P', preprocessing: fitted, classNames: ['a', 'b'], training });
    const images = {
      ...emptyProject('I'),
      data: { kind: 'images' as const, folderName: 'f', imageSize: [8, 8] as [number, number], channels: 1 as const, fit: 'pad' as const, classes: ['x'] },
    };
    expect(projectMetadata(images)).toEqual({ project: 'I', classNames: ['x'], training });
    // The picked metrics by Keras name, and k when top-k accuracy is one of them.
    const topK = { ...images, training: { ...images.training, metrics: ['auc' as const, 'top_k_categorical_accuracy' as const], topK: 3 } };
    expect(projectMetadata(topK).training).toEqual({ loss: 'categorical_crossentropy', metrics: ['auc', 'top_k_categorical_accuracy'], topK: 3 });
  });
});
