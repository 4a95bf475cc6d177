import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv';
import { parseIdxImages, parseIdxLabels } from './idx';
import { checkPlan, defaultPlan } from './plan';
import { fitPreprocessing } from './preprocess';
import { SAMPLES, loadIdxSample, sampleById, sampleUnit, type AudioSample, type CsvSample, type IdxSample, type ToySample } from './samples';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));
const read = (path: string) => new Uint8Array(readFileSync(join(PUBLIC, path)));

const csvSamples = SAMPLES.filter((s): s is CsvSample => s.kind === 'csv');
const idxSamples = SAMPLES.filter((s): s is IdxSample => s.kind === 'idx-images');
const toySamples = SAMPLES.filter((s): s is ToySample => s.kind === 'toy');
const audioSamples = SAMPLES.filter((s): s is AudioSample => s.kind === 'audio-zip');

/** Every file under `dir`, relative to `PUBLIC`. */
function walk(dir: string): string[] {
  return readdirSync(join(PUBLIC, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(PUBLIC, path)).isDirectory() ? walk(path) : [path];
  });
}

describe('SAMPLES', () => {
  it('has the expected ids, each once', () => {
    expect(SAMPLES.map((s) => s.id)).toEqual([
      'iris',
      'wine',
      'breast-cancer',
      'cars-mpg',
      'first-names',
      'digits',
      'speech-commands',
      'xor',
      'circles',
      'spirals',
    ]);
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

  it('ships only referenced files, all named in LICENSES.md, under 6 MB in total', () => {
    const referenced = new Set(
      SAMPLES.flatMap((s) => (s.kind === 'csv' || s.kind === 'audio-zip' ? [s.path] : s.kind === 'idx-images' ? [s.path, s.labelsPath] : [])),
    );
    const files = walk('samples').filter((f) => f !== 'samples/LICENSES.md');
    expect(new Set(files)).toEqual(referenced);
    const licences = readFileSync(join(PUBLIC, 'samples/LICENSES.md'), 'utf8');
    for (const f of files) expect(licences).toContain(f.slice('samples/'.length));
    const total = files.reduce((sum, f) => sum + statSync(join(PUBLIC, f)).size, 0);
    // Every sample is precached for offline use: 2.4 MB of digits, 1.6 MB of speech clips, small CSVs.
    expect(total).toBeLessThan(6 * 1024 * 1024);
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

/** The fields of a PCM WAV header that the audio sample promises: format, channels, rate, bits, data bytes. */
function wavHeader(bytes: Uint8Array): { format: number; channels: number; rate: number; bits: number; dataBytes: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
  return {
    format: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    rate: view.getUint32(24, true),
    bits: view.getUint16(34, true),
    dataBytes: view.getUint32(40, true),
  };
}

describe.each(audioSamples.map((s) => [s.id, s] as const))('audio sample %s', (_id, sample) => {
  const entries = unzipSync(read(sample.path));
  const names = Object.keys(entries);

  it('holds the declared clips, one folder per class, class names in folder (sorted) order', () => {
    expect(names).toHaveLength(sample.rows);
    const folders = names.map((n) => n.split('/'));
    for (const parts of folders) expect(parts).toHaveLength(3);
    expect(new Set(folders.map((p) => p[0]))).toEqual(new Set([sample.id]));
    const classes = [...new Set(folders.map((p) => p[1] ?? ''))].sort();
    expect(classes).toEqual(sample.classNames);
    for (const c of classes) expect(folders.filter((p) => p[1] === c)).toHaveLength(sample.rows / classes.length);
  });

  it('has 1 s of 16 kHz mono PCM in every clip', () => {
    for (const name of names) {
      const header = wavHeader(entries[name] ?? new Uint8Array());
      expect({ name, ...header }).toEqual({ name, format: 1, channels: 1, rate: 16000, bits: 8, dataBytes: 16000 });
    }
  });
});

describe('a sample card counts', () => {
  it('rows of a table, images, clips and points', () => {
    const unit = (id: string) => sampleUnit(sampleById(id)?.kind ?? 'csv');
    expect(['iris', 'digits', 'speech-commands', 'xor'].map(unit)).toEqual(['rows', 'images', 'clips', 'points']);
  });
});
