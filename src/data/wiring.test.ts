import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { applyFix } from '../analysis/ops';
import { digitsCnn, seedExample } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { dataDiagnostics, lossProblem, outputFor, targetEncodingFor, wireModel } from './wiring';
import type { DataSignature } from './wiring';

const iris: DataSignature = { featureShape: [4], task: 'classification', classes: 3, encoding: 'onehot' };
const check = (g: Graph, sig: DataSignature) => dataDiagnostics(g, analyze(g), sig);

describe('data wiring', () => {
  it('accepts the seed example for Iris', () => {
    expect(check(seedExample(4, 3), iris)).toEqual([]);
  });

  it('puts an input mismatch on the Input with a fix that sets the shape', () => {
    const g = seedExample(8, 3);
    const [d] = check(g, iris);
    expect(d).toMatchObject({ code: 'data-input-mismatch', nodeId: g.nodes[0]?.id });
    expect(d?.message).toBe("The data's samples have shape (None, 4) but input_1 expects (None, 8)");
    const fixed = applyFix(g, d?.fix as NonNullable<typeof d>['fix'] & object);
    expect(fixed.ok && check(fixed.graph, iris)).toEqual([]);
  });

  it('puts an output mismatch on the output with a fix that sets the units', () => {
    const g = seedExample(4, 10);
    const [d] = check(g, iris);
    expect(d?.message).toBe('The target has 3 classes, so the output must be (None, 3), but dense_2 outputs (None, 10)');
    expect(d?.fix).toMatchObject({ kind: 'set-output', units: 3, activation: 'softmax', loss: 'categorical_crossentropy' });
    const fixed = applyFix(g, d?.fix as NonNullable<typeof d>['fix'] & object);
    expect(fixed.ok && check(fixed.graph, iris)).toEqual([]);
  });

  it('asks for sigmoid on one unit and linear for regression', () => {
    const binary: DataSignature = { ...iris, classes: 2, encoding: 'binary' };
    expect(check(seedExample(4, 1), binary)[0]?.fix).toMatchObject({ kind: 'set-output', units: 1, activation: 'sigmoid', loss: 'binary_crossentropy' });
    expect(outputFor({ ...iris, encoding: 'regression' })).toEqual({ units: 1, activation: 'linear', loss: 'mean_squared_error' });
    expect(outputFor({ ...iris, encoding: 'integer' }).loss).toBe('sparse_categorical_crossentropy');
  });

  describe('two classes', () => {
    const binary: DataSignature = { ...iris, classes: 2, encoding: 'binary' };

    it('accept the Keras seed as written, Dense(2, softmax), as well as Dense(1, sigmoid)', () => {
      expect(check(seedExample(4, 2), binary)).toEqual([]);
      expect(check(seedExample(4, 2), { ...binary, encoding: 'onehot' })).toEqual([]);
      const sigmoid = seedExample(4, 1);
      const out = sigmoid.nodes.at(-1)?.id ?? '';
      const set = applyFix(sigmoid, { kind: 'set-output', label: '', nodeId: out, units: 1, activation: 'sigmoid', loss: 'binary_crossentropy' });
      expect(set.ok && check(set.graph, binary)).toEqual([]);
    });

    it('offer both fixes for an output that fits neither', () => {
      const g = seedExample(4, 3);
      const [d] = check(g, binary);
      expect(d?.message).toBe('The target has 2 classes, so the output must be (None, 1) or (None, 2), but dense_2 outputs (None, 3)');
      expect([d?.fix, ...(d?.alternatives ?? [])].map((f) => f?.label)).toEqual([
        'Use 1 unit, sigmoid (binary crossentropy)',
        'Use 2 units, softmax (categorical crossentropy)',
      ]);
    });

    it('ask for softmax on two units, and offer sigmoid on one instead', () => {
      const g = seedExample(4, 2);
      const out = g.nodes.at(-1)?.id ?? '';
      const relu = applyFix(g, { kind: 'set-param', label: '', nodeId: out, param: 'activation', value: 'relu' });
      const [d] = check(relu.ok ? relu.graph : g, binary);
      expect(d?.message).toBe('For 2 classes an output of 2 units should use softmax, but dense_2 uses relu');
      expect([d?.fix, ...(d?.alternatives ?? [])].map((f) => f?.label)).toEqual(['Use softmax', 'Use 1 unit, sigmoid (binary crossentropy)']);
    });

    it('encode the target as the model and loss need it', () => {
      expect(targetEncodingFor(binary, 1, 'binary_crossentropy')).toBe('binary');
      expect(targetEncodingFor(binary, 2, 'categorical_crossentropy')).toBe('onehot');
      expect(targetEncodingFor(binary, 2, 'sparse_categorical_crossentropy')).toBe('integer');
      expect(targetEncodingFor(iris, 3, 'sparse_categorical_crossentropy')).toBe('integer');
      expect(targetEncodingFor({ ...iris, task: 'regression', encoding: 'regression' }, 1, 'mean_squared_error')).toBe('regression');
    });

    it('name a loss that cannot train the output', () => {
      expect(lossProblem(binary, 1, 'categorical_crossentropy')).toBe('an output of 1 unit needs binary_crossentropy, not categorical_crossentropy');
      expect(lossProblem(binary, 2, 'categorical_crossentropy')).toBeNull();
      expect(lossProblem(binary, 1, 'binary_crossentropy')).toBeNull();
      expect(lossProblem(iris, 3, 'mean_squared_error')).toBe(
        'mean_squared_error is a regression loss, but the target has 3 classes; use categorical_crossentropy',
      );
    });
  });

  it('wires the CNN template to 8x8 digits in one step', () => {
    const g = digitsCnn(10);
    const sig: DataSignature = { featureShape: [28, 28, 1], task: 'classification', classes: 3, encoding: 'onehot' };
    const wired = wireModel(g, analyze(g), sig);
    expect(check(wired, sig)).toEqual([]);
    expect(wired.nodes.at(-1)?.params.units).toBe(3);
  });
});
