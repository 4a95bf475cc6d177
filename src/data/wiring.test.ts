import { describe, expect, it } from 'vitest';
import { analyze } from '../graph/analyze';
import { applyFix } from '../graph/ops';
import { digitsCnn, seedExample } from '../graph/templates';
import type { Graph } from '../graph/types';
import { dataDiagnostics, outputFor, wireModel } from './wiring';
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
    expect(d?.fix).toMatchObject({ param: 'units', value: 3 });
  });

  it('asks for sigmoid on a binary target and linear for regression', () => {
    expect(check(seedExample(4, 1), { ...iris, classes: 2, encoding: 'binary' })[0]?.fix).toMatchObject({ param: 'activation', value: 'sigmoid' });
    expect(outputFor({ ...iris, encoding: 'regression' })).toEqual({ units: 1, activation: 'linear', loss: 'mean_squared_error' });
    expect(outputFor({ ...iris, encoding: 'integer' }).loss).toBe('sparse_categorical_crossentropy');
  });

  it('wires the CNN template to 8x8 digits in one step', () => {
    const g = digitsCnn(10);
    const sig: DataSignature = { featureShape: [28, 28, 1], task: 'classification', classes: 3, encoding: 'onehot' };
    const wired = wireModel(g, analyze(g), sig);
    expect(check(wired, sig)).toEqual([]);
    expect(wired.nodes.at(-1)?.params.units).toBe(3);
  });
});
