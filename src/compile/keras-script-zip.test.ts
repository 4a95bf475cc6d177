import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DataConfig } from '../data/config';
import { parseCsvText } from '../data/csv';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing } from '../data/preprocess';
import { digitsCnn, seedExample } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { trainingConfigSchema } from '../settings/training';
import { kerasScriptZip } from './keras-script-zip';
import { kerasScript } from './to-keras-python';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');
const publicFile = (path: string) => new Uint8Array(readFileSync(join(PUBLIC, path)));
const iris = parseCsvText(new TextDecoder().decode(publicFile('samples/iris.csv')), 'iris.csv');
const plan = defaultPlan(iris);
const fitted = fitPreprocessing(iris, plan);

async function zipOf(name: string, graph: Graph, data: DataConfig) {
  const fetched: string[] = [];
  const project = { name, graph, training: trainingConfigSchema.parse({}), data };
  const zip = await kerasScriptZip(project, { strategy: 'none' }, (path) => (fetched.push(path), Promise.resolve(publicFile(path))));
  return { zip, fetched, files: unzipSync(zip.bytes), script: kerasScript(project, { strategy: 'none' }) };
}

describe('kerasScriptZip', () => {
  it('puts a CSV sample beside the script, which reads it from its own folder', async () => {
    const { zip, fetched, files, script } = await zipOf('Iris classifier', seedExample(), { kind: 'sample', sampleId: 'iris', plan, fitted });
    expect(zip.fileName).toBe('iris_classifier.zip');
    expect(zip.entries).toEqual(['iris_classifier/iris_classifier.py', 'iris_classifier/iris.csv']);
    expect(Object.keys(files)).toEqual(zip.entries);
    expect(fetched).toEqual(['samples/iris.csv']);
    expect(files['iris_classifier/iris.csv']).toEqual(publicFile('samples/iris.csv'));
    expect(new TextDecoder().decode(files['iris_classifier/iris_classifier.py'])).toBe(script);
    expect(script).toContain('DATA_FILE = os.path.join(HERE, "iris.csv")');
    expect(zip.missing).toEqual([]);
  });

  it('brings both IDX files of the digits sample', async () => {
    const { zip, files } = await zipOf('Digits', digitsCnn(), { kind: 'sample', sampleId: 'digits' });
    expect(zip.entries).toEqual(['digits/digits.py', 'digits/mnist-3k-images-idx3-ubyte', 'digits/mnist-3k-labels-idx1-ubyte']);
    expect(files['digits/mnist-3k-labels-idx1-ubyte']).toEqual(publicFile('samples/digits/mnist-3k-labels-idx1-ubyte'));
    expect(zip.bytes.length).toBeLessThan(publicFile('samples/digits/mnist-3k-images-idx3-ubyte').length / 3);
  });

  it.each<readonly [string, DataConfig, readonly string[]]>([
    [
      'an uploaded CSV and its validation file',
      { kind: 'csv', fileName: 'flowers.csv', plan: { ...plan, split: { kind: 'file', fileName: 'flowers-val.csv' } }, fitted },
      ['flowers.csv', 'flowers-val.csv'],
    ],
    ['an image folder', { kind: 'images', folderName: 'pets', imageSize: [28, 28], channels: 1, fit: 'pad' }, ['pets']],
    ['no data', { kind: 'none' }, []],
  ])('names what only the user has: %s', async (_what, data, missing) => {
    const { zip } = await zipOf('Mine', seedExample(), data);
    expect(zip.entries).toEqual(['mine/mine.py']);
    expect(zip.missing).toEqual(missing);
  });
});
