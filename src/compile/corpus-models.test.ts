/**
 * The generated corpus (corpus/generated.ts): models no one tuned for Netloom, built with tfjs's
 * own API, one per layer class and per trait of real files. Each goes where the published models
 * go: every weight must matter to the outputs, the import must match tfjs layer by layer, and
 * what the app and the CLI export from it must load in plain tfjs and predict as the original.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kindForKerasClass } from '../layers/registry';
import { appExport, cliExport, importModel, loadWithTfjs, maxDifference, summaryDifferences } from '../corpus/check-model';
import { sampleInputs, type CorpusModel } from '../corpus/corpus-model';
import { CORPUS_CASES, generatedModels } from '../corpus/generated';

type Check = 'weights' | 'summary' | 'app' | 'cli';

/**
 * Checks that fail because Netloom is wrong, by model id: `it.fails`, so the run stays green
 * while the bug is there and turns red once it is fixed. Each names the bug.
 */
const KNOWN_FAILURES: Readonly<Record<string, Partial<Record<Check, string>>>> = {
  // Netloom is channels-last only: the import refuses data_format="channels_first" (before it did,
  // it read (None, 2, 7, 6) as 7 x 6 images of 6 channels and failed on "kernel larger than input").
  'channels-first': { summary: 'channels_first refused', app: 'channels_first refused', cli: 'channels_first refused' },
};

let models: CorpusModel[] = [];
const originals = new Map<string, tf.LayersModel>();

beforeAll(async () => {
  await tf.setBackend('cpu');
  models = await generatedModels(tf);
  for (const m of models) {
    const loaded = await loadWithTfjs(tf, m.reference.json, m.reference.weightFiles).catch((e: unknown) => {
      throw new Error(`tfjs cannot load corpus model ${m.id} as it saved it: ${String(e)}`);
    });
    originals.set(m.id, loaded);
  }
}, 60_000);

const inputs = (m: CorpusModel) => sampleInputs(tf, m.samples, 3, 17);
const original = (m: CorpusModel) => originals.get(m.id) as tf.LayersModel;
const check = (id: string, which: Check) => (KNOWN_FAILURES[id]?.[which] === undefined ? it : it.fails);

/** Largest change in any output when `v` moves by a seeded draw in [-0.1, 0.1), restored after. */
function outputChange(model: tf.LayersModel, v: tf.LayerVariable, xs: tf.Tensor[]): number {
  const before = v.read().clone();
  const predict = () => [model.predict(xs)].flat() as tf.Tensor[];
  try {
    const base = predict();
    const shifted = tf.tidy(() => tf.add(before, tf.randomUniform(v.shape as number[], -0.1, 0.1, 'float32', 5)));
    v.write(shifted);
    shifted.dispose();
    const moved = predict();
    const change = Math.max(...base.map((t, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(t, moved[i] as tf.Tensor))).dataSync()[0] ?? 0)));
    tf.dispose([...base, ...moved]);
    return change;
  } finally {
    v.write(before);
    before.dispose();
  }
}

/** Every `class_name` in a topology, nested ones (an RNN's cells, a wrapper's layer) included. */
function classNames(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => classNames(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'class_name' && typeof v === 'string') out.add(v);
      else classNames(v, out);
    }
  }
  return out;
}

// Cells live inside an RNN layer, whose `cell` param Netloom reads them into.
const RNN_CELLS = ['LSTMCell', 'GRUCell', 'SimpleRNNCell', 'StackedRNNCells'];

it("has a model for every layer class in tfjs's registry that Netloom imports", () => {
  const registry = tf.serialization.SerializationMap.getMap().classNameMap;
  const layers = Object.keys(registry).filter((name) => (registry[name]?.[0].prototype as unknown) instanceof tf.layers.Layer);
  const wanted = layers.filter((name) => kindForKerasClass(name) !== undefined || RNN_CELLS.includes(name));
  const used = new Set(models.flatMap((m) => [...classNames(m.reference.json.modelTopology)]));
  expect(wanted.length).toBeGreaterThan(60);
  expect(wanted.filter((name) => !used.has(name))).toEqual([]);
});

// The models are built in beforeAll; describe.each needs their ids now, and the recipes name them.
describe.each(CORPUS_CASES.map((c) => [c.id, c.id] as const))('corpus model %s', (_label, id) => {
  const model = () => models.find((m) => m.id === id) as CorpusModel;

  check(id, 'weights')('has weights that each change the outputs', () => {
    const m = model();
    const xs = inputs(m);
    const still = original(m)
      .weights.filter((v) => outputChange(original(m), v, xs) < 1e-6)
      .map((v) => v.originalName);
    tf.dispose(xs);
    expect(still).toEqual([]);
  });

  check(id, 'summary')('imports with its weights and matches tfjs layer by layer', () => {
    const m = model();
    const imported = importModel(m.json, m.weightFiles, `${m.id}/model.json`);
    expect(imported.weights?.length).toBe(original(m).weights.length);
    expect(summaryDifferences(imported.graph, original(m))).toEqual([]);
  });

  check(id, 'app')('exports through the app (zip) and predicts as the original does', async () => {
    const m = model();
    const exported = await appExport(tf, importModel(m.json, m.weightFiles, 'model.json'));
    const loaded = await loadWithTfjs(tf, exported.json, exported.weightFiles);
    const xs = inputs(m);
    expect(maxDifference(tf, original(m), loaded, xs)).toBeLessThan(1e-5);
    tf.dispose(xs);
    loaded.dispose();
  });

  check(id, 'cli')('exports through the CLI (import, then export --format tfjs) and predicts as the original does', async () => {
    const m = model();
    const exported = await cliExport(tf, m.json, m.weightFiles);
    const loaded = await loadWithTfjs(tf, exported.json, exported.weightFiles);
    const xs = inputs(m);
    expect(maxDifference(tf, original(m), loaded, xs)).toBeLessThan(1e-5);
    tf.dispose(xs);
    loaded.dispose();
  });
});
