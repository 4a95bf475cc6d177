import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../data/node-files';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing, transformTable } from '../data/preprocess';
import { splitDataset } from '../data/split';
import { claimSize, makePng } from '../data/images/test-images';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { digitsCnn } from '../analysis/templates';
import { emptyProject, parseProjectFile, serializeProject } from '../project/project-file';
import { callbacksSchema } from '../settings/callbacks';
import { loadModelFiles } from '../compile/model-files';
import { toTfjsModel } from '../compile/to-tfjs';
import { packWeights } from '../graph/inline-weights';
import { weightValues } from '../train/trainer-models';
import { cli, writeShapeFolders } from './train-test-support';
import { epochLine, parseTrainArgs } from './train-command';

const SEED = fileURLToPath(new URL('../project/fixtures/seed-v2.netloom.json', import.meta.url));
const IRIS = fileURLToPath(new URL('../../public/samples/iris.csv', import.meta.url));
const WINE = fileURLToPath(new URL('../../public/samples/wine.csv', import.meta.url));
const CANCER = fileURLToPath(new URL('../../public/samples/breast-cancer.csv', import.meta.url));

let dir: string;

const inputOnly = () => {
  const b = new GraphBuilder();
  b.input([4]);
  return b.graph;
};

const frozenDense = () => {
  const b = new GraphBuilder();
  const dense = b.chain(b.input([4]), ['Dense', { units: 3, activation: 'softmax' }]);
  return setTrainable(b.graph, [dense], false);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-train-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli train', () => {
  it("starts from the project's saved weights where they fit by name (a new head starts fresh), or anew with --fresh", async () => {
    const trained = parseProjectFile(await readFile(SEED, 'utf8'), SEED);
    // Weights saved for the seed's first Dense only, as a base with its old head cut off would hold.
    const model = toTfjsModel(tf, trained.graph);
    const base = weightValues(model).filter((w) => w.name.startsWith('dense_1/'));
    model.dispose();
    const path = join(dir, 'with-weights.netloom.json');
    await writeFile(path, serializeProject({ ...trained, weights: packWeights(base) }));
    const r = await cli(['train', path, '--data', IRIS, '--epochs', '1']);
    expect(r.code).toBe(0);
    expect(r.err).toContain("note: starting from the project's weights in 1 of 2 layers; dense_2 starts fresh (--fresh starts them all anew)");
    const fresh = await cli(['train', path, '--data', IRIS, '--epochs', '1', '--fresh']);
    expect(fresh.code).toBe(0);
    expect(fresh.err).not.toContain("the project's weights");
  });

  it("reports the project's picked metrics on every line, train and validation, by their Keras names", async () => {
    const project = parseProjectFile(await readFile(SEED, 'utf8'), SEED);
    const path = join(dir, 'metrics.netloom.json');
    const training = { ...project.training, metrics: ['accuracy' as const, 'auc' as const, 'top_k_categorical_accuracy' as const], topK: 2 };
    await writeFile(path, serializeProject({ ...project, training }));
    const r = await cli(['train', path, '--data', IRIS, '--epochs', '2']);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out[1] ?? '{}') as Record<string, number>;
    expect(Object.keys(line)).toEqual([
      'epoch',
      'loss',
      'acc',
      'auc',
      'top_k_categorical_accuracy',
      'val_loss',
      'val_acc',
      'val_auc',
      'val_top_k_categorical_accuracy',
    ]);
    expect(line.val_auc).toBeGreaterThan(0.5);
  });

  it('trains the seed project on Iris, one JSON line per epoch, and saves a model that reloads', async () => {
    const out = join(dir, 'iris-model');
    const r = await cli(['train', SEED, '--data', IRIS, '--epochs', '3', '--out', out]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(3);
    const lines = r.out.map((l) => JSON.parse(l) as Record<string, number>);
    expect(lines.map((l) => Object.keys(l))).toEqual(Array(3).fill(['epoch', 'loss', 'acc', 'val_loss', 'val_acc']));
    expect(lines.map((l) => l.epoch)).toEqual([1, 2, 3]);

    // The saved model scores the same validation split as the last line says.
    const model = await loadModelFiles(tf, {
      modelJson: await readFile(join(out, 'model.json'), 'utf8'),
      weights: new Uint8Array(await readFile(join(out, 'model.weights.bin'))),
    });
    const table = await readCsvFile(IRIS);
    const plan = defaultPlan(table);
    const { validation } = splitDataset(transformTable(table, fitPreprocessing(table, plan), plan), { validation: 0.2, stratified: true, seed: 42 });
    const [x, y] = [tf.tensor(validation.x, [validation.count, 4]), tf.tensor(validation.y, [validation.count, 3])];
    model.compile({ loss: 'categoricalCrossentropy', optimizer: 'sgd' });
    const loss = model.evaluate(x, y) as tf.Scalar;
    expect(Math.abs((await loss.data())[0]! - lines[2]!.val_loss!)).toBeLessThan(1e-4);
    tf.dispose([x, y, loss]);
    model.dispose();
  });

  it.each([
    ['the Keras seed as written: Dense(2, softmax) + categorical_crossentropy', 2, 'softmax', 'categorical_crossentropy'],
    ['Dense(1, sigmoid) + binary_crossentropy', 1, 'sigmoid', 'binary_crossentropy'],
  ] as const)('trains a two-class CSV (breast cancer) with %s', async (_name, units, activation, loss) => {
    const b = new GraphBuilder();
    b.chain(b.input([30]), ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units, activation }]);
    const path = join(dir, `two-class-${units}.netloom.json`);
    const project = { ...emptyProject('two classes'), graph: b.graph, training: { ...emptyProject().training, loss, epochs: 8, learningRate: 0.01 } };
    await writeFile(path, serializeProject(project));
    const r = await cli(['train', path, '--data', CANCER]);
    expect(r.err).not.toContain('error');
    expect(r.err).not.toContain('note: the project');
    expect(r.code).toBe(0);
    const last = JSON.parse(r.out.at(-1) ?? '{}') as Record<string, number>;
    expect(last.val_acc).toBeGreaterThan(0.9);
  });

  it('runs the callbacks the project holds: early stopping ends the run and says so', async () => {
    const seed = parseProjectFile(await readFile(SEED, 'utf8'));
    // A huge min_delta makes every epoch after the first "no improvement", so patience 1 stops at epoch 2.
    const callbacks = callbacksSchema.parse({ earlyStopping: { enabled: true, monitor: 'loss', minDelta: 100, patience: 1 } });
    const r = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '10'], { 'p.netloom.json': serializeProject({ ...seed, callbacks }) });
    expect(r.code).toBe(0);
    expect(r.err).toContain('backend cpu, with EarlyStopping on loss (min)');
    expect(r.err).toMatch(/early-stopped: 2 epochs in /);
    expect(r.out).toHaveLength(2);
  });

  it('refuses a callback watching a metric the project does not compile, saying which, before training', async () => {
    const seed = parseProjectFile(await readFile(SEED, 'utf8'));
    const callbacks = callbacksSchema.parse({ earlyStopping: { enabled: true, monitor: 'val_auc' } });
    const r = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '2'], { 'p.netloom.json': serializeProject({ ...seed, callbacks }) });
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toContain('error: Early stopping monitors val_auc, but AUC is not among the compiled metrics');
    expect(r.err).toContain('(monitor-not-logged)');
    // With AUC compiled, it trains and watches it (auto: AUC should rise).
    const withAuc = { ...seed, training: { ...seed.training, metrics: ['accuracy' as const, 'auc' as const] }, callbacks };
    const ok = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '2'], { 'p.netloom.json': serializeProject(withAuc) });
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('with EarlyStopping on val_auc (max)');
    expect(Object.keys(JSON.parse(ok.out[0] ?? '{}') as object)).toContain('val_auc');
  });

  it('exits 1 with the data-input-mismatch message when the data does not fit the model', async () => {
    const r = await cli(['train', SEED, '--data', WINE]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toContain("error [input_1]: The data's samples have shape (None, 13) but input_1 expects (None, 4) (data-input-mismatch)");
  });

  it.each([
    ['an empty project', () => emptyProject().graph, '', 'The model is empty', 'empty-model'],
    ['an Input alone', () => inputOnly(), ' [input_1]', 'input_1 is the only layer', 'no-output'],
    ['a model whose only Dense is frozen', () => frozenDense(), ' [dense_1]', 'Every layer with weights is frozen (dense_1)', 'no-trainable-weights'],
    ['the CNN template fitted to Iris', () => digitsCnn(), ' [conv2d_1]', 'Conv2D needs a 4-D input', 'wrong-rank'],
  ] as const)('refuses %s with the reason the app gives, and no --fit hint where --fit cannot help', async (_name, graph, layer, message, code) => {
    const path = join(dir, `${code}.netloom.json`);
    await writeFile(path, serializeProject({ ...emptyProject(), graph: graph() }));
    const r = await cli(['train', path, '--data', IRIS, '--fit']);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    const line = r.err.split('\n').find((l) => l.startsWith(`error${layer}: ${message}`));
    expect(line).toMatch(new RegExp(`\\(${code}\\)$`));
    expect(r.err).toContain(`${path}: the model cannot train, so it was not trained`);
    expect(r.err).not.toContain('Training failed');
  });

  it('trains on a folder of images with the project image settings', async () => {
    const root = join(dir, 'shapes');
    await writeShapeFolders(root, 6);
    const b = new GraphBuilder();
    b.chain(b.input([8, 8, 1]), ['Flatten'], ['Dense', { units: 2, activation: 'softmax' }]);
    const project = {
      ...emptyProject('shapes'),
      graph: b.graph,
      data: { kind: 'images' as const, folderName: 'shapes', imageSize: [8, 8] as [number, number], channels: 1 as const, fit: 'pad' as const },
    };
    const r = await cli(['train', 'p.netloom.json', '--data', root, '--epochs', '2'], { 'p.netloom.json': serializeProject(project) });
    expect(r.err).toContain('12 images in 2 classes at 8x8x1');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
  });

  it('trains on a zip of image folders, as the app reads one, and names a zip that is not one', async () => {
    const pngs = Object.fromEntries(
      [
        ['dark', 0],
        ['light', 255],
      ].flatMap(([cls, on]) => [0, 1, 2].map((i) => [`shapes/${cls}/${i}.png`, makePng(8, 8, () => [on as number, on as number, on as number, 255])])),
    );
    await writeFile(join(dir, 'shapes.zip'), zipSync(pngs));
    const r = await cli(['train', SEED, '--data', join(dir, 'shapes.zip'), '--epochs', '1']);
    // The seed's Input is (4,): the images were read, and the model is told it does not fit them.
    expect(r.err).toContain("The data's samples have shape (None, 28, 28, 1)");
    await writeFile(join(dir, 'notes.zip'), 'not a zip');
    expect((await cli(['train', SEED, '--data', join(dir, 'notes.zip')])).err).toBe('error: notes.zip: this is not a zip file');
  });

  describe('refuses hostile data with a message, as the app does', () => {
    const shapes = async (name: string) => {
      const root = join(dir, name);
      for (const [cls, on] of [
        ['dark', 0],
        ['light', 255],
      ] as const) {
        await mkdir(join(root, cls), { recursive: true });
        for (let i = 0; i < 3; i++)
          await writeFile(
            join(root, cls, `${i}.png`),
            makePng(8, 8, () => [on, on, on, 255]),
          );
      }
      return root;
    };

    it('names an empty class folder', async () => {
      const root = await shapes('with-empty');
      await mkdir(join(root, 'grey'));
      const r = await cli(['train', SEED, '--data', root]);
      expect(r.code).toBe(1);
      expect(r.err).toBe('error: class folder "grey" has no images: add some or remove the folder');
    });

    it('skips an image whose header claims 100 megapixels, and says so', async () => {
      const root = await shapes('with-huge');
      await writeFile(
        join(root, 'dark', 'huge.png'),
        claimSize(
          makePng(8, 8, () => [0, 0, 0, 255]),
          10_000,
          10_000,
        ),
      );
      const r = await cli(['train', SEED, '--data', root]);
      expect(r.err).toContain(
        'note: skipped with-huge/dark/huge.png: 10,000 x 10,000 pixels (100 megapixels), over the 40-megapixel limit for one image; shrink it to use it',
      );
    });

    it('says a zip in the folder is not read', async () => {
      const root = join(dir, 'zipped');
      await mkdir(root, { recursive: true });
      await writeFile(join(root, 'inner.zip'), zipSync({ 'a/1.png': makePng(2, 2, () => [1, 1, 1, 255]) }));
      const r = await cli(['train', SEED, '--data', root]);
      expect(r.err).toBe(
        'error: the folder has no images (PNG, JPEG, WebP, GIF or BMP); zipped/inner.zip is a zip inside it, and a zip inside an upload is not read: unzip it, or upload it on its own',
      );
    });

    it.each([
      { name: 'one 3 MB line', text: () => '1,'.repeat(1_500_000), message: 'line 1 is longer than 1,000,000 characters, the limit for one line' },
      {
        name: '10,000 columns',
        text: () => `${Array.from({ length: 10_000 }, (_, j) => `c${j}`).join(',')}\n`,
        message: 'the file has 10,000 columns (line 1), over the limit of 2,000',
      },
    ])('stops at once on $name', async ({ text, message }) => {
      const path = join(dir, 'hostile.csv');
      await writeFile(path, text());
      const r = await cli(['train', SEED, '--data', path]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`error: hostile.csv: ${message}`);
    });
  });

  it.each([
    [['train', SEED], /--data is required/],
    [['train', SEED, '--data', IRIS, '--epochs', '0'], /--epochs must be a whole number/],
    [['train', SEED, '--data', IRIS, '--backend', 'webgl'], /--backend must be cpu or wasm/],
    [['train', SEED, '--data', IRIS, '--bogus', '1'], /unknown option --bogus/],
  ])('exits 2 on a wrong command line %#', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('names the CSV when its table cannot be fitted (one row of data)', async () => {
    const path = join(dir, 'one-row.csv');
    await writeFile(path, 'a,b,c,d,species\n1,2,3,4,setosa\n');
    const r = await cli(['train', SEED, '--data', path]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: one-row.csv: the file has only 1 row of data; training needs at least 2 (one to train on, one to validate)');
  });

  it('exits 1 naming a missing data file or target column', async () => {
    expect((await cli(['train', SEED, '--data', join(dir, 'nope.csv')])).err).toMatch(/nope\.csv: the file or folder does not exist/);
    const r = await cli(['train', SEED, '--data', IRIS, '--target', 'colour']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/there is no column "colour"/);
  });

  it('parses flags in both forms and formats epoch lines', () => {
    expect(parseTrainArgs(['p.json', '--data=d.csv', '--epochs', '4', '--target', 'y', '--out', 'o', '--backend=wasm'])).toEqual({
      project: 'p.json',
      data: 'd.csv',
      epochs: 4,
      target: 'y',
      out: 'o',
      backend: 'wasm',
      fit: false,
      fresh: false,
    });
    expect(parseTrainArgs(['p.json', '--data', 'd.csv', '--fit'])).toMatchObject({ fit: true });
    expect(parseTrainArgs(['p.json', '--data', 'd.csv', '--fit=yes'])).toMatch(/fit/);
    expect(epochLine(0, { loss: 0.123456, accuracy: 0.5, val_loss: 1 })).toBe('{"epoch":1,"loss":0.1235,"acc":0.5,"val_loss":1}');
    expect(epochLine(4, { loss: 2, mae: 1, val_mae: 1.5, val_loss: 3 })).toBe('{"epoch":5,"loss":2,"mae":1,"val_loss":3,"val_mae":1.5}');
    // The picked metrics by Keras name, each with its validation twin.
    expect(epochLine(0, { val_auc: 0.9, auc: 0.8, loss: 1, accuracy: 0.7, val_loss: 1, val_accuracy: 0.6, top_k_categorical_accuracy: 1 })).toBe(
      '{"epoch":1,"loss":1,"auc":0.8,"acc":0.7,"top_k_categorical_accuracy":1,"val_loss":1,"val_auc":0.9,"val_acc":0.6}',
    );
  });

  it('keeps stdout to JSON lines when run as a process (the tfjs banner goes to stderr)', () => {
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'train', SEED, '--data', IRIS, '--epochs', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\{"epoch":\d+,.*\}$/);
    expect(r.stderr).toContain('completed: 2 epochs');
  }, 30_000);
});
