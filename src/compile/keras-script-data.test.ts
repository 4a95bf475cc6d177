/**
 * The data section of exported Keras scripts, run with pandas on CSVs as the app reads them: every
 * built-in CSV sample, scikit-learn's raw `breast_cancer.csv` form (`569,30,malignant,benign`), a
 * headerless file and the CSV fixtures (semicolons and decimal commas, a BOM, tabs, missing cells,
 * empty lines). x_train, y_train, x_val and y_val must equal, number for number, what Netloom's
 * own reading, preprocessing and split give in TypeScript.
 *
 * It needs a python3 with numpy and pandas. `npm test` finds one, installing Debian's
 * python3-pandas with apt-get when it runs as root (scripts/find-python.mjs), and passes it in
 * NETLOOM_PYTHON; without one the test is skipped and says why.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DataConfig } from '../data/config';
import { featuresFloat32 } from '../data/features';
import { idxToDataset } from '../data/idx';
import { DEFAULT_SPLIT } from '../data/validation';
import { encodeIdxImages, encodeIdxLabels } from '../data/idx-encode';
import { parseCsvText } from '../data/csv';
import { defaultPlan } from '../data/plan';
import { prepareFromDataset, prepareFromTable } from '../data/prepare';
import { fitPreprocessing } from '../data/preprocess';
import { SAMPLES } from '../data/samples';
import type { SplitDataset } from '../data/types';
import { digitsCnn, seedExample } from '../analysis/templates';
import { trainingConfigSchema } from '../settings/training';
import { kerasScript } from './to-keras-python';
import { dataProgram, findPython, runDataPrograms } from './script-data-support';

const { python, candidates } = findPython('numpy, pandas');
const skipNote = python
  ? ''
  : ` (SKIPPED: no python3 with pandas among ${candidates.join(', ')}; npm test installs it as root on Debian, else run apt-get install python3-pandas or pip install pandas)`;
if (!python) console.warn(`keras-script-data.test.ts${skipNote}`);

const read = (url: URL) => readFileSync(url, 'utf8');
const sample = (path: string) => read(new URL(`../../public/${path}`, import.meta.url));
const fixture = (name: string) => read(new URL(`../data/fixtures/${name}`, import.meta.url));

/** breast-cancer.csv as scikit-learn ships it: a count line with the class names, then 0/1 targets. */
function sklearnBreastCancer(): string {
  const [, ...rows] = sample('samples/breast-cancer.csv').trim().split('\n');
  const body = rows.map((row) => row.replace(/,(malignant|benign)$/, (_, c: string) => `,${c === 'malignant' ? 0 : 1}`));
  return [`${body.length},30,malignant,benign`, ...body].join('\n') + '\n';
}

/** Sentences and a label: the default plan makes `review` a text feature (tokens, punctuation, case, OOV in validation). */
function reviewsCsv(): string {
  const good = ['Good film, really GOOD!', "I'd watch it again: great acting.", 'A fine, warm story', 'Loved it -- best of the year'];
  const bad = ['Bad plot; worse ending.', "Couldn't finish it, boring", 'Awful... just awful', 'Dull and far too long'];
  const rows = Array.from({ length: 60 }, (_, i) => {
    const label = i % 2;
    const line = (label === 1 ? good : bad)[i % 4] as string;
    return `"${line} take ${i}",${label}`;
  });
  return ['review,label', ...rows].join('\n') + '\n';
}

interface Case {
  readonly id: string;
  readonly fileName: string;
  readonly text: string;
  readonly sampleId?: string;
}

const CASES: readonly Case[] = [
  ...SAMPLES.flatMap((s) =>
    s.kind === 'csv' ? [{ id: s.id, fileName: s.path.slice(s.path.lastIndexOf('/') + 1), text: sample(s.path), sampleId: s.id }] : [],
  ),
  { id: 'sklearn-breast-cancer', fileName: 'breast_cancer.csv', text: sklearnBreastCancer() },
  { id: 'headerless-iris', fileName: 'iris-no-header.csv', text: sample('samples/iris.csv').split('\n').slice(1).join('\n') },
  { id: 'reviews-text', fileName: 'reviews.csv', text: reviewsCsv() },
  ...['semicolon-bom-crlf.csv', 'tabs.tsv', 'missing.csv', 'sklearn-header.csv', 'headerless.csv', 'empty-lines.csv'].map((name) => ({
    id: name,
    fileName: name,
    text: fixture(name),
  })),
];

/** What Netloom makes of a case in TypeScript, and the script it exports for it. */
function prepareCase(c: Case): { split: SplitDataset; script: string; classNames: readonly string[] | undefined } {
  const table = parseCsvText(c.text, c.fileName);
  // A sample opens with its own plan where it has one (first-names: its names split into characters).
  const sampled = c.sampleId === undefined ? undefined : SAMPLES.find((s) => s.id === c.sampleId);
  const plan = (sampled?.kind === 'csv' ? sampled.plan : undefined) ?? defaultPlan(table);
  const fitted = fitPreprocessing(table, plan);
  const data: DataConfig = c.sampleId ? { kind: 'sample', sampleId: c.sampleId, plan, fitted } : { kind: 'csv', fileName: c.fileName, plan, fitted };
  const outputs = fitted.target.encoding === 'onehot' ? (fitted.target.classes?.length ?? 1) : 1;
  const graph = seedExample(fitted.featureNames.length, outputs);
  const script = kerasScript({ name: c.id, graph, training: trainingConfigSchema.parse({}), data }, { strategy: 'none' });
  return { split: prepareFromTable(table, plan, fitted), script, classNames: fitted.target.classes };
}

describe(`the data section of the Keras script reads what Netloom read${skipNote}`, () => {
  it.skipIf(!python)('gives the same samples, split and order as Netloom, for every CSV form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-data-'));
    const prepared = CASES.map((c) => {
      const folder = join(dir, c.id);
      mkdirSync(folder);
      writeFileSync(join(folder, c.fileName), c.text);
      const program = join(folder, 'data.py');
      const { split, script, classNames } = prepareCase(c);
      writeFileSync(program, dataProgram(script));
      return { c, program, split, classNames };
    });
    const run = runDataPrograms(
      python as string,
      prepared.map((p) => p.program),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const results = run.arrays;
    for (const { c, program, split } of prepared) {
      const got = results[program];
      const { train, validation } = split;
      const what = `${c.id}: `;
      expect(got?.x_train.shape, `${what}x_train`).toEqual([train.count, ...train.featureShape]);
      expect(got?.x_val.shape, `${what}x_val`).toEqual([validation.count, ...validation.featureShape]);
      expect(got?.y_train.shape[0], `${what}y_train`).toBe(train.count);
      expect(got?.x_train.values, `${what}x_train`).toEqual(Array.from(train.x));
      expect(got?.y_train.values, `${what}y_train`).toEqual(Array.from(train.y));
      expect(got?.x_val.values, `${what}x_val`).toEqual(Array.from(validation.x));
      expect(got?.y_val.values, `${what}y_val`).toEqual(Array.from(validation.y));
    }
  });
});

describe('the cases cover every header form the app reads', () => {
  it('sklearn first lines, headers and headerless files, with the names the app gives', () => {
    const forms = CASES.map((c) => {
      const table = parseCsvText(c.text, c.fileName);
      return [c.id, table.hasHeader, table.headerClassNames ?? null, table.columns.at(-1)?.name] as const;
    });
    expect(forms).toContainEqual(['sklearn-breast-cancer', true, ['malignant', 'benign'], 'target']);
    expect(forms).toContainEqual(['headerless-iris', false, null, 'column_5']);
    expect(forms).toContainEqual(['iris', true, null, 'species']);
    expect(prepareCase(CASES.find((c) => c.id === 'sklearn-breast-cancer') as Case).classNames).toEqual(['malignant', 'benign']);
    // The script's own tokenizer (Keras's rules in plain Python) is compared on a text column too.
    expect(defaultPlan(parseCsvText(reviewsCsv(), 'reviews.csv')).columns.find((c) => c.name === 'review')?.transform).toBe('text');
  });
});

describe(`the data section reads uploaded IDX files as Netloom does${skipNote}`, () => {
  it.skipIf(!python)('a gzipped image file and a plain label file give the same samples and split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-idx-'));
    const count = 40;
    const images = { count, rows: 3, cols: 2, pixels: Uint8Array.from({ length: count * 6 }, (_, i) => (i * 53) % 256) };
    const labels = Uint8Array.from({ length: count }, (_, i) => (i * 7) % 3);
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gzipSync(encodeIdxImages(images)));
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), encodeIdxLabels(labels));
    const data: DataConfig = { kind: 'idx', imagesFile: 'train-images-idx3-ubyte.gz', labelsFile: 'train-labels-idx1-ubyte', classes: ['a', 'b', 'c'] };
    const training = trainingConfigSchema.parse({});
    const script = kerasScript({ name: 'idx', graph: digitsCnn(), training, data }, { strategy: 'none' });
    expect(script).toContain('import gzip');
    const program = join(dir, 'data.py');
    writeFileSync(program, dataProgram(script));
    const run = runDataPrograms(python as string, [program]);
    expect(run.stderr).toBe('');
    const got = run.arrays[program];
    const { train, validation } = prepareFromDataset(idxToDataset(images, labels, ['a', 'b', 'c']), DEFAULT_SPLIT);
    expect(got?.x_train.shape).toEqual([train.count, 3, 2, 1]);
    expect(got?.x_train.values).toEqual(Array.from(featuresFloat32(train.x)));
    expect(got?.y_train.values).toEqual(Array.from(train.y));
    expect(got?.x_val.values).toEqual(Array.from(featuresFloat32(validation.x)));
    expect(got?.y_val.values).toEqual(Array.from(validation.y));
  });
});
