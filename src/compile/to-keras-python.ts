/**
 * A project as a self-contained Keras 3 training script: data loading with the preprocessing
 * Netloom fitted, the model (Sequential or functional), compile, callbacks, fit and save. The
 * script runs as written; nothing in it is a placeholder to fill in.
 */
import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analyze';
import { diagnostic } from '../graph/diagnostics';
import type { Graph } from '../graph/types';
import { assertNever } from '../lib/assert-never';
import type { DataConfig } from '../data/config';
import type { Callbacks } from '../settings/callbacks';
import type { FineTuneSettings } from '../settings/fine-tune';
import type { TrainingConfig } from '../settings/training';
import type { ModelShapes } from './keras-python-arrays';
import { dataCode } from './keras-python-data';
import { fineTuneLines, fitLines } from './keras-python-fit';
import { activationLines, callbackLines, compileLine, modelLines } from './keras-python-model';
import type { PyModule, ScriptDataFile } from './keras-python-util';
import { indent, pyCommentText, pyIdentifier, pyString, pySource } from './keras-python-util';
import { GraphError } from './to-tfjs';

/** What a Keras script is generated from: the parts of a project file it uses. */
export interface KerasProject {
  readonly name: string;
  readonly graph: Graph;
  readonly training: TrainingConfig;
  readonly data: DataConfig;
  /** The callbacks `fit` runs, those switched on; none when absent. */
  readonly callbacks?: Callbacks;
  /** With the preset on, a second phase after the fit (`src/settings/fine-tune.ts`). */
  readonly fineTune?: FineTuneSettings;
}

/** Where the script trains: this process's devices, every GPU of the machine, or several machines. */
export type DistributionStrategy = 'none' | 'mirrored' | 'multi-worker';

/** Choices made at export time rather than stored in the project. */
export interface KerasScriptOptions {
  readonly strategy: DistributionStrategy;
}

const IMPORTS: readonly (readonly [PyModule | 'keras', string])[] = [
  ['csv', 'import csv'],
  ['gzip', 'import gzip'],
  ['io', 'import io'],
  ['json', 'import json'],
  ['os', 'import os'],
  ['re', 'import re'],
  ['zipfile', 'import zipfile'],
  ['numpy', 'import numpy as np'],
  ['pandas', 'import pandas as pd'],
  ['keras', 'import keras'],
  ['tensorflow', 'import tensorflow as tf'],
  ['keras', 'from keras import layers'],
];

/**
 * The lines that open the script's sections, as `# %%` cells (VS Code, Spyder and Jupytext run
 * them one at a time). The data section needs no Keras, so it can be run and checked on its own.
 */
export const SCRIPT_SECTIONS = {
  data: '# %% Data',
  model: '# %% Model',
  train: '# %% Training',
  use: '# %% Use the model',
} as const;

function strategyLines(strategy: DistributionStrategy): string[] {
  switch (strategy) {
    case 'none':
      return [];
    case 'mirrored':
      return [
        '# One copy of the model per GPU of this machine, each on a slice of every batch (batch_size is',
        '# the global batch). Distribution strategies need the TensorFlow backend, which is the default.',
        'strategy = tf.distribute.MirroredStrategy()',
        'print("Replicas:", strategy.num_replicas_in_sync)',
        '',
      ];
    case 'multi-worker':
      return [
        '# Data-parallel training over several machines: run this script on each worker with TF_CONFIG',
        '# naming the cluster and this worker, e.g. on the first of two:',
        '#   export TF_CONFIG=\'{"cluster": {"worker": ["host1:12345", "host2:12345"]}, "task": {"type": "worker", "index": 0}}\'',
        '# Without TF_CONFIG it trains on this machine alone. The strategy must exist before any other',
        '# TensorFlow call; batch_size is the global batch. Needs the TensorFlow backend (the default).',
        'strategy = tf.distribute.MultiWorkerMirroredStrategy()',
        'print("Replicas:", strategy.num_replicas_in_sync)',
        '',
      ];
    default:
      return assertNever(strategy, 'strategy');
  }
}

/** The model's input and output shapes without the batch axis, for data that must match them. */
function modelShapes(graph: Graph, analysis: Analysis): ModelShapes {
  const dims = (id: string) => (analysis.nodes[id]?.shape ?? []).slice(1).map((d) => d ?? 1);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const vocabulary = (id: string) => {
    const embedding = graph.edges.map((e) => (e.source === id ? byId.get(e.target) : undefined)).find((n) => n?.kind === 'Embedding');
    return embedding ? Number(embedding.params.input_dim) : null;
  };
  return { inputs: analysis.inputs.map((id) => ({ shape: dims(id), vocabulary: vocabulary(id) })), outputs: analysis.outputs.map(dims) };
}

/** Standard-library modules, imported first and set apart as PEP 8 asks. */
const STDLIB: ReadonlySet<PyModule | 'keras'> = new Set(['csv', 'gzip', 'io', 'json', 'os', 're', 'zipfile']);

function importLines(needs: ReadonlySet<PyModule | 'keras'>): string[] {
  const lines = (std: boolean) => IMPORTS.filter(([m]) => needs.has(m) && STDLIB.has(m) === std).map(([, line]) => line);
  const std = lines(true);
  return [...std, ...(std.length > 0 ? [''] : []), ...lines(false)];
}

/**
 * `model.save(...)`. Under MultiWorkerMirroredStrategy every worker must save (it is a collective
 * step), but only the chief's file is the model; the others write beside it and can be deleted.
 */
function saveLines(strategy: DistributionStrategy, name: string): string[] {
  const done = `print(${pyString(`Saved the trained model to ${name}.keras`)})`;
  if (strategy !== 'multi-worker') return [`model.save(${pyString(`${name}.keras`)})`, done];
  return [
    "# Every worker saves (saving is a collective step); only the chief's file (worker 0) is the model.",
    'worker = json.loads(os.environ.get("TF_CONFIG", "{}")).get("task", {}).get("index", 0)',
    // `name` is a pyIdentifier ([a-z0-9_]), so it cannot end the f-string or open a {field}.
    `model.save(${pyString(`${name}.keras`)} if worker == 0 else f"${name}_worker{worker}.keras")`,
    done,
  ];
}

/** The file name a project's script is saved under: `iris_classifier.py`. */
export function scriptFileName(projectName: string): string {
  return `${pyIdentifier(projectName)}.py`;
}

/** A script, the name to save it under, and the data files it reads from its own folder. */
export interface KerasScriptExport {
  readonly fileName: string;
  readonly script: string;
  readonly files: readonly ScriptDataFile[];
}

/**
 * The project as a runnable Python 3 script for Keras 3 (TensorFlow backend for the distribution
 * strategies). Throws {@link GraphError} when the model has errors or no layers, since such a
 * model cannot be built in Keras either.
 */
export function kerasScript(project: KerasProject, options: KerasScriptOptions): string {
  return kerasScriptExport(project, options).script;
}

/** {@link kerasScript} with its file name and what it reads beside itself (see keras-script-zip.ts). */
export function kerasScriptExport(project: KerasProject, options: KerasScriptOptions): KerasScriptExport {
  const { graph, training } = project;
  const analysis = analyze(graph);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new GraphError(errors);
  if (analysis.inputs.length === 0 || analysis.outputs.length === 0) {
    throw new GraphError([diagnostic('no-input', 'The model is empty: add an Input and at least one layer before exporting')]);
  }
  const name = pyIdentifier(project.name);
  const data = dataCode(project.data, training, modelShapes(graph, analysis));
  const strategy = options.strategy !== 'none';
  const multi = options.strategy === 'multi-worker' ? (['json', 'os'] as const) : [];
  const needs = new Set<PyModule | 'keras'>([...data.needs, 'keras', ...multi, ...(strategy ? (['tensorflow'] as const) : [])]);
  const pip = ['tensorflow', ...data.pip].join(' ');
  const callbacks = callbackLines(project.callbacks);
  const build = [...modelLines(graph, analysis, name), compileLine(training, analysis.outputs.length)];
  const activations = activationLines(graph);
  const script = pySource([
    `# ${pyCommentText(project.name)}: a Keras 3 training script generated by Netloom, the visual neural-network builder.`,
    '#',
    '# Run it:',
    `#   pip install ${pip}`,
    `#   python ${scriptFileName(project.name)}`,
    '#',
    '# Written for Keras 3. On TensorFlow 2.x with Keras 2, `import tensorflow as tf` and',
    '# `from tensorflow import keras` (with `layers = keras.layers`) work the same way.',
    '',
    ...importLines(needs),
    '',
    ...strategyLines(options.strategy),
    '# The same seed as in Netloom, for repeatable weights and shuffling.',
    `keras.utils.set_random_seed(${training.seed})`,
    '',
    SCRIPT_SECTIONS.data,
    ...data.lines,
    '',
    SCRIPT_SECTIONS.model,
    ...activations,
    '# The model as drawn in Netloom; layer names match, so saved weights line up with the browser model.',
    ...(strategy ? ['with strategy.scope():', ...indent(build)] : build),
    'model.summary()',
    '',
    SCRIPT_SECTIONS.train,
    ...callbacks,
    ...fitLines(training, data, callbacks.length > 0),
    ...fineTuneLines(project.fineTune, { graph, analysis, training, data, callbacks: callbacks.length > 0, scoped: strategy, modelName: name }),
    '',
    ...saveLines(options.strategy, name),
    '',
    ...(data.use ? [SCRIPT_SECTIONS.use, ...data.use, ''] : []),
  ]);
  return { fileName: scriptFileName(project.name), script, files: data.files };
}
