import { describe, expect, it } from 'vitest';
import { PySyntaxError, parsePython } from './python-call';

describe('parsePython', () => {
  it('reads nested calls, keywords, tuples, lists and literals', () => {
    expect(parsePython('layers.Bidirectional(layers.LSTM(32, dropout=0.5), name="x", merge_mode=None)')).toEqual({
      kind: 'call',
      callee: 'layers.Bidirectional',
      args: [{ kind: 'call', callee: 'layers.LSTM', args: [{ kind: 'int', value: 32 }], kwargs: [{ name: 'dropout', value: { kind: 'float', value: 0.5 } }] }],
      kwargs: [
        { name: 'name', value: { kind: 'str', value: 'x' } },
        { name: 'merge_mode', value: { kind: 'none' } },
      ],
    });
    expect(parsePython('f((1,), (2), (), ((1, 2), (3, 4)), [True, False], -1e-06, act)')).toMatchObject({
      args: [
        { kind: 'tuple', items: [{ kind: 'int', value: 1 }] },
        { kind: 'int', value: 2 },
        { kind: 'tuple', items: [] },
        { kind: 'tuple', items: [{ kind: 'tuple' }, { kind: 'tuple' }] },
        {
          kind: 'list',
          items: [
            { kind: 'bool', value: true },
            { kind: 'bool', value: false },
          ],
        },
        { kind: 'float', value: -1e-6 },
        { kind: 'name', name: 'act' },
      ],
    });
    expect(parsePython(String.raw`f("a \"b\"", 'c\'d')`)).toMatchObject({ args: [{ value: 'a "b"' }, { value: "c'd" }] });
    expect(parsePython('keras.regularizers.L1L2(l1=0.01, l2=0.1,)')).toMatchObject({
      callee: 'keras.regularizers.L1L2',
      kwargs: [{ name: 'l1' }, { name: 'l2' }],
    });
  });

  it.each([
    ['f(a=1, 2)', 'a positional argument follows a keyword argument'],
    ['f(1', 'expected ")"'],
    ['f(1) + 2', 'unexpected "+"'],
    ['f(1) g', 'unexpected text after the expression'],
    ['f(1, {2})', 'unexpected "{"'],
  ])('refuses %s', (source, message) => {
    expect(() => parsePython(source)).toThrow(PySyntaxError);
    expect(() => parsePython(source)).toThrow(message);
  });
});
