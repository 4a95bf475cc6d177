import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { UserFileError } from '../lib/errors';
import { layerSpec } from '../layers/registry';
import { defaultParams } from '../layers/params';
import { DEFAULT_CALLBACKS, callbacksSchema } from '../settings/callbacks';
import { DEFAULT_TRAINING_CONFIG } from '../settings/training';
import { DEFAULT_FINE_TUNE, fineTuneSchema } from '../settings/fine-tune';
import { PROJECT_VERSION, emptyProject, migrateProjectDocument, migrations, parseProjectFile, serializeProject, type Project } from './project-file';

const seedText = readFileSync(new URL('./fixtures/seed-v1.netloom.json', import.meta.url), 'utf8');
const seedV2Text = readFileSync(new URL('./fixtures/seed-v2.netloom.json', import.meta.url), 'utf8');
const seedV3Text = readFileSync(new URL('./fixtures/seed-v3.netloom.json', import.meta.url), 'utf8');
const seedV4Text = readFileSync(new URL('./fixtures/seed-v4.netloom.json', import.meta.url), 'utf8');
const seedV5Text = readFileSync(new URL('./fixtures/seed-v5.netloom.json', import.meta.url), 'utf8');
const wrappersV2Text = readFileSync(new URL('./fixtures/wrappers-v2.netloom.json', import.meta.url), 'utf8');
const seed = () => JSON.parse(seedText) as Record<string, unknown> & { graph: { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } };

/** The v4 seed document with one change applied, as text (v4 is the first to hold callbacks). */
function v4(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(seedV4Text) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
}

/** The seed document with one change applied, as text. */
function variant(change: (doc: ReturnType<typeof seed>) => void): string {
  const doc = seed();
  change(doc);
  return JSON.stringify(doc);
}

describe('parseProjectFile', () => {
  it('reads the v1 seed example (Input(4) -> Dense(64, relu) -> Dense(3, softmax))', () => {
    const project = parseProjectFile(seedText, 'seed-v1.netloom.json');
    expect(project.name).toBe('Iris classifier');
    expect(project.graph.nodes.map((n) => [n.kind, n.name])).toEqual([
      ['Input', 'input_1'],
      ['Dense', 'dense_1'],
      ['Dense', 'dense_2'],
    ]);
    expect(project.graph.nodes[1]?.params).toMatchObject({ units: 64, activation: 'relu' });
    expect(project.graph.nodes[2]?.params).toMatchObject({ units: 3, activation: 'softmax' });
    expect(project.graph.edges.map((e) => `${e.source}>${e.target}@${e.targetSlot}`)).toEqual(['n_input_1>n_dense_1@0', 'n_dense_1>n_dense_2@0']);
    expect(project.training).toEqual(DEFAULT_TRAINING_CONFIG);
    expect(project.callbacks).toEqual(DEFAULT_CALLBACKS);
    expect(project.data).toEqual({ kind: 'sample', sampleId: 'iris' });
  });

  it('reads the example in docs/project-format.md', () => {
    const doc = readFileSync(new URL('../../docs/project-format.md', import.meta.url), 'utf8');
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
    expect(parseProjectFile(example).graph.nodes.map((n) => n.name)).toEqual(['input_1', 'dense_1', 'dense_2']);
  });

  it('fills in missing params, training and data with defaults', () => {
    const project = parseProjectFile(
      variant((doc) => {
        doc.graph.nodes[1] = { ...doc.graph.nodes[1], params: { units: 5 } };
        delete doc.training;
        delete doc.data;
      }),
    );
    expect(project.graph.nodes[1]?.params).toEqual({ ...defaultParams(layerSpec('Dense').params), units: 5 });
    expect(project.training).toEqual(DEFAULT_TRAINING_CONFIG);
    expect(project.callbacks).toEqual(DEFAULT_CALLBACKS);
    expect(project.data).toEqual({ kind: 'none' });
  });

  it.each([
    ['sgd', 0.01],
    ['adam', 0.001],
    ['rmsprop', 0.001],
  ])('defaults the learning rate of %s to Keras’s %s', (optimizer, rate) => {
    const project = parseProjectFile(variant((doc) => (doc.training = { optimizer })));
    expect(project.training.learningRate).toBe(rate);
  });

  it('reads a project autosaved with a fitted scale of null (an overflow, written as JSON null) and keeps its plan', () => {
    const plan = {
      columns: [
        { name: 'x', role: 'feature', transform: 'standardize', missing: 'mean' },
        { name: 'y', role: 'target', transform: 'none', missing: 'drop' },
      ],
      target: 'binary',
      split: { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 },
    };
    const fitted = {
      version: 1,
      features: [{ kind: 'scale', name: 'x', fill: 1.8, offset: 1.8, scale: null }],
      featureNames: ['x'],
      target: { name: 'y', encoding: 'binary', classes: ['0', '1'] },
    };
    const text = JSON.stringify({ ...JSON.parse(seedV3Text), data: { kind: 'csv', fileName: 'huge.csv', plan, fitted } });
    const project = parseProjectFile(text, 'autosaved project');
    expect(project.data).toEqual({ kind: 'csv', fileName: 'huge.csv', plan });
  });

  it('keeps out-of-range values for the analysis to report', () => {
    const project = parseProjectFile(variant((doc) => (doc.graph.nodes[1] = { ...doc.graph.nodes[1], params: { units: 0 }, name: 'bad name' })));
    expect(project.graph.nodes[1]).toMatchObject({ name: 'bad name', params: { units: 0 } });
  });

  it.each<[string, string, string | RegExp]>([
    ['bad JSON', '{"format": ', /^p\.json: not valid JSON: /],
    ['not an object', '[]', 'not a Netloom project: the file is not a JSON object'],
    ['no format', '{}', 'not a Netloom project: the file has no "format", expected "netloom-project"'],
    ['another format', variant((d) => (d.format = 'tldraw')), 'the file has format "tldraw"'],
    ['a model.json', JSON.stringify({ format: 'layers-model', modelTopology: {} }), 'this is a Keras / TF.js model, not a Netloom project'],
    ['a newer version', variant((d) => (d.version = 6)), 'p.json: this project was saved by a newer Netloom (version 6); this version reads up to version 5'],
    ['a bad version', variant((d) => (d.version = '1')), 'the project\'s version is "1", not a version number'],
    ['version 0', variant((d) => (d.version = 0)), 'not a version number'],
    ['a missing field', variant((d) => delete d.name), 'p.json: name is missing'],
    [
      'a wrong type deep inside',
      variant((d) => (d.graph.edges[1] = { ...d.graph.edges[1], targetSlot: 'a' })),
      'graph.edges[1].targetSlot: expected number, received string',
    ],
    ['an unknown top-level field', variant((d) => (d.extra = 1)), 'has unknown field "extra"'],
    ['a bad training value', variant((d) => (d.training = { loss: 'hinge' })), 'training.loss: '],
    ['a training value out of range', variant((d) => (d.training = { epochs: 0 })), 'training.epochs: too small'],
    ['a callback value out of range', v4((d) => (d.callbacks = { earlyStopping: { patience: -1 } })), 'callbacks.earlyStopping.patience: too small'],
    ['a callback factor of 1', v4((d) => (d.callbacks = { reduceLrOnPlateau: { factor: 1 } })), 'callbacks.reduceLrOnPlateau.factor: too big'],
    ['an unknown callback', v4((d) => (d.callbacks = { modelCheckpoint: {} })), 'callbacks has unknown field "modelCheckpoint"'],
    ['an unknown callback field', v4((d) => (d.callbacks = { earlyStopping: { baseline: 1 } })), 'callbacks.earlyStopping has unknown field "baseline"'],
    ['a bad data kind', variant((d) => (d.data = { kind: 'parquet' })), 'data.kind'],
    ['an unknown layer kind', variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], kind: 'Quantum' })), 'graph.nodes[1] has unknown layer kind "Quantum"'],
    [
      'an unknown param',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: { unitz: 3 } })),
      'graph.nodes[1] (dense_1): Dense has no parameter "unitz"',
    ],
    [
      'a param of the wrong type',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: { units: 'six' } })),
      'graph.nodes[1] (dense_1): parameter "units" should be a whole number, not "six"',
    ],
    [
      'a number too large for JSON',
      '{"format":"netloom-project","version":3,"name":"x","graph":{"nodes":[{"id":"a","kind":"Dense","name":"d","params":{"units":1e400},"position":{"x":0,"y":0}}],"edges":[]}}',
      'graph.nodes[0] (d): parameter "units" should be a whole number, not Infinity',
    ],
    [
      'a string where a size belongs',
      variant((d) => (d.graph.nodes[0] = { ...d.graph.nodes[0], params: { shape: ['four'] } })),
      'parameter "shape" should be a list of whole numbers (null for an unknown size), not ["four"]',
    ],
    [
      'a deep object',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: { units: { a: { b: { c: [1, 2, 3] } } } } })),
      'parameter "units" should be a whole number, not {"a":{"b":{"c":[1,2,3]}}}',
    ],
    [
      'a constructor key',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: JSON.parse('{"constructor": 1}') as Record<string, unknown> })),
      'graph.nodes[1] (dense_1): Dense has no parameter "constructor"',
    ],
    [
      'a __proto__ key',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: JSON.parse('{"__proto__": {"units": 7}}') as Record<string, unknown> })),
      'graph.nodes[1] (dense_1): Dense has no parameter "__proto__"',
    ],
    [
      'params that are not an object',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: [64] })),
      'graph.nodes[1].params: expected an object of parameters',
    ],
    [
      'a bool param given as a string',
      variant((d) => (d.graph.nodes[1] = { ...d.graph.nodes[1], params: { use_bias: 'yes' } })),
      'parameter "use_bias" should be true or false',
    ],
    [
      'a null shape',
      variant((d) => (d.graph.nodes[0] = { ...d.graph.nodes[0], params: { shape: null } })),
      'parameter "shape" should be a list of whole numbers, not null',
    ],
    ['a duplicate node id', variant((d) => (d.graph.nodes[2] = { ...d.graph.nodes[2], id: 'n_input_1' })), 'graph.nodes[2] reuses the id "n_input_1"'],
    ['a duplicate edge id', variant((d) => (d.graph.edges[1] = { ...d.graph.edges[1], id: 'e_1' })), 'graph.edges[1] reuses the id "e_1"'],
    [
      'an edge to nowhere',
      variant((d) => (d.graph.edges[0] = { ...d.graph.edges[0], target: 'ghost' })),
      'graph.edges[0] has target "ghost", which is not a node',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseProjectFile(text, 'p.json')).toThrow(UserFileError);
    expect(() => parseProjectFile(text, 'p.json')).toThrow(message);
  });
});

describe('serializeProject', () => {
  it('round-trips a project', () => {
    const project = parseProjectFile(seedText);
    const text = serializeProject(project);
    expect(parseProjectFile(text)).toEqual(project);
    expect(serializeProject(parseProjectFile(text))).toBe(text);
  });

  // The v5 fixture is byte for byte what version 5 writes for the (migrated) v1, v2, v3 and v4 fixtures.
  it('writes the current seed fixture byte for byte', () => {
    expect(PROJECT_VERSION).toBe(5);
    for (const old of [seedText, seedV2Text, seedV3Text, seedV4Text]) expect(serializeProject(parseProjectFile(old))).toBe(seedV5Text);
  });

  it('round-trips callbacks that are on, with their settings, and keeps the settings of one that is off', () => {
    const callbacks = callbacksSchema.parse({
      earlyStopping: { enabled: true, monitor: 'val_accuracy', patience: 7, restoreBestWeights: false, minDelta: 0.01 },
      reduceLrOnPlateau: { enabled: false, factor: 0.2, minLr: 1e-5 },
    });
    const project = { ...parseProjectFile(seedV5Text), callbacks };
    const text = serializeProject(project);
    expect(parseProjectFile(text)).toEqual(project);
    expect(serializeProject(parseProjectFile(text))).toBe(text);
    expect(JSON.parse(text)).toMatchObject({
      callbacks: { earlyStopping: { enabled: true, patience: 7 }, reduceLrOnPlateau: { enabled: false, factor: 0.2 } },
    });
  });

  it('round-trips the fine-tune preset as an optional field, left out at its defaults', () => {
    const fineTune = fineTuneSchema.parse({ enabled: true, unfreeze: 3 });
    const project = { ...parseProjectFile(seedV5Text), fineTune };
    const text = serializeProject(project);
    expect(parseProjectFile(text)).toEqual(project);
    expect(JSON.parse(text)).toMatchObject({ version: 5, fineTune: { enabled: true, unfreeze: 3, learningRate: 1e-5, epochs: 5 } });
    // At its defaults it writes nothing: a file without it reads back the same.
    expect(serializeProject({ ...project, fineTune: DEFAULT_FINE_TUNE })).toBe(seedV5Text);
    expect(parseProjectFile(seedV5Text).fineTune).toBeUndefined();
    expect(() => parseProjectFile(v4((d) => (d.fineTune = { unfreeze: 0 })))).toThrow(/fineTune\.unfreeze/);
  });

  it('fills in left-out callbacks and callback fields with their defaults', () => {
    const project = parseProjectFile(v4((d) => (d.callbacks = { earlyStopping: { enabled: true } })));
    expect(project.callbacks).toEqual({ ...DEFAULT_CALLBACKS, earlyStopping: { ...DEFAULT_CALLBACKS.earlyStopping, enabled: true } });
    expect(parseProjectFile(v4((d) => delete d.callbacks)).callbacks).toEqual(DEFAULT_CALLBACKS);
  });

  it('reads a fraction where a whole number belongs, as a problem on the node rather than a refusal', () => {
    const doc = seed();
    doc.graph.nodes[1] = { ...doc.graph.nodes[1], params: { units: 1.5 } };
    const project = parseProjectFile(JSON.stringify(doc));
    const node = project.graph.nodes[1];
    expect(analyze(project.graph).nodes[node?.id ?? '']?.diagnostics[0]).toMatchObject({
      code: 'invalid-param',
      message: 'dense_1: units must be a whole number at least 1',
    });
    expect(parseProjectFile(serializeProject(project)).graph.nodes[1]?.params.units).toBe(1.5);
  });

  it('writes a frozen layer as trainable: false and reads it back', () => {
    const project = parseProjectFile(seedText);
    const frozen = { ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n, i) => (i === 1 ? { ...n, trainable: false } : n)) } };
    const text = serializeProject(frozen);
    expect(text).toContain('"trainable": false');
    expect(parseProjectFile(text).graph.nodes.map((n) => n.trainable)).toEqual([undefined, false, undefined]);
  });

  it('writes keys in a stable order whatever order the object has', () => {
    const project = parseProjectFile(seedText);
    const shuffled: Project = {
      data: { sampleId: 'iris', kind: 'sample' } as Project['data'],
      training: Object.fromEntries(Object.entries(project.training).reverse()) as Project['training'],
      callbacks: {
        reduceLrOnPlateau: Object.fromEntries(Object.entries(project.callbacks.reduceLrOnPlateau).reverse()) as Project['callbacks']['reduceLrOnPlateau'],
        earlyStopping: Object.fromEntries(Object.entries(project.callbacks.earlyStopping).reverse()) as Project['callbacks']['earlyStopping'],
      },
      graph: {
        edges: project.graph.edges,
        nodes: project.graph.nodes.map((n) => ({ ...n, params: Object.fromEntries(Object.entries(n.params).reverse()) })),
      },
      name: project.name,
    };
    expect(serializeProject(shuffled)).toBe(seedV5Text);
  });

  it("round-trips an RNN's list of cells, each cell's params in its spec's order", () => {
    const b = new GraphBuilder();
    const cell = (kind: 'LSTM' | 'GRU', units: number) => ({ kind, params: { ...defaultParams(layerSpec(kind).params), units } });
    b.add('RNN', { cell: [cell('LSTM', 4), cell('GRU', 2)], return_sequences: true }, b.input([null, 3]));
    const project = { ...emptyProject('Cells'), graph: b.graph };
    const text = serializeProject(project);
    expect(parseProjectFile(text)).toEqual(project);
    const written = JSON.parse(text) as { graph: { nodes: { params: { cell: { kind: string; params: object }[] } }[] } };
    expect(written.graph.nodes[1]?.params.cell.map((c) => [c.kind, Object.keys(c.params)[0]])).toEqual([
      ['LSTM', 'units'],
      ['GRU', 'units'],
    ]);
  });

  it.each([
    ['a cell of an unknown kind', [{ kind: 'Quantum', params: {} }], 'graph.nodes[1] (rnn_1): parameter "cell[0]" wraps unknown layer kind "Quantum"'],
    [
      'a cell param of the wrong type',
      [{ kind: 'GRU', params: { units: 'many' } }],
      'graph.nodes[1] (rnn_1) cell[0]: parameter "units" should be a whole number, not "many"',
    ],
    ['a cell that is not a list', { kind: 'GRU', params: {} }, 'graph.nodes[1] (rnn_1): parameter "cell" should be a list of layers'],
  ])('refuses an RNN with %s', (_what, cell, message) => {
    const b = new GraphBuilder();
    b.add('RNN', {}, b.input([5, 3]));
    const doc = JSON.parse(serializeProject({ ...emptyProject(), graph: b.graph })) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    (doc.graph.nodes[1] as { params: Record<string, unknown> }).params.cell = cell;
    expect(() => parseProjectFile(JSON.stringify(doc))).toThrow(message);
  });

  it('writes an empty project that reads back', () => {
    const text = serializeProject(emptyProject('Blank'));
    expect(parseProjectFile(text)).toEqual(emptyProject('Blank'));
    expect(JSON.parse(text)).toMatchObject({ format: 'netloom-project', version: PROJECT_VERSION });
  });
});

describe('migrations', () => {
  it('turns a v1 CSV data config into a v2 column plan', () => {
    const doc = seed();
    doc.data = { kind: 'csv', fileName: 'iris.csv', targetColumns: ['species'], featureColumns: ['sepal_length', 'petal_length'] };
    const project = parseProjectFile(JSON.stringify(doc));
    expect(project.data).toEqual({
      kind: 'csv',
      fileName: 'iris.csv',
      plan: {
        columns: [
          { name: 'sepal_length', role: 'feature', transform: 'standardize', missing: 'mean' },
          { name: 'petal_length', role: 'feature', transform: 'standardize', missing: 'mean' },
          { name: 'species', role: 'target', transform: 'none', missing: 'drop' },
        ],
        target: 'onehot',
        split: { kind: 'fraction', validation: 0.2, stratified: true, seed: 42 },
      },
    });
  });

  it('round-trips an uploaded IDX pair with its class names, and refuses one without its label file', () => {
    const doc = seed();
    doc.data = { classes: ['T-shirt', 'Trouser'], labelsFile: 'train-labels-idx1-ubyte.gz', kind: 'idx', imagesFile: 'train-images-idx3-ubyte.gz' };
    const project = parseProjectFile(JSON.stringify(doc));
    expect(project.data).toEqual({
      kind: 'idx',
      imagesFile: 'train-images-idx3-ubyte.gz',
      labelsFile: 'train-labels-idx1-ubyte.gz',
      classes: ['T-shirt', 'Trouser'],
    });
    const text = serializeProject(project);
    expect(text.indexOf('"imagesFile"')).toBeLessThan(text.indexOf('"labelsFile"'));
    expect(serializeProject(parseProjectFile(text))).toBe(text);
    doc.data = { kind: 'idx', imagesFile: 'train-images-idx3-ubyte.gz' };
    expect(() => parseProjectFile(JSON.stringify(doc))).toThrow(/labelsFile/);
  });

  it('gives v1 image configs the pad fit', () => {
    const doc = seed();
    doc.data = { kind: 'images', folderName: 'digits', imageSize: [28, 28], channels: 1 };
    expect(parseProjectFile(JSON.stringify(doc)).data).toMatchObject({ kind: 'images', fit: 'pad' });
  });

  it('has a migration from every older version and none at the current one', () => {
    expect(Object.keys(migrations).map(Number)).toEqual([1, 2, 3, 4]);
    expect(
      Object.keys(migrations)
        .map(Number)
        .every((v) => v < PROJECT_VERSION),
    ).toBe(true);
    const doc = { version: PROJECT_VERSION };
    expect(migrateProjectDocument(doc, PROJECT_VERSION)).toBe(doc);
  });

  it('turns v2 symmetric ZeroPadding2D padding into (before, after) pairs and Bidirectional into a wrapped layer', () => {
    const project = parseProjectFile(wrappersV2Text, 'wrappers-v2.netloom.json');
    const params = (name: string) => project.graph.nodes.find((n) => n.name === name)?.params;
    expect(params('zero_padding2d_1')).toEqual({
      padding: [
        [2, 2],
        [1, 1],
      ],
    });
    expect(params('bidirectional_1')).toMatchObject({
      merge_mode: 'sum',
      layer: { kind: 'GRU', params: { units: 8, return_sequences: true, dropout: 0.1, go_backwards: false } },
    });
    expect(analyze(project.graph).diagnostics).toEqual([]);
  });

  it('opens the v3 fixture as the same project with both callbacks off', () => {
    const project = parseProjectFile(seedV3Text, 'seed-v3.netloom.json');
    expect(project.callbacks).toEqual(DEFAULT_CALLBACKS);
    expect(project.callbacks.earlyStopping.enabled || project.callbacks.reduceLrOnPlateau.enabled).toBe(false);
    // Everything else is what the v3 file says: its JSON, but for the version, is the v4 file's without callbacks.
    const { callbacks: _callbacks, version: _v4, ...rest } = JSON.parse(seedV4Text) as Record<string, unknown>;
    const { version: _v3, ...v3 } = JSON.parse(seedV3Text) as Record<string, unknown>;
    expect(rest).toEqual(v3);
    expect(project).toEqual(parseProjectFile(seedV4Text));
  });

  it('turns callbacks off in a v3 document, whatever their defaults become', () => {
    const doc = { ...(JSON.parse(seedV3Text) as Record<string, unknown>) };
    expect(migrateProjectDocument(doc, 3, migrations, 4)).toEqual({
      ...doc,
      version: 4,
      callbacks: { earlyStopping: { enabled: false }, reduceLrOnPlateau: { enabled: false } },
    });
  });

  it('gives a v4 regression the metrics version 4 reported (MAE, no accuracy), in the project and its kept runs', () => {
    const regression = { loss: 'mean_squared_error', metrics: ['accuracy', 'mse'] };
    const doc = { version: 4, training: regression, runs: [{ id: 'r', training: { loss: 'huber' } }] };
    expect(migrateProjectDocument(doc, 4)).toEqual({
      version: 5,
      training: { loss: 'mean_squared_error', metrics: ['mse', 'mae'] },
      runs: [{ id: 'r', training: { loss: 'huber', metrics: ['mae'] } }],
    });
    // A classification keeps accuracy, its old default.
    expect(migrateProjectDocument({ version: 4, training: { loss: 'binary_crossentropy' } }, 4)).toEqual({
      version: 5,
      training: { loss: 'binary_crossentropy', metrics: ['accuracy'] },
    });
    const opened = parseProjectFile(v4((d) => (d.training = regression)));
    expect(opened.training.metrics).toEqual(['mae', 'mse']);
  });

  it('round-trips the metrics picker: the chosen metrics, and k only when top-k accuracy uses it', () => {
    const base = parseProjectFile(seedV5Text);
    const topK = { ...base, training: { ...base.training, metrics: ['accuracy' as const, 'top_k_categorical_accuracy' as const], topK: 2 } };
    const text = serializeProject(topK);
    expect(JSON.parse(text)).toMatchObject({ training: { metrics: ['accuracy', 'top_k_categorical_accuracy'], topK: 2 } });
    expect(parseProjectFile(text)).toEqual(topK);
    expect(JSON.parse(seedV5Text).training).not.toHaveProperty('topK');
  });

  it('applies a chain of migrations in order', () => {
    const table = {
      1: (d: Record<string, unknown>) => ({ ...d, version: 2, steps: ['1->2'] }),
      2: (d: Record<string, unknown>) => ({ ...d, version: 3, steps: [...(d.steps as string[]), '2->3'] }),
    };
    expect(migrateProjectDocument({ version: 1 }, 1, table, 3)).toEqual({ version: 3, steps: ['1->2', '2->3'] });
  });

  it('refuses a version it has no migration for', () => {
    expect(() => migrateProjectDocument({}, 1, {}, 2)).toThrow('project files of version 1 can no longer be read');
  });
});
