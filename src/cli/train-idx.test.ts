import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels } from '../data/idx-encode';
import { GraphBuilder } from '../analysis/builder';
import { emptyProject, serializeProject } from '../project/project-file';
import { runCli } from './run-cli';
import { parseTrainArgs } from './train-command';

let dir: string;
const path = (name: string) => join(dir, name);

async function cli(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readText: async (p) => files[p] ?? readFile(p, 'utf8'), out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err: err.join('\n') };
}

/** A project whose model takes 4x4 grey images into `classes` classes, with `classes` named when given. */
function project(classes: number, names?: string[]) {
  const b = new GraphBuilder();
  b.chain(b.input([4, 4, 1]), ['Flatten'], ['Dense', { units: classes, activation: 'softmax' }]);
  const data = names ? { kind: 'idx' as const, imagesFile: 'i.gz', labelsFile: 'l', classes: names } : { kind: 'none' as const };
  return serializeProject({ ...emptyProject('idx'), graph: b.graph, data });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netloom-idx-'));
  // 60 images of 4x4 whose brightness is their class (0, 1 or 2), gzipped as Fashion-MNIST ships.
  const labels = Uint8Array.from({ length: 60 }, (_, i) => i % 3);
  const pixels = Uint8Array.from({ length: 60 * 16 }, (_, p) => (labels[Math.floor(p / 16)] ?? 0) * 120);
  await writeFile(path('train-images-idx3-ubyte.gz'), gzipSync(encodeIdxImages({ count: 60, rows: 4, cols: 4, pixels })));
  await writeFile(path('train-labels-idx1-ubyte.gz'), gzipSync(encodeIdxLabels(labels)));
  await writeFile(path('t10k-labels-idx1-ubyte'), encodeIdxLabels(labels.subarray(0, 10)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli train on an IDX pair', () => {
  it('trains on --data images --labels labels, the label ids as classes, and keeps the project names when they fit', async () => {
    const r = await cli(
      ['train', 'p.json', '--data', path('train-images-idx3-ubyte.gz'), '--labels', path('train-labels-idx1-ubyte.gz'), '--epochs', '2', '--out', path('out')],
      {
        'p.json': project(3),
      },
    );
    expect(r.err).toContain('60 images of 4x4 in 3 classes from train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    const model = JSON.parse(await readFile(path('out/model.json'), 'utf8')) as { userDefinedMetadata?: { netloom?: { classNames?: string[] } } };
    expect(model.userDefinedMetadata?.netloom?.classNames).toEqual(['0', '1', '2']);
    const named = await cli(
      [
        'train',
        'p.json',
        '--data',
        path('train-labels-idx1-ubyte.gz'),
        '--labels',
        path('train-images-idx3-ubyte.gz'),
        '--epochs',
        '1',
        '--out',
        path('named'),
      ],
      {
        'p.json': project(3, ['dark', 'grey', 'light']),
      },
    );
    expect(named.code).toBe(0);
    const namedModel = JSON.parse(await readFile(path('named/model.json'), 'utf8')) as typeof model;
    expect(namedModel.userDefinedMetadata?.netloom?.classNames).toEqual(['dark', 'grey', 'light']);
  });

  it('says what to change for a lone IDX file, a mismatched pair, a missing label file and --labels with a CSV', async () => {
    const lone = await cli(['train', 'p.json', '--data', path('train-images-idx3-ubyte.gz')], { 'p.json': project(3) });
    expect(lone.code).toBe(1);
    expect(lone.err).toBe(
      'error: train-images-idx3-ubyte.gz: is an IDX image file: give its label file too, as --data IMAGES --labels LABELS (e.g. --data train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz)',
    );
    const mismatched = await cli(['train', 'p.json', '--data', path('train-images-idx3-ubyte.gz'), '--labels', path('t10k-labels-idx1-ubyte')], {
      'p.json': project(3),
    });
    expect(mismatched.err).toBe(
      'error: train-images-idx3-ubyte.gz has 60 images but t10k-labels-idx1-ubyte has 10 labels: choose the label file that goes with these images',
    );
    const missing = await cli(['train', 'p.json', '--data', path('train-images-idx3-ubyte.gz'), '--labels', path('nope-idx1-ubyte')], { 'p.json': project(3) });
    expect(missing.err).toBe('error: nope-idx1-ubyte: the file or folder does not exist');
    const csv = await cli(['train', 'p.json', '--data', path('x.csv'), '--labels', path('t10k-labels-idx1-ubyte')], { 'p.json': project(3) });
    expect(csv.err).toBe('error: x.csv: the file or folder does not exist');
    await writeFile(path('x.csv'), 'a,b\n1,2\n');
    const withCsv = await cli(['train', 'p.json', '--data', path('x.csv'), '--labels', path('t10k-labels-idx1-ubyte')], { 'p.json': project(3) });
    expect(withCsv.err).toBe('error: x.csv: --labels goes with an IDX image file (e.g. --data train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz)');
  });

  it('parses --labels, and refuses it with --target', () => {
    expect(parseTrainArgs(['p.json', '--data', 'i.gz', '--labels=l.gz'])).toMatchObject({ data: 'i.gz', labels: 'l.gz' });
    expect(parseTrainArgs(['p.json', '--data', 'i.gz', '--labels', 'l.gz', '--target', 'y'])).toBe(
      "--target is for a CSV; an IDX pair's target is its label file",
    );
  });
});
