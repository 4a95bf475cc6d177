/**
 * `train` validates on what the project's one validation setting says, as the app does: a CSV
 * plan's held-out share, an image folder's share, or a separate file; `--validation-split` and
 * `--validation` override it. The counts are read from the CLI's own log line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import { readCsvFile } from '../data/node-files';
import { defaultPlan } from '../data/plan';
import type { DataConfig } from '../data/config';
import type { SplitPlan } from '../data/types';
import { emptyProject, parseProjectFile, serializeProject } from '../project/project-file';
import { cli, writeShapeFolders } from './train-test-support';
import { parseTrainArgs } from './train-command';

const SEED = fileURLToPath(new URL('../project/fixtures/seed-v5.netloom.json', import.meta.url));
const TWO_SPLITS_V4 = fileURLToPath(new URL('../project/fixtures/two-splits-v4.netloom.json', import.meta.url));
const IRIS = fileURLToPath(new URL('../../public/samples/iris.csv', import.meta.url));

let dir: string;

/** The seed project on Iris under a plan with `split`, as the file `p.netloom.json`. */
async function irisProject(split: SplitPlan): Promise<Record<string, string>> {
  const seed = parseProjectFile(await readFile(SEED, 'utf8'));
  const plan = { ...defaultPlan(await readCsvFile(IRIS)), split };
  return { 'p.netloom.json': serializeProject({ ...seed, data: { kind: 'csv', fileName: 'iris.csv', plan } }) };
}

const held = (validation: number, seed = 42) => ({ kind: 'fraction', validation, stratified: true, seed }) as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-validation-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli train validates on the data’s one validation setting', () => {
  it('holds out a CSV plan’s 40%: 90 train, 60 validation', async () => {
    const r = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '1'], await irisProject(held(0.4)));
    expect(r.code).toBe(0);
    expect(r.err).toContain("training on 90 samples, validating on 60 (40% held out, stratified, seed 42; the project's data plan)");
  });

  it('opens a v4 project with Data 40% and Train 0.1 and validates on the 40% (60 rows), as its evaluation did', async () => {
    const r = await cli(['train', TWO_SPLITS_V4, '--data', IRIS, '--epochs', '1']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('training on 90 samples, validating on 60 (40% held out');
  });

  it('overrides it with --validation-split, and checks the share as the Train tab does', async () => {
    const files = await irisProject(held(0.4));
    const r = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '1', '--validation-split', '0.1'], files);
    expect(r.err).toContain('training on 135 samples, validating on 15 (10% held out, stratified, seed 42;');
    const bad = await cli(['train', 'p.netloom.json', '--data', IRIS, '--validation-split', '1'], files);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--validation-split must be a number between 0 and 1 (exclusive)');
    expect(parseTrainArgs(['p', '--data', 'd', '--validation-split', '0.2', '--validation', 'v.csv'])).toBe(
      'give --validation-split or --validation, not both',
    );
  });

  it('keeps the project’s share for a CSV its plan does not fit (the default plan, as the app’s new data does)', async () => {
    const seed = parseProjectFile(await readFile(SEED, 'utf8'));
    const images: DataConfig = { kind: 'images', folderName: 'x', imageSize: [8, 8], channels: 1, fit: 'pad', split: held(0.4, 3) };
    const r = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '1'], { 'p.netloom.json': serializeProject({ ...seed, data: images }) });
    expect(r.err).toContain('validating on 60 (40% held out, stratified, seed 3; the default data plan');
  });

  it('reads a separate validation file from --validation, and says how when the project names one', async () => {
    const files = await irisProject({ kind: 'file', fileName: 'iris-val.csv' });
    const missing = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '1'], files);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      'the project validates on a separate file, iris-val.csv: give it with --validation iris-val.csv, or hold out a share instead with --validation-split 0.2',
    );
    const text = await readFile(IRIS, 'utf8');
    const lines = text.trim().split('\n');
    const val = join(dir, 'iris-val.csv');
    await writeFile(val, [lines[0], ...lines.slice(1, 31)].join('\n') + '\n');
    const r = await cli(['train', 'p.netloom.json', '--data', IRIS, '--epochs', '1', '--validation', val], files);
    expect(r.code).toBe(0);
    expect(r.err).toContain('training on 150 samples, validating on 30 (the separate file iris-val.csv;');
    const other = join(dir, 'other.csv');
    await writeFile(other, 'a,b\n1,2\n');
    const wrong = await cli(['train', 'p.netloom.json', '--data', IRIS, '--validation', other], files);
    expect(wrong.err).toContain('other.csv: its columns (a, b) differ from the training file');
  });

  it('holds out an image folder’s own share, or --validation-split’s', async () => {
    const root = join(dir, 'shapes');
    await writeShapeFolders(root, 10);
    const b = new GraphBuilder();
    b.chain(b.input([8, 8, 1]), ['Flatten'], ['Dense', { units: 2, activation: 'softmax' }]);
    const data: DataConfig = { kind: 'images', folderName: 'shapes', imageSize: [8, 8], channels: 1, fit: 'pad', split: held(0.4, 5) };
    const files = { 'p.netloom.json': serializeProject({ ...emptyProject('shapes'), graph: b.graph, data }) };
    const r = await cli(['train', 'p.netloom.json', '--data', root, '--epochs', '1'], files);
    expect(r.code).toBe(0);
    expect(r.err).toContain('training on 12 samples, validating on 8 (40% held out, stratified, seed 5; 20 images in 2 classes');
    const over = await cli(['train', 'p.netloom.json', '--data', root, '--epochs', '1', '--validation-split', '0.5'], files);
    expect(over.err).toContain('training on 10 samples, validating on 10 (50% held out');
    const file = await cli(['train', 'p.netloom.json', '--data', root, '--validation', 'v.csv'], files);
    expect(file.err).toContain('--validation takes the separate validation CSV of a CSV');
  });
});
