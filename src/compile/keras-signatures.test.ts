/**
 * Every Keras line Netloom writes, checked against Keras 3's own signatures
 * (`keras3-signatures.json`, written by `scripts/keras-signatures.py` from an installed Keras):
 * each layer kind at its defaults and every row of the parity table, so new kinds and rows are
 * covered the day they land, plus the optimizers, losses and callbacks of the script.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParamValue } from '../graph/types';
import { LAYER_KINDS, layerSpec } from '../layers/registry';
import type { LayerKind } from '../layers/registry';
import { KERAS_ACTIVATION_FUNCTIONS } from '../layers/keras-activations';
import { ACTIVATIONS } from '../layers/keras-values';
import { PARITY_CASES } from '../layers/parity-cases';
import { defaultParams } from '../layers/params';
import { CALLBACKS, callbacksSchema } from '../settings/callbacks';
import { LOSSES, OPTIMIZERS, trainingConfigSchema } from '../settings/training';
import { checkKerasCall, definedClassSignature, type KerasSignatures } from './keras-signature-check';
import { callbackLines, compileLine } from './keras-python-model';
import { parsePython, type PyExpr } from './python-call';

const table = JSON.parse(readFileSync(new URL('./keras3-signatures.json', import.meta.url), 'utf8')) as KerasSignatures;
const definedNames = new Set(Object.values(KERAS_ACTIVATION_FUNCTIONS).map((f) => f.name));

function line(kind: LayerKind, params: Readonly<Record<string, ParamValue>>): string {
  const spec = layerSpec(kind);
  return spec.toKeras({ ...defaultParams(spec.params), ...params }, `${kind.toLowerCase()}_1`);
}

// Layers Keras 3 lacks (RandomWidth), which the script defines as classes of its own.
const definedClasses = Object.fromEntries(
  LAYER_KINDS.flatMap((k) => {
    const definition = layerSpec(k).kerasDefinition;
    return definition ? [[definition.name, definedClassSignature(definition.lines)] as const] : [];
  }),
);
const problems = (source: string) => checkKerasCall(parsePython(source), table, { definedNames, definedClasses });

describe('the signature table', () => {
  it('comes from Keras 3 and holds every layer class with its base keywords', () => {
    expect(table.keras_version).toMatch(/^3\./);
    expect(table.callables['layers.Dense']?.params[0]).toMatchObject({ name: 'units', kind: 'positional-or-keyword', required: true });
    expect(table.base_layer.map((p) => p.name)).toEqual(expect.arrayContaining(['name', 'trainable', 'dtype']));
    expect(table.names.activations).toContain('hard_sigmoid');
    expect(table.names.activations).not.toContain('gelu_new');
  });
});

describe('every layer kind at its defaults fits Keras 3', () => {
  it.each([...LAYER_KINDS])('%s', (kind) => {
    const source = line(kind, {});
    expect(problems(source), source).toEqual([]);
  });
});

describe('every parity row fits Keras 3', () => {
  it.each(PARITY_CASES.map((row) => [`${row.kind} ${JSON.stringify(row.params)}`, row] as const))('%s', (_label, row) => {
    const source = line(row.kind, row.params);
    expect(problems(source), source).toEqual([]);
  });
});

describe('every activation Netloom offers is a Keras 3 name or a function the script defines', () => {
  it.each([...ACTIVATIONS])('%s', (activation) => {
    for (const source of [line('Dense', { activation }), line('Activation', { activation }), line('SimpleRNN', { activation })]) {
      expect(problems(source), source).toEqual([]);
    }
  });
});

describe('the checker catches what Keras would refuse', () => {
  it.each([
    ['layers.Dens(3)', 'layers.Dens is not in Keras'],
    ['layers.Dropout(0.5, 1, 2, 3)', 'takes at most 3 positional arguments'],
    ['layers.Dense(3, input_length=4)', 'has no parameter input_length'],
    ['layers.Dense(units=3, units=4)', 'gets units twice'],
    ['layers.Dense()', 'needs units'],
    ['layers.Dense("3")', 'is str, but Keras takes int'],
    ['layers.Dense(3, activation="gelu_new")', '"gelu_new", which Keras 3 does not know'],
    ['layers.Dense(3, activation=my_gelu)', 'names my_gelu, which the script does not define'],
    ['layers.Conv2D(8, (3, 3, 3))', 'has 3 items, but Keras takes 2'],
    ['layers.Conv2D(8, ((1, 1), (2, 2)))', 'is nested tuple'],
    ['layers.Conv2D(8, 3, padding="full")', '"full", which Keras 3 does not know'],
    ['layers.Dense(3, kernel_regularizer=keras.regularizers.L2(l3=0.1))', 'keras.regularizers.L2 has no parameter l3'],
    ['layers.Bidirectional(layers.LSTM(4, merge_mode="sum"))', 'layers.LSTM has no parameter merge_mode'],
  ])('%s', (source, expected) => {
    expect(problems(source).join('\n')).toContain(expected);
  });

  it('accepts nested padding, None shapes, base keywords and the functions the script defines', () => {
    expect(problems('layers.ZeroPadding2D(((1, 2), (3, 4)), name="z", trainable=False, dtype="float32")')).toEqual([]);
    expect(problems('keras.Input(shape=(None, None, 3), name="image")')).toEqual([]);
    const [fn] = definedNames;
    expect(problems(`layers.LSTM(8, recurrent_activation=${fn ?? 'x'})`)).toEqual([]);
  });
});

describe('the rest of the script fits Keras 3', () => {
  const training = (config: object) => trainingConfigSchema.parse(config);
  /** The keyword values of `model.compile(...)`, each a call or a literal to check on its own. */
  const compileArgs = (source: string): readonly { name: string; value: PyExpr }[] => {
    const expr = parsePython(source.replace(/^model\.compile/, 'keras.Model.compile'));
    expect(checkKerasCall(expr, table), source).toEqual([]);
    return expr.kind === 'call' ? expr.kwargs : [];
  };

  it.each([...OPTIMIZERS])('optimizer %s, with each loss', (optimizer) => {
    for (const loss of LOSSES) {
      const args = compileArgs(compileLine(training({ optimizer, loss, momentum: 0.9 }), 1));
      const lossArg = args.find((a) => a.name === 'loss')?.value;
      if (lossArg?.kind === 'str') expect(table.names.losses).toContain(lossArg.value);
    }
  });

  it('callbacks', () => {
    // Every declared argument, min_delta included, at a value that is not its default.
    const lines = callbackLines(
      callbacksSchema.parse({
        earlyStopping: { enabled: true, monitor: 'val_accuracy', patience: 4, restoreBestWeights: false, minDelta: 0.01 },
        reduceLrOnPlateau: { enabled: true, monitor: 'loss', factor: 0.2, patience: 2, minLr: 1e-5, minDelta: 0.001 },
      }),
    );
    const calls = lines.filter((l) => l.trim().startsWith('keras.')).map((l) => l.trim().replace(/,$/, ''));
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(problems(call), call).toEqual([]);
  });

  // The script leaves out an argument at its default, so that default must be Keras's own.
  it.each(Object.values(CALLBACKS).map((c) => [c.kerasClass, c] as const))(
    '%s arguments left out at their defaults are at Keras 3’s',
    (kerasClass, callback) => {
      const params = table.callables[`keras.callbacks.${kerasClass}`]?.params ?? [];
      expect(params.length, kerasClass).toBeGreaterThan(0);
      for (const spec of Object.values(callback.settings)) {
        if (spec.keras === undefined || spec.alwaysEmit === true) continue;
        expect(params.find((p) => p.name === spec.keras)?.default, `${kerasClass}(${spec.keras})`).toBe(spec.default);
      }
    },
  );
});
