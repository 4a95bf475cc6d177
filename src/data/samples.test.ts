import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv';
import { parseIdxImages, parseIdxLabels } from './idx';
import { checkPlan, defaultPlan } from './plan';
import { fitPreprocessing } from './preprocess';
import { SAMPLES, loadIdxSample, sampleById, type CsvSample, type IdxSample, type ToySample } from './samples';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));
const read = (path: string) => new Uint8Array(readFileSync(join(PUBLIC, path)));

const csvSamples = SAMPLES.filter((s): s is CsvSample => s.kind === 'csv');
const idxSamples = SAMPLES.filter((s): s is IdxSample => s.kind === 'idx-images');
const toySamples = SAMPLES.filter((s): s is ToySample => s.kind === 'toy');

/** Every file under `dir`, relative to `PUBLIC`. */
function walk(dir: string): string[] {
  return readdirSync(join(PUBLIC, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(PUBLIC, path)).isDirectory() ? walk(path) : [path];
  });
}

describe('SAMPLES', () => {
  it('has the expected ids, each once', () => {
    expect(SAMPLES.map((s) => s.id)).toEqual(['iris', 'wine', 'breast-cancer', 'cars-mpg', 'first-names', 'digits', 'xor', 'circles', 'spirals']);
  });

  it('gives every sample a title, description, licence and source', () => {
    for (const s of SAMPLES) {
      expect([s.title, s.description, s.licence, s.source].every((t) => t.length > 0)).toBe(true);
      expect(s.rows).toBeGreaterThan(0);
      if (s.task === 'classification') expect(s.classNames?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds samples by id', () => {
    expect(sampleById('iris')?.title).toBe('Iris flowers');
    expect(sampleById('nope')).toBeUndefined();
  });

  it('ships only referenced files, all named in LICENSES.md, under 4 MB in total', () => {
    const referenced = new Set(SAMPLES.flatMap((s) => (s.kind === 'csv' ? [s.path] : s.kind === 'idx-images' ? [s.path, s.labelsPath] : [])));
    const files = walk('samples').filter((f) => f !== 'samples/LICENSES.md');
    expect(new Set(files)).toEqual(referenced);
    const licences = readFileSync(join(PUBLIC, 'samples/LICENSES.md'), 'utf8');
    for (const f of files) expect(licences).toContain(f.slice('samples/'.length));
    const total = files.reduce((sum, f) => sum + statSync(join(PUBLIC, f)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});

describe.each(csvSamples.map((s) => [s.id, s] as const))('CSV sample %s', (_id, sample) => {
  // Plain splitting is enough: the sample CSVs are written without quoted fields.
  const lines = readFileSync(join(PUBLIC, sample.path), 'utf8').trimEnd().split('\n');
  const header = (lines[0] ?? '').split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const targetIndex = header.indexOf(sample.target);

  it('exists with the declared row count and a rectangular shape', () => {
    expect(existsSync(join(PUBLIC, sample.path))).toBe(true);
    expect(rows.length).toBe(sample.rows);
    for (const r of rows) expect(r.length).toBe(header.length);
    expect(new Set(header).size).toBe(header.length);
  });

  it('has its target as the last column, fully filled', () => {
    expect(targetIndex).toBe(header.length - 1);
    const targets = rows.map((r) => r[targetIndex] ?? '');
    expect(targets.every((t) => t !== '')).toBe(true);
    if (sample.task === 'classification') {
      expect([...new Set(targets)].sort()).toEqual([...(sample.classNames ?? [])].sort());
    } else {
      expect(targets.every((t) => Number.isFinite(Number(t)))).toBe(true);
    }
  });
});

describe('specific samples', () => {
  it('first-names opens as a character-level text feature, which the default plan would not pick', () => {
    const sample = sampleById('first-names') as CsvSample;
    const table = parseCsvText(readFileSync(join(PUBLIC, sample.path), 'utf8'), 'first-names.csv');
    expect(defaultPlan(table).columns[0]).toMatchObject({ name: 'name', role: 'ignore' });
    const plan = sample.plan;
    expect(plan).toBeDefined();
    if (!plan) return;
    expect(plan.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.name));
    expect(checkPlan(table, plan)).toBeNull();
    const fitted = fitPreprocessing(table, plan);
    const [feature] = fitted.features;
    expect(feature?.kind).toBe('text');
    if (feature?.kind !== 'text') return;
    // '', '[UNK]', then the 26 letters and the hyphen (stripped as punctuation, so absent).
    expect(feature.vectorizer.vocabulary.slice(0, 2)).toEqual(['', '[UNK]']);
    expect(feature.vectorizer.vocabulary).toHaveLength(28);
    expect(fitted.target.classes).toEqual(['female', 'male']);
  });

  it('iris has the documented header and 50 of each species', () => {
    const lines = readFileSync(join(PUBLIC, 'samples/iris.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('sepal_length,sepal_width,petal_length,petal_width,species');
    expect(lines[1]).toBe('5.1,3.5,1.4,0.2,setosa');
    for (const species of ['setosa', 'versicolor', 'virginica']) {
      expect(lines.filter((l) => l.endsWith(`,${species}`))).toHaveLength(50);
    }
  });

  it('cars-mpg keeps 6 missing horsepower values as empty cells', () => {
    const lines = readFileSync(join(PUBLIC, 'samples/cars-mpg.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('name,cylinders,displacement,horsepower,weight,acceleration,year,origin,mpg');
    expect(lines.slice(1).filter((l) => l.split(',')[3] === '')).toHaveLength(6);
  });
});

describe.each(idxSamples.map((s) => [s.id, s] as const))('IDX sample %s', (_id, sample) => {
  it('parses to the declared count and image shape', () => {
    const images = parseIdxImages(read(sample.path), sample.path);
    const labels = parseIdxLabels(read(sample.labelsPath), sample.labelsPath);
    expect(images.count).toBe(sample.rows);
    expect(labels.length).toBe(sample.rows);
    expect([images.rows, images.cols, 1]).toEqual(sample.imageShape);
    expect(Math.max(...labels)).toBe(sample.classNames.length - 1);
  });

  it('loads as a Dataset through loadIdxSample', async () => {
    const data = await loadIdxSample(sample, async (path) => read(path));
    expect(data.count).toBe(sample.rows);
    expect(data.featureShape).toEqual(sample.imageShape);
    expect(data.classNames).toEqual(sample.classNames);
  });
});

describe.each(toySamples.map((s) => [s.id, s] as const))('toy sample %s', (_id, sample) => {
  it('generates the declared rows and classes, the same for the same seed', () => {
    const data = sample.generate();
    expect(data.count).toBe(sample.rows);
    expect(data.classNames).toEqual(sample.classNames);
    expect(sample.generate()).toEqual(data);
    expect(Array.from(sample.generate(2).x)).not.toEqual(Array.from(data.x));
  });
});
