/**
 * Hostile names cannot add code to an exported Keras script. Every name a project file carries
 * into the script (the project's, a CSV's and its validation file's, its columns, categories and
 * classes, an image folder and its classes, a sample id) is set in turn to each string of
 * HOSTILE_STRINGS; each script must
 *   (a) compile (`python3 -m py_compile`), and
 *   (b) have the shape of the same script with a harmless name (script_shape.py, with Python's
 *       `ast`): the same imports, top-level statements, syntax tree with string constants blanked
 *       and line count, and, where the name is written as a string, that string read back exactly.
 * Without python3 the Python checks skip with a message, as in to-keras-python.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataConfig } from '../data/config';
import type { DataPlan, FittedPreprocessing } from '../data/types';
import { isValidLayerName } from '../graph/names';
import { seedExample } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { HOSTILE_STRINGS } from '../lib/hostile-strings';
import { trainingConfigSchema } from '../settings/training';
import { kerasScriptZip } from './keras-script-zip';
import type { KerasProject, KerasScriptOptions } from './to-keras-python';
import { kerasScript } from './to-keras-python';
import { GraphError } from './to-tfjs';

const CANDIDATES = [...new Set([process.env.NETLOOM_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => Boolean(p)))];
const python = CANDIDATES.find((p) => spawnSync(p, ['--version'], { encoding: 'utf8' }).status === 0);
const pythonNote = python ? '' : ` (SKIPPED: no python3 among ${CANDIDATES.join(', ')})`;
if (!python) console.warn(`keras-script-hostile.test.ts${pythonNote}`);

const SHAPE_SCRIPT = fileURLToPath(new URL('./script_shape.py', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'netloom-hostile-'));
const training = trainingConfigSchema.parse({});
const HARMLESS = 'harmless';

/** A CSV project's data: one scaled column, one one-hot column, a two-class target. */
function csv(names: { file?: string; validationFile?: string; column?: string; category?: string; className?: string; fitted?: boolean }): DataConfig {
  const column = names.column ?? 'petal_length';
  const [feature, category, target] = [column, `${column}_kind`, `${column}_class`];
  const categories = [names.category ?? 'a', 'b'];
  const plan: DataPlan = {
    columns: [
      { name: feature, role: 'feature', transform: 'standardize', missing: 'drop' },
      { name: category, role: 'feature', transform: 'onehot', missing: 'mode' },
      { name: target, role: 'target', transform: 'none', missing: 'drop' },
    ],
    target: 'onehot',
    split:
      names.validationFile === undefined ? { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 } : { kind: 'file', fileName: names.validationFile },
  };
  const fitted: FittedPreprocessing = {
    version: 1,
    features: [
      { kind: 'scale', name: feature, fill: 0.5, offset: 1, scale: 2 },
      { kind: 'onehot', name: category, categories, fill: categories[0] as string },
    ],
    featureNames: [feature, ...categories.map((c) => `${category}=${c}`)],
    target: { name: target, encoding: 'onehot', classes: [names.className ?? 'setosa', 'other'] },
  };
  return { kind: 'csv', fileName: names.file ?? 'iris.csv', plan, ...(names.fitted === false ? {} : { fitted }) };
}

const images = (folderName: string, className = 'cats'): DataConfig => ({
  kind: 'images',
  folderName,
  imageSize: [32, 32],
  channels: 3,
  fit: 'crop',
  classes: [className, 'dogs'],
});

interface Site {
  readonly id: string;
  /** True where the name is written as a string literal, which must read back as the name. */
  readonly literal: boolean;
  readonly strategy: KerasScriptOptions['strategy'];
  readonly graph: () => Graph;
  readonly name: (value: string) => string;
  readonly data: (value: string) => DataConfig;
}

const plainName = () => 'Hostile test';
const SITES: readonly Site[] = [
  { id: 'project name', literal: false, strategy: 'none', graph: () => seedExample(4, 3), name: (v) => v, data: () => ({ kind: 'none' }) },
  {
    id: 'project name, multi-worker save',
    literal: false,
    strategy: 'multi-worker',
    graph: () => seedExample(4, 3),
    name: (v) => v,
    data: () => ({ kind: 'none' }),
  },
  { id: 'image folder name', literal: true, strategy: 'none', graph: () => seedExample(4, 2), name: plainName, data: (v) => images(v) },
  { id: 'image folder class', literal: true, strategy: 'none', graph: () => seedExample(4, 2), name: plainName, data: (v) => images('pets', v) },
  { id: 'CSV file name', literal: true, strategy: 'none', graph: () => seedExample(3, 2), name: plainName, data: (v) => csv({ file: v }) },
  { id: 'CSV validation file name', literal: true, strategy: 'none', graph: () => seedExample(3, 2), name: plainName, data: (v) => csv({ validationFile: v }) },
  {
    id: 'CSV file name, not loaded yet',
    literal: false,
    strategy: 'none',
    graph: () => seedExample(3, 2),
    name: plainName,
    data: (v) => csv({ file: v, fitted: false }),
  },
  { id: 'CSV column names', literal: true, strategy: 'none', graph: () => seedExample(3, 2), name: plainName, data: (v) => csv({ column: v }) },
  { id: 'CSV category value', literal: true, strategy: 'none', graph: () => seedExample(3, 2), name: plainName, data: (v) => csv({ category: v }) },
  { id: 'CSV class name', literal: true, strategy: 'none', graph: () => seedExample(3, 2), name: plainName, data: (v) => csv({ className: v }) },
  { id: 'sample id', literal: false, strategy: 'none', graph: () => seedExample(4, 3), name: plainName, data: (v) => ({ kind: 'sample', sampleId: v }) },
];

const project = (site: Site, value: string): KerasProject => ({ name: site.name(value), graph: site.graph(), training, data: site.data(value) });

interface ScriptShape {
  readonly error?: string;
  readonly imports: readonly string[];
  readonly top: readonly string[];
  readonly tree: string;
  readonly strings: readonly string[];
  readonly lines: number;
}

const fileOf = (siteIndex: number, valueIndex: number | 'baseline') => join(scratch, `site${siteIndex}-${valueIndex}.py`);

describe(`hostile names in the Keras script${pythonNote}`, () => {
  let compiled: { status: number | null; stderr: string } = { status: null, stderr: '' };
  let shapes: Readonly<Record<string, ScriptShape>> = {};

  beforeAll(() => {
    if (!python) return;
    const files: string[] = [];
    for (const [s, site] of SITES.entries()) {
      const write = (file: string, value: string) => {
        writeFileSync(file, kerasScript(project(site, value), { strategy: site.strategy }));
        files.push(file);
      };
      write(fileOf(s, 'baseline'), HARMLESS);
      for (const [v, [, value]] of HOSTILE_STRINGS.entries()) write(fileOf(s, v), value);
    }
    const env = { ...process.env, PYTHONPYCACHEPREFIX: join(scratch, 'pycache') };
    const run = (args: string[]) => spawnSync(python as string, args, { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024 });
    const pyCompile = run(['-m', 'py_compile', ...files]);
    compiled = { status: pyCompile.status, stderr: pyCompile.stderr };
    const shape = run([SHAPE_SCRIPT, ...files]);
    expect(shape.stderr).toBe('');
    shapes = JSON.parse(shape.stdout) as Record<string, ScriptShape>;
  }, 120_000);

  it.skipIf(!python)('py_compile accepts every script', () => {
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  const cases = SITES.flatMap((site, s) => HOSTILE_STRINGS.map(([label, value], v) => ({ site, s, label, value, v })));
  it.skipIf(!python).each(cases.map((c) => [`${c.site.id}: ${c.label}`, c] as const))('%s', (_title, { site, s, value, v }) => {
    const baseline = shapes[fileOf(s, 'baseline')];
    const hostile = shapes[fileOf(s, v)];
    expect(baseline?.error).toBeUndefined();
    expect(hostile?.error).toBeUndefined();
    expect(hostile?.imports).toEqual(baseline?.imports);
    expect(hostile?.top).toEqual(baseline?.top);
    expect(hostile?.lines).toBe(baseline?.lines);
    // The whole tree, strings blanked: no statement, call or expression was added or changed.
    expect(hostile?.tree === baseline?.tree).toBe(true);
    if (site.literal) expect(hostile?.strings).toContain(value);
  });

  it.skipIf(!python)('the harmless baselines import only what a script needs', () => {
    const allowed = new Set(['csv', 'io', 'json', 'os', 're', 'numpy', 'pandas', 'keras', 'tensorflow']);
    for (const s of SITES.keys()) for (const module of shapes[fileOf(s, 'baseline')]?.imports ?? []) expect(allowed).toContain(module);
  });
});

describe('hostile names outside the script', () => {
  it.each(HOSTILE_STRINGS.filter(([, value]) => !isValidLayerName(value)))('a layer named %s is refused before any code is written', (_label, value) => {
    const graph = seedExample();
    const named = { ...graph, nodes: graph.nodes.map((n, i) => (i === 1 ? { ...n, name: value } : n)) };
    expect(() => kerasScript({ name: 'x', graph: named, training, data: { kind: 'none' } }, { strategy: 'none' })).toThrow(GraphError);
    const activation = { ...graph, nodes: graph.nodes.map((n, i) => (i === 1 ? { ...n, params: { ...n.params, activation: value } } : n)) };
    expect(() => kerasScript({ name: 'x', graph: activation, training, data: { kind: 'none' } }, { strategy: 'none' })).toThrow(GraphError);
  });

  it.each(HOSTILE_STRINGS)('the zip of a project named %s holds plain paths', async (_label, value) => {
    const zip = await kerasScriptZip({ name: value, graph: seedExample(), training, data: { kind: 'none' } }, { strategy: 'none' }, () =>
      Promise.reject(new Error('no fetch')),
    );
    for (const entry of [zip.fileName, ...zip.entries]) expect(entry).toMatch(/^[a-z0-9_]+(\/[a-z0-9_]+)?\.(py|zip)$/);
  });
});
