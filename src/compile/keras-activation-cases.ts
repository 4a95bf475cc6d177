/**
 * The cases that check the exported Keras model computes what tfjs computes for every activation
 * Netloom offers, and for layers whose activation or recurrent_activation Keras 3 names
 * differently (hard_sigmoid, gelu_new; LSTM/GRU gates). Each model gets fixed weights, so Keras's
 * outputs can be kept in a golden file (`scripts/keras-activations-golden.ts` writes it with a
 * python that has Keras 3) and the test needs no Python.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import type { Graph, ParamValue } from '../graph/types';
import { ACTIVATIONS } from '../layers/keras-values';
import type { Tf } from '../layers/layer-spec';
import { defaultParams } from '../layers/params';
import { layerSpec, type LayerKind } from '../layers/registry';
import { activationLines, modelLines } from './keras-python-model';
import { toTfjsModel } from './to-tfjs';

/** One model and the input it is run on. */
export interface ActivationCase {
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

/** One layer of `kind` on an Input of `shape`. */
export function single(kind: LayerKind, params: Readonly<Record<string, ParamValue>>, shape: readonly number[]): Graph {
  const b = new GraphBuilder();
  b.add(kind, params, b.input(shape));
  return b.graph;
}

/** Every activation on its own, and the layers whose gates Keras 3 names otherwise. */
export const ACTIVATION_CASES: readonly ActivationCase[] = [
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

/** A weight as both sides set it: its shape and row-major values. */
export interface FixedWeight {
  readonly shape: readonly number[];
  readonly values: readonly number[];
}

/** The case run in tfjs with fixed weights: the weights by layer, and its output for `input` reshaped to (batch, ...). */
export interface TfjsRun {
  readonly shape: readonly number[];
  readonly weights: Readonly<Record<string, readonly FixedWeight[]>>;
  readonly output: readonly number[];
}

/** Runs a case in tfjs, each weight set to a fixed pattern in [-0.5, 0.5] first. */
export function runTfjs(tf: Tf, c: ActivationCase): TfjsRun {
  const model = toTfjsModel(tf, c.graph);
  let k = 0;
  for (const layer of model.layers) {
    layer.setWeights(
      layer.getWeights().map((w) =>
        tf.tensor(
          Array.from({ length: w.size }, () => 0.5 * Math.sin(0.37 * ++k)),
          w.shape,
        ),
      ),
    );
  }
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  const per = shape.reduce((a, b) => a * b, 1);
  const x = tf.tensor(c.input as number[], [c.input.length / per, ...shape]);
  const y = model.predict(x) as tfjs.Tensor;
  const weights = Object.fromEntries(model.layers.map((l) => [l.name, l.getWeights().map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) }))]));
  const out = { shape, weights, output: Array.from(y.dataSync()) };
  tf.dispose([x, y]);
  model.dispose();
  return out;
}

/** The Keras side of a case: the script's own model code, the weights and the input. */
export function kerasPayload(c: ActivationCase, run: TfjsRun) {
  return {
    id: c.id,
    code: [...activationLines(c.graph), ...modelLines(c.graph, analyze(c.graph), 'm')].join('\n'),
    weights: run.weights,
    input: c.input,
    shape: run.shape,
  };
}

/** Runs the payloads in Keras 3 (stdin: their JSON); prints each case's output and Keras's own hard_sigmoid. */
export const KERAS_RUNNER = `
import json, os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
import keras
from keras import layers
cases = json.load(sys.stdin)
out = {"keras": keras.__version__, "outputs": {}}
for c in cases:
    scope = {"keras": keras, "layers": layers, "np": np}
    exec(c["code"], scope)
    model = scope["model"]
    for name, weights in c["weights"].items():
        if weights:
            model.get_layer(name).set_weights([np.array(w["values"], dtype="float32").reshape(w["shape"]) for w in weights])
    x = np.array(c["input"], dtype="float32").reshape([-1, *c["shape"]])
    out["outputs"][c["id"]] = np.asarray(model(x)).astype("float64").ravel().tolist()
x = np.array(cases[0]["input"], dtype="float32")
out["plain_hard_sigmoid"] = np.asarray(keras.activations.hard_sigmoid(x)).astype("float64").tolist()
json.dump(out, sys.stdout)
`;

/** What the golden file holds: Keras's outputs by case id, and Keras's own hard_sigmoid on the first case's input. */
export interface KerasActivationGolden {
  readonly keras: string;
  readonly outputs: Readonly<Record<string, readonly number[]>>;
  readonly plain_hard_sigmoid: readonly number[];
}
