/**
 * The Keras script validates as the project's one validation setting says: a CSV's plan, an image
 * folder's or a ready sample's held-out share; never a second copy in the training settings. The
 * digits sample's data section runs under python3 with numpy and must hold out the very rows
 * Netloom's split holds out (skipped, and said, without numpy).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digitsCnn, seedExample, speechCnn } from '../analysis/templates';
import type { DataConfig } from '../data/config';
import { parseCsvText } from '../data/csv';
import { sampleRows } from '../data/features';
import { defaultPlan } from '../data/plan';
import { prepareFromDataset } from '../data/prepare';
import { fitPreprocessing } from '../data/preprocess';
import { loadIdxSample, sampleById } from '../data/samples';
import type { IdxSample } from '../data/samples';
import type { FractionSplit } from '../data/validation';
import { DEFAULT_TRAINING_CONFIG } from '../settings/training';
import { dataProgram, findPython, runDataPrograms } from './script-data-support';
import { kerasScript } from './to-keras-python';

const PUBLIC = new URL('../../public/', import.meta.url);
const held = (validation: number, seed: number, stratified = true): FractionSplit => ({ kind: 'fraction', validation, stratified, seed });
const script = (data: DataConfig, graph = seedExample()) => kerasScript({ name: 'v', graph, training: DEFAULT_TRAINING_CONFIG, data }, { strategy: 'none' });

const iris = parseCsvText(readFileSync(new URL('samples/iris.csv', PUBLIC), 'utf8'), 'iris.csv');

describe('the Keras script holds out what the data’s validation setting says', () => {
  it('a CSV: its plan’s share, seed and stratification, through Netloom’s own split', () => {
    const plan = { ...defaultPlan(iris), split: held(0.4, 7) };
    const text = script({ kind: 'csv', fileName: 'iris.csv', plan, fitted: fitPreprocessing(iris, plan) });
    expect(text).toContain('# Hold out 40% for validation (seeded and stratified');
    expect(text).toContain('x_train, x_val, y_train, y_val = netloom_split(x, y, 0.4, 7, stratified=True)');
    expect(text).toContain('validation_data=(x_val, y_val)');
  });

  it('a CSV with a separate validation file: that file, and no held-out rows', () => {
    const plan = { ...defaultPlan(iris), split: { kind: 'file', fileName: 'iris-val.csv' } as const };
    const text = script({ kind: 'csv', fileName: 'iris.csv', plan, fitted: fitPreprocessing(iris, plan) });
    expect(text).toContain('VALIDATION_FILE = os.path.join(HERE, "iris-val.csv")');
    expect(text).not.toContain('netloom_split(');
  });

  it('an image folder: Keras’s validation_split at the folder’s share, saying the images differ', () => {
    const images: DataConfig = { kind: 'images', folderName: 'pets', imageSize: [28, 28], channels: 1, fit: 'stretch', split: held(0.4, 9) };
    const text = script(images, digitsCnn(2));
    expect(text).toContain('    validation_split=0.4,\n    subset="both",');
    expect(text).toContain('# Keras holds out its own 40% of the images');
    expect(script({ ...images, split: held(0, 9) }, digitsCnn(2))).not.toContain('validation_split');
  });

  it('a ready sample: its own share and seed, unstratified when it says so', () => {
    expect(script({ kind: 'sample', sampleId: 'xor', split: held(0.25, 3, false) }, seedExample(2, 2))).toContain(
      'netloom_split(x, y, 0.25, 3, stratified=False)',
    );
    expect(script({ kind: 'sample', sampleId: 'digits', split: held(0, 3) }, digitsCnn(10))).toContain('x_train, y_train = x, y');
  });

  it('the speech sample: read from its zip as log-mel spectrograms, with its share and seed', () => {
    const text = script({ kind: 'sample', sampleId: 'speech-commands', split: held(0.2, 42) }, speechCnn());
    expect(text).toContain('speech-commands.zip');
    expect(text).toContain('tf.signal.stft');
    expect(text).toContain('netloom_split(x, y, 0.2, 42');
  });
});

const { python, candidates } = findPython('numpy');
const skipNote = python ? '' : ` (SKIPPED: no python3 with numpy among ${candidates.join(', ')})`;

describe(`the digits sample’s script holds out the rows Netloom holds out${skipNote}`, () => {
  it.skipIf(!python)('at the data’s 40%, seed 7: the same 1,200 validation digits, in the same order', async () => {
    const sample = sampleById('digits') as IdxSample;
    const split = held(0.4, 7);
    const dir = mkdtempSync(join(tmpdir(), 'netloom-digits-'));
    for (const path of [sample.path, sample.labelsPath]) copyFileSync(new URL(path, PUBLIC), join(dir, path.slice(path.lastIndexOf('/') + 1)));
    const program = join(dir, 'data.py');
    writeFileSync(program, dataProgram(script({ kind: 'sample', sampleId: 'digits', split }, digitsCnn(10))));
    const run = runDataPrograms(python as string, [program], 5);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const got = run.arrays[program];
    const dataset = await loadIdxSample(sample, async (path) => new Uint8Array(readFileSync(new URL(path, PUBLIC))));
    const { train, validation } = prepareFromDataset(dataset, split);
    expect([train.count, validation.count]).toEqual([1800, 1200]);
    expect(got?.x_val.shape).toEqual([1200, 28, 28, 1]);
    expect(got?.x_train.shape).toEqual([1800, 28, 28, 1]);
    // The first five digits each side, pixels and labels: the split's rows in the split's order.
    expect(got?.x_val.values).toEqual(Array.from(sampleRows(validation, 0, 5)));
    expect(got?.y_val.values).toEqual(Array.from(validation.y.subarray(0, 10 * 5)));
    expect(got?.x_train.values).toEqual(Array.from(sampleRows(train, 0, 5)));
    expect(got?.y_train.values).toEqual(Array.from(train.y.subarray(0, 10 * 5)));
  });
});
