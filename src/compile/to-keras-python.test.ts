/**
 * The Keras script export, checked against golden files (exact text) and compiled by Python.
 *
 * After an intended change to the generated code, regenerate the goldens and review their diff:
 *   UPDATE_GOLDEN=1 npx vitest run src/compile/to-keras-python.test.ts
 *
 * Every golden and one script per template go through `python3 -m py_compile`; without python3
 * those checks are skipped with a message (the image here and on CI has Python 3.11).
 */
import { defaultParams } from '../layers/params';
import { layerSpec } from '../layers/registry';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../data/csv';
import type { DataConfig } from '../data/config';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing } from '../data/preprocess';
import { sampleById } from '../data/samples';
import { signatureOfPlan } from '../data/signature';
import { wireModel } from '../data/wiring';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { TEMPLATES, digitsCnn, residualBlock, seedExample, transformerTextClassifier } from '../analysis/templates';
import { groupSelection } from '../graph/group-selection';
import type { Graph } from '../graph/types';
import { callbacksSchema } from '../settings/callbacks';
import { fineTuneSchema } from '../settings/fine-tune';
import { trainingConfigSchema } from '../settings/training';
import type { KerasProject, KerasScriptOptions } from './to-keras-python';
import { kerasScript } from './to-keras-python';
import { GraphError } from './to-tfjs';

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const scratch = mkdtempSync(join(tmpdir(), 'netloom-keras-'));

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
const pythonNote = hasPython ? '' : ' (SKIPPED: python3 not found on PATH)';

/** Runs `python3 -m py_compile`, with bytecode caches kept out of the source tree. */
function pyCompile(file: string) {
  return spawnSync('python3', ['-m', 'py_compile', file], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPYCACHEPREFIX: join(scratch, 'pycache') },
  });
}

/** A CSV sample with its plan (its own, else the default), fitted on the file as the data panel does. */
function csvSample(sampleId: string, file: string): Extract<DataConfig, { kind: 'sample' }> {
  const path = fileURLToPath(new URL(`../../public/samples/${file}`, import.meta.url));
  const table = parseCsvText(readFileSync(path, 'utf8'), file);
  const own = sampleById(sampleId);
  const plan = (own?.kind === 'csv' ? own.plan : undefined) ?? defaultPlan(table);
  return { kind: 'sample', sampleId, plan, fitted: fitPreprocessing(table, plan) };
}

function recurrentModel(): Graph {
  const b = new GraphBuilder();
  b.chain(
    b.input([30]),
    ['Embedding', { input_dim: 1000, output_dim: 16 }],
    ['Bidirectional', { layer: { kind: 'LSTM', params: { ...defaultParams(layerSpec('LSTM').params), units: 16, return_sequences: true } } }],
    ['GRU', { units: 16, return_sequences: true, recurrent_activation: 'hard_sigmoid' }],
    ['LSTM', { units: 8 }],
    ['Dense', { units: 2, activation: 'softmax' }],
  );
  return b.graph;
}

function regressionModel(features: number): Graph {
  const b = new GraphBuilder();
  b.chain(b.input([features]), ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 1 }]);
  return b.graph;
}

function imageModel(): Graph {
  const b = new GraphBuilder();
  b.chain(
    b.input([32, 32, 3]),
    ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: 'relu' }],
    ['MaxPooling2D'],
    ['Flatten'],
    ['Dense', { units: 3, activation: 'softmax' }],
  );
  return b.graph;
}

/** `graph` with its Conv2D layers frozen, as a pretrained base would be. */
const frozenConvs = (graph: Graph) =>
  setTrainable(
    graph,
    graph.nodes.filter((n) => n.kind === 'Conv2D').map((n) => n.id),
    false,
  );

/**
 * The digits CNN with its convolutional base (conv2d_1 to flatten_1) grouped as one nested model
 * and frozen whole, as Keras's transfer-learning guide freezes a base model.
 */
function nestedDigitsBase(): Graph {
  const graph = digitsCnn();
  const base = graph.nodes.filter((n) => n.kind !== 'Input' && n.kind !== 'Dropout' && n.kind !== 'Dense').map((n) => n.id);
  const grouped = groupSelection(graph, 'base', base);
  if (!grouped.ok) throw new Error(grouped.reason);
  return setTrainable(grouped.graph, base, false);
}

const training = (config: object = {}) => trainingConfigSchema.parse(config);
const callbacks = (config: object) => callbacksSchema.parse(config);
const iris = csvSample('iris', 'iris.csv');
const cars = csvSample('cars-mpg', 'cars-mpg.csv');
const names = csvSample('first-names', 'first-names.csv');

/** The Transformer template wired to the first-names sample, as "fit the model to this data" leaves it. */
function namesTransformer(): Graph {
  const template = transformerTextClassifier();
  if (!names.plan || !names.fitted) throw new Error('the first-names sample did not fit');
  return wireModel(template, analyze(template), signatureOfPlan(names.plan, names.fitted));
}

const GOLDENS: readonly (readonly [string, KerasProject, KerasScriptOptions])[] = [
  ['iris-seed', { name: 'Iris classifier', graph: seedExample(4, 3), training: training(), data: iris }, { strategy: 'none' }],
  ['residual-block', { name: 'Residual block', graph: residualBlock(), training: training(), data: { kind: 'none' } }, { strategy: 'none' }],
  [
    'digits-cnn',
    {
      name: 'Digits CNN',
      graph: digitsCnn(),
      training: training({ epochs: 15 }),
      data: { kind: 'sample', sampleId: 'digits' },
      callbacks: callbacks({ earlyStopping: { enabled: true, monitor: 'val_loss', patience: 5, restoreBestWeights: true } }),
    },
    { strategy: 'mirrored' },
  ],
  // The fine-tune preset with both convolutions frozen: phase 1, then conv2d_2 unfrozen at 1e-5.
  // Run once with Keras 3.15 (TensorFlow) on the digits sample: both fits train, phase 2's epochs go on from phase 1's.
  [
    'digits-cnn-fine-tune',
    {
      name: 'Digits fine-tune',
      graph: frozenConvs(digitsCnn()),
      training: training({ epochs: 2 }),
      data: { kind: 'sample', sampleId: 'digits' },
      callbacks: callbacks({ earlyStopping: { enabled: true, monitor: 'val_loss', patience: 5, restoreBestWeights: true } }),
      fineTune: fineTuneSchema.parse({ enabled: true, unfreeze: 1, epochs: 2 }),
    },
    { strategy: 'none' },
  ],
  // The base as a nested model, frozen whole; phase 2 unfreezes it and freezes all but conv2d_2 again.
  // Run once with Keras 3.15 (JAX) on its random data: the summary shows "functional" as one layer, both fits train.
  [
    'digits-cnn-nested',
    {
      name: 'Digits nested base',
      graph: nestedDigitsBase(),
      training: training({ epochs: 2 }),
      data: { kind: 'none' },
      fineTune: fineTuneSchema.parse({ enabled: true, unfreeze: 1, epochs: 1 }),
    },
    { strategy: 'none' },
  ],
  [
    'recurrent',
    { name: 'Sequence classifier', graph: recurrentModel(), training: training({ loss: 'sparse_categorical_crossentropy' }), data: { kind: 'none' } },
    { strategy: 'none' },
  ],
  [
    'images',
    {
      name: 'Flowers',
      graph: imageModel(),
      training: training({ batchSize: 16 }),
      data: { kind: 'images', folderName: 'flowers', imageSize: [32, 32], channels: 3, fit: 'crop', classes: ['daisy', 'rose', 'tulip'] },
      callbacks: callbacks({
        earlyStopping: { enabled: true, monitor: 'val_accuracy', patience: 3, restoreBestWeights: false },
        reduceLrOnPlateau: { enabled: true, monitor: 'val_loss', factor: 0.5, patience: 3, minLr: 1e-6 },
      }),
    },
    { strategy: 'multi-worker' },
  ],
  [
    'cars-mpg-regression',
    {
      name: 'Car MPG',
      graph: regressionModel(cars.fitted?.featureNames.length ?? 0),
      training: training({ loss: 'mean_squared_error', optimizer: 'sgd', momentum: 0.9, epochs: 50 }),
      data: cars,
      // min_delta away from Keras's default is written; at it (EarlyStopping's 0 above), left out.
      callbacks: callbacks({ reduceLrOnPlateau: { enabled: true, monitor: 'val_loss', factor: 0.2, patience: 5, minLr: 1e-5, minDelta: 0.01 } }),
    },
    { strategy: 'none' },
  ],
  // Run with Keras 3.15 (JAX) beside first-names.csv when written: it trains, its TextVectorization
  // gives text_ids()'s ids on the file's first 100 names, and it prints three predictions.
  ['first-names-transformer', { name: 'First names', graph: namesTransformer(), training: training({ epochs: 3 }), data: names }, { strategy: 'none' }],
];

describe('kerasScript goldens', () => {
  if (update) mkdirSync(GOLDEN, { recursive: true });
  it.each(GOLDENS)('%s.py', (id, project, options) => {
    const file = join(GOLDEN, `${id}.py`);
    const script = kerasScript(project, options);
    if (update) writeFileSync(file, script);
    expect(script).toBe(readFileSync(file, 'utf8'));
  });

  it("tokenizes the first-names text as Netloom fitted it, and hands Keras's TextVectorization the same vocabulary", () => {
    const text = names.fitted?.features.find((f) => f.kind === 'text');
    const vocabulary = text?.kind === 'text' ? text.vectorizer.vocabulary : [];
    const script = readFileSync(join(GOLDEN, 'first-names-transformer.py'), 'utf8');
    expect(script).toContain(`TEXT_VOCABULARY = ${JSON.stringify(vocabulary).replaceAll(',', ', ')}`);
    expect(script).toContain('text_ids(table["name"], TEXT_VOCABULARY, True, "character", 15)');
    expect(script).toContain(
      'vectorizer = keras.layers.TextVectorization(\n    standardize="lower_and_strip_punctuation",\n    split="character",\n    output_sequence_length=15,\n    vocabulary=TEXT_VOCABULARY[2:],\n)',
    );
    expect(kerasScript(GOLDENS[0]?.[1] as KerasProject, { strategy: 'none' })).not.toContain('# %% Use the model');
  });

  it('carries the fitted preprocessing of the cars sample: one-hot origin, filled horsepower', () => {
    const origin = cars.fitted?.features.find((f) => f.name === 'origin');
    const horsepower = cars.fitted?.features.find((f) => f.name === 'horsepower');
    expect(origin?.kind).toBe('onehot');
    expect(horsepower?.kind).toBe('scale');
    const script = readFileSync(join(GOLDEN, 'cars-mpg-regression.py'), 'utf8');
    expect(script).toContain('one_hot(table["origin"], ["Europe", "Japan", "USA"], "USA")');
    expect(script).toMatch(/scaled\(table\["horsepower"\], 104\.4\d+, 104\.4\d+, 38\.\d+\)/);
  });
});

describe(`py_compile accepts every script${pythonNote}`, () => {
  it.skipIf(!hasPython).each(GOLDENS.map(([id]) => id))('golden %s.py', (id) => {
    const result = pyCompile(join(GOLDEN, `${id}.py`));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasPython).each(TEMPLATES.filter((t) => t.id !== 'blank').map((t) => t.id))('template %s', (id) => {
    const template = TEMPLATES.find((t) => t.id === id);
    const file = join(scratch, `${id}.py`);
    writeFileSync(
      file,
      kerasScript(
        { name: template?.title ?? id, graph: template?.build() ?? { nodes: [], edges: [] }, training: training(), data: { kind: 'none' } },
        { strategy: 'none' },
      ),
    );
    const result = pyCompile(file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('kerasScript', () => {
  it('refuses the blank canvas and models with errors', () => {
    const blank = { name: 'Blank', graph: { nodes: [], edges: [] }, training: training(), data: { kind: 'none' } } as const;
    expect(() => kerasScript(blank, { strategy: 'none' })).toThrow(GraphError);
    const b = new GraphBuilder();
    b.add('Dense', { units: 3 });
    expect(() => kerasScript({ ...blank, graph: b.graph }, { strategy: 'none' })).toThrow(GraphError);
  });

  it('writes several inputs and outputs as lists, merges on a list, and never shadows script names', () => {
    const b = new GraphBuilder();
    const a = b.input([3], 'numbers');
    const c = b.input([5], 'x_train');
    const joined = b.add('Concatenate', {}, a, c);
    b.add('Dense', { units: 2, activation: 'softmax' }, joined);
    b.add('Dense', { units: 2, activation: 'softmax' }, joined);
    const script = kerasScript({ name: 'Two heads', graph: b.graph, training: training(), data: { kind: 'none' } }, { strategy: 'none' });
    expect(script).toContain('x_train_out = keras.Input(shape=(5,), name="x_train")');
    expect(script).toContain('concatenate_1 = layers.Concatenate(name="concatenate_1")([numbers, x_train_out])');
    expect(script).toContain('model = keras.Model(inputs=[numbers, x_train_out], outputs=[dense_1, dense_2], name="two_heads")');
    expect(script).toContain('metrics=[["accuracy"], ["accuracy"]]');
  });

  it.each([
    [
      'binary_crossentropy',
      ['accuracy', 'precision', 'recall', 'auc'],
      'metrics=["accuracy", keras.metrics.Precision(), keras.metrics.Recall(), keras.metrics.AUC()]',
    ],
    ['categorical_crossentropy', ['auc', 'top_k_categorical_accuracy'], 'metrics=[keras.metrics.AUC(), keras.metrics.TopKCategoricalAccuracy(k=3)]'],
    ['sparse_categorical_crossentropy', ['top_k_categorical_accuracy'], 'metrics=[keras.metrics.SparseTopKCategoricalAccuracy(k=3)]'],
    ['mean_squared_error', ['mae', 'mse'], 'metrics=["mae", "mse"]'],
  ])('compiles %s with the picked metrics %j under their Keras names', (loss, metrics, line) => {
    const script = kerasScript(
      { name: 'Metrics', graph: seedExample(), training: training({ loss, metrics, topK: 3 }), data: { kind: 'none' } },
      { strategy: 'none' },
    );
    expect(script).toContain(line);
  });

  it.each([
    // Keras 3's EarlyStopping reads AUC's direction itself; its ReduceLROnPlateau would take "no acc" as min.
    [
      'val_auc',
      'auto',
      'EarlyStopping(monitor="val_auc", patience=2, mode="max", restore_best_weights=True)',
      'ReduceLROnPlateau(monitor="val_auc", factor=0.5, patience=3, mode="max", min_lr=1e-06)',
    ],
    [
      'val_accuracy',
      'auto',
      'EarlyStopping(monitor="val_accuracy", patience=2, restore_best_weights=True)',
      'ReduceLROnPlateau(monitor="val_accuracy", factor=0.5, patience=3, min_lr=1e-06)',
    ],
    [
      'val_mae',
      'auto',
      'EarlyStopping(monitor="val_mae", patience=2, restore_best_weights=True)',
      'ReduceLROnPlateau(monitor="val_mae", factor=0.5, patience=3, min_lr=1e-06)',
    ],
    [
      'val_precision',
      'min',
      'EarlyStopping(monitor="val_precision", patience=2, mode="min", restore_best_weights=True)',
      'ReduceLROnPlateau(monitor="val_precision", factor=0.5, patience=3, mode="min", min_lr=1e-06)',
    ],
  ])('watches %s (mode %s) in the script as the browser does', (monitor, mode, early, reduce) => {
    const loss = monitor === 'val_mae' ? 'mean_squared_error' : 'binary_crossentropy';
    const script = kerasScript(
      {
        name: 'Monitors',
        graph: seedExample(4, 1),
        training: training({ loss, metrics: [monitor.slice(4)] }),
        callbacks: callbacks({ earlyStopping: { enabled: true, monitor, mode, patience: 2 }, reduceLrOnPlateau: { enabled: true, monitor, mode } }),
        data: { kind: 'none' },
      },
      { strategy: 'none' },
    );
    expect(script).toContain(`keras.callbacks.${early},`);
    expect(script).toContain(`keras.callbacks.${reduce},`);
  });

  it('gives each output its own metric objects (a Keras metric keeps its counts)', () => {
    const b = new GraphBuilder();
    const a = b.input([3]);
    b.add('Dense', { units: 1, activation: 'sigmoid' }, a);
    b.add('Dense', { units: 1, activation: 'sigmoid' }, a);
    const t = training({ loss: 'binary_crossentropy', metrics: ['auc'] });
    expect(kerasScript({ name: 'Two', graph: b.graph, training: t, data: { kind: 'none' } }, { strategy: 'none' })).toContain(
      'metrics=[[keras.metrics.AUC()], [keras.metrics.AUC()]]',
    );
  });

  it('freezes the frozen layers as Keras does, after building the model and before compile', () => {
    const graph = seedExample();
    const first = graph.nodes.find((n) => n.name === 'dense_1')?.id ?? '';
    const frozen = setTrainable(graph, [first], false);
    const script = kerasScript({ name: 'Frozen', graph: frozen, training: training(), data: { kind: 'none' } }, { strategy: 'none' });
    const freeze = script.indexOf('model.get_layer("dense_1").trainable = False');
    expect(freeze).toBeGreaterThan(script.indexOf('model = keras.Sequential('));
    expect(freeze).toBeLessThan(script.indexOf('model.compile('));
    expect(script).not.toContain('get_layer("dense_2")');
  });

  it('reads a separate validation file through the same preprocessing', () => {
    const plan = iris.plan && { ...iris.plan, split: { kind: 'file', fileName: 'iris-val.csv' } as const };
    const data: DataConfig = { kind: 'csv', fileName: 'iris-train.csv', plan: plan ?? defaultPlan(parseCsvText('a,b\n1,2\n')), fitted: iris.fitted };
    const script = kerasScript({ name: 'Iris', graph: seedExample(), training: training(), data }, { strategy: 'none' });
    expect(script).toContain('VALIDATION_FILE = os.path.join(HERE, "iris-val.csv")');
    expect(script).toContain('x_val, y_val = prepare(*read_table(VALIDATION_FILE))');
    expect(script).toContain('delimiter = sniff_delimiter(text)');
    expect(script).not.toContain('netloom_split(');
  });
});
