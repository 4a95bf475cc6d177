/**
 * The exported model computes what the browser model computes: every activation Netloom offers,
 * and layers whose activation or recurrent_activation Keras 3 names differently (hard_sigmoid,
 * gelu_new; LSTM/GRU gates), built in tfjs and from the script's own model code in Keras 3, with
 * the same weights, must give the same outputs.
 *
 * Needs Keras 3: set NETLOOM_KERAS_PYTHON to a python with keras and a backend, e.g.
 *   NETLOOM_KERAS_PYTHON=/tmp/kvenv/bin/python npx vitest run src/compile/keras-activations.test.ts
 * (KERAS_BACKEND defaults to jax here). Without it the Keras comparison is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import type { Graph, ParamValue } from '../graph/types';
import { KERAS_ACTIVATION_FUNCTIONS, activationFunctionsFor, pyActivation } from '../layers/keras-activations';
import { ACTIVATIONS, parseActivation } from '../layers/keras-values';
import { defaultParams } from '../layers/params';
import { layerSpec, type LayerKind } from '../layers/registry';
import { activationLines, modelLines } from './keras-python-model';
import { toTfjsModel } from './to-tfjs';

const keras = process.env.NETLOOM_KERAS_PYTHON;
const skipNote = keras ? '' : ' (SKIPPED: set NETLOOM_KERAS_PYTHON to a python with Keras 3 to compare with Keras)';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Case {
  readonly id: string;
  readonly graph: Graph;
  readonly input: readonly number[];
}

/** Evenly spread values over [-5, 5], both sides of every kink (hard_sigmoid bends at +-2.5 and +-3). */
const spread = (n: number) => Array.from({ length: n }, (_, i) => -5 + (10 * i) / (n - 1));

const wrapped = (kind: LayerKind, params: Readonly<Record<string, ParamValue>>): ParamValue => ({
  kind,
  params: { ...defaultParams(layerSpec(kind).params), ...params },
});

function single(kind: LayerKind, params: Readonly<Record<string, ParamValue>>, shape: readonly number[]): Graph {
  const b = new GraphBuilder();
  b.add(kind, params, b.input(shape));
  return b.graph;
}

const CASES: readonly Case[] = [
  ...ACTIVATIONS.map((activation) => ({ id: `Activation ${activation}`, graph: single('Activation', { activation }, [41]), input: spread(2 * 41) })),
  { id: 'Dense hard_sigmoid', graph: single('Dense', { units: 3, activation: 'hard_sigmoid' }, [4]), input: spread(8) },
  { id: 'Dense gelu_new', graph: single('Dense', { units: 3, activation: 'gelu_new' }, [4]), input: spread(8) },
  {
    id: 'LSTM hard_sigmoid gates',
    graph: single('LSTM', { units: 5, recurrent_activation: 'hard_sigmoid', return_sequences: true }, [6, 3]),
    input: spread(36),
  },
  { id: 'GRU hard_sigmoid gates', graph: single('GRU', { units: 4, recurrent_activation: 'hard_sigmoid', activation: 'gelu_new' }, [6, 3]), input: spread(36) },
  {
    id: 'Bidirectional GRU hard_sigmoid gates',
    graph: single('Bidirectional', { layer: wrapped('GRU', { units: 3, recurrent_activation: 'hard_sigmoid' }) }, [5, 2]),
    input: spread(20),
  },
  {
    id: 'Bidirectional LSTM hard_sigmoid gates',
    graph: single('Bidirectional', { layer: wrapped('LSTM', { units: 3, recurrent_activation: 'hard_sigmoid' }), merge_mode: 'sum' }, [5, 2]),
    input: spread(20),
  },
];

/** The case run in tfjs: its weights by layer, and its output for `input` reshaped to (batch, ...). */
function runTfjs(c: Case) {
  const model = toTfjsModel(tf, c.graph);
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  const per = shape.reduce((a, b) => a * b, 1);
  const x = tf.tensor(c.input, [c.input.length / per, ...shape]);
  const y = model.predict(x) as tf.Tensor;
  const weights = Object.fromEntries(model.layers.map((l) => [l.name, l.getWeights().map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) }))]));
  const out = { shape: [...shape], weights, output: Array.from(y.dataSync()) };
  tf.dispose([x, y]);
  model.dispose();
  return out;
}

const RUNNER = `
import json, os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
import keras
from keras import layers
cases = json.load(sys.stdin)
out = {}
for c in cases:
    scope = {"keras": keras, "layers": layers, "np": np}
    exec(c["code"], scope)
    model = scope["model"]
    for name, weights in c["weights"].items():
        if weights:
            model.get_layer(name).set_weights([np.array(w["values"], dtype="float32").reshape(w["shape"]) for w in weights])
    x = np.array(c["input"], dtype="float32").reshape([-1, *c["shape"]])
    out[c["id"]] = np.asarray(model(x)).astype("float64").ravel().tolist()
x = np.array(cases[0]["input"], dtype="float32")
out["plain hard_sigmoid"] = np.asarray(keras.activations.hard_sigmoid(x)).astype("float64").tolist()
json.dump(out, sys.stdout)
`;

describe('activations Keras 3 names differently', () => {
  it('are passed as functions the script defines, the rest as Keras strings', () => {
    expect(pyActivation('hard_sigmoid')).toBe('tfjs_hard_sigmoid');
    expect(pyActivation('gelu_new')).toBe('gelu_new');
    expect(pyActivation('relu')).toBe('"relu"');
    const graph = single('Bidirectional', { layer: wrapped('LSTM', { recurrent_activation: 'hard_sigmoid' }) }, [5, 2]);
    expect(activationFunctionsFor(graph.nodes.map((n) => n.params)).map((f) => f.name)).toEqual(['tfjs_hard_sigmoid']);
    expect(activationLines(single('Dense', { activation: 'relu' }, [2]))).toEqual([]);
    expect(activationLines(graph).join('\n')).toContain('def tfjs_hard_sigmoid(x):');
    expect(modelLines(graph, analyze(graph), 'm').join('\n')).toContain('recurrent_activation=tfjs_hard_sigmoid');
  });

  it('reads them back from a model the script saved', () => {
    const saved = (name: string) => ({ module: 'builtins', class_name: 'function', config: `netloom>${name}`, registered_name: 'function' });
    expect(parseActivation(saved('tfjs_hard_sigmoid'), 'l')).toBe('hard_sigmoid');
    expect(parseActivation(saved('gelu_new'), 'l')).toBe('gelu_new');
    expect(() => parseActivation(saved('my_own'), 'l')).toThrow('which Netloom does not support');
    expect(layerSpec('LSTM').fromKeras({ name: 'l', units: 3, recurrent_activation: saved('tfjs_hard_sigmoid') })).toMatchObject({
      recurrent_activation: 'hard_sigmoid',
    });
  });

  it('names a function for each activation Keras 3 lacks or computes otherwise', () => {
    expect(Object.keys(KERAS_ACTIVATION_FUNCTIONS).sort()).toEqual(['gelu_new', 'hard_sigmoid']);
  });
});

describe(`the exported model computes what tfjs computes${skipNote}`, () => {
  it.skipIf(!keras)('for every activation and for hard_sigmoid gates, with the same weights', () => {
    const runs = CASES.map((c) => ({ c, tfjs: runTfjs(c) }));
    const payload = runs.map(({ c, tfjs }) => ({
      id: c.id,
      code: [...activationLines(c.graph), ...modelLines(c.graph, analyze(c.graph), 'm')].join('\n'),
      weights: tfjs.weights,
      input: c.input,
      shape: tfjs.shape,
    }));
    const run = spawnSync(keras as string, ['-c', RUNNER], { input: JSON.stringify(payload), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status, run.stderr).toBe(0);
    const got = JSON.parse(run.stdout) as Record<string, number[]>;
    for (const { c, tfjs } of runs) {
      const keras = got[c.id] ?? [];
      expect(keras, c.id).toHaveLength(tfjs.output.length);
      const worst = Math.max(...keras.map((v, i) => Math.abs(v - (tfjs.output[i] as number))));
      expect(worst, c.id).toBeLessThan(2e-5);
    }
    // Why hard_sigmoid is a function: Keras 3's own differs from tfjs's by up to 0.1 (at x = +-2.5).
    const input = CASES[0]?.input ?? [];
    const plain = got['plain hard_sigmoid'] ?? [];
    const tfjsHard = input.map((x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)));
    expect(Math.max(...plain.map((v, i) => Math.abs(v - (tfjsHard[i] as number))))).toBeGreaterThan(0.05);
  });
});
