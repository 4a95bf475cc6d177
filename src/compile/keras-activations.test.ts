/**
 * The exported model computes what the browser model computes: every activation Netloom offers,
 * and layers whose activation or recurrent_activation Keras 3 names differently (hard_sigmoid,
 * gelu_new; LSTM/GRU gates), built in tfjs and from the script's own model code in Keras 3, with
 * the same fixed weights, must give the same outputs. Keras's outputs are in
 * `fixtures/keras-activations-golden.json`, written by `scripts/keras-activations-golden.ts` with
 * Keras 3 (regenerate it after changing a case), so the test needs no Python.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { ParamValue } from '../graph/types';
import { KERAS_ACTIVATION_FUNCTIONS, activationFunctionsFor, pyActivation } from '../layers/keras-activations';
import { parseActivation } from '../layers/keras-values';
import { defaultParams } from '../layers/params';
import { layerSpec, type LayerKind } from '../layers/registry';
import { ACTIVATION_CASES, runTfjs, single, type KerasActivationGolden } from './keras-activation-cases';
import { activationLines, modelLines } from './keras-python-model';

const golden = JSON.parse(readFileSync(new URL('./fixtures/keras-activations-golden.json', import.meta.url), 'utf8')) as KerasActivationGolden;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const wrapped = (kind: LayerKind, params: Readonly<Record<string, ParamValue>>): ParamValue => ({
  kind,
  params: { ...defaultParams(layerSpec(kind).params), ...params },
});

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

describe(`the exported model computes what tfjs computes (Keras ${golden.keras}, from the golden file)`, () => {
  it('for every activation and for hard_sigmoid gates, with the same weights', () => {
    expect(Object.keys(golden.outputs).sort()).toEqual(ACTIVATION_CASES.map((c) => c.id).sort());
    for (const c of ACTIVATION_CASES) {
      const tfjsOutput = runTfjs(tf, c).output;
      const keras = golden.outputs[c.id] ?? [];
      expect(keras, c.id).toHaveLength(tfjsOutput.length);
      const worst = Math.max(...keras.map((v, i) => Math.abs(v - (tfjsOutput[i] as number))));
      expect(worst, c.id).toBeLessThan(2e-5);
    }
    // Why hard_sigmoid is a function: Keras 3's own differs from tfjs's by up to 0.1 (at x = +-2.5).
    const input = ACTIVATION_CASES[0]?.input ?? [];
    const tfjsHard = input.map((x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)));
    expect(Math.max(...golden.plain_hard_sigmoid.map((v, i) => Math.abs(v - (tfjsHard[i] as number))))).toBeGreaterThan(0.05);
  });
});
