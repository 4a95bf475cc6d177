import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../analysis/builder';
import type { Graph } from '../graph/types';
import { PARITY_CASES, type ParityCase } from '../layers/parity-cases';
import { modelFiles } from './model-files';
import { exportModelJson, saveArtifacts } from './tfjs-export';
import { applyWeights, importLayersModel } from './tfjs-import';
import { toTfjsModel } from './to-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function buildCase(row: ParityCase): Graph {
  const b = new GraphBuilder();
  const inputs = row.inputs.map((shape) => b.input(shape));
  b.add(row.kind, row.params, ...inputs);
  return b.graph;
}

/** Weights away from their initial values (zero biases, unit gammas), so a lost one shows. */
function randomiseWeights(model: tf.LayersModel): void {
  for (const v of model.weights) {
    const variance = v.originalName.endsWith('moving_variance');
    const value = tf.randomUniform(v.shape as number[], variance ? 0.5 : -0.5, variance ? 1.5 : 0.5, 'float32', 7);
    v.write(value);
    value.dispose();
  }
}

/**
 * A batch of 3 per input, an unknown size taken as 6; Embedding reads whole-number ids below its
 * input_dim.
 */
function sampleInputs(row: ParityCase): tf.Tensor[] {
  return row.inputs.map((dims) => {
    const shape = dims.map((d) => d ?? 6);
    const x = tf.randomUniform([3, ...shape], row.kind === 'Embedding' ? 0 : -1, row.kind === 'Embedding' ? Number(row.params.input_dim) : 1);
    return row.kind === 'Embedding' ? tf.floor(x) : x;
  });
}

async function maxDiff(a: tf.LayersModel, b: tf.LayersModel, xs: tf.Tensor[]): Promise<number> {
  return tf
    .tidy(() => tf.max(tf.abs(tf.sub(a.predict(xs) as tf.Tensor, b.predict(xs) as tf.Tensor))))
    .data()
    .then((d) => d[0] ?? NaN);
}

const label = (row: ParityCase) => `${row.kind} ${JSON.stringify(row.params)}`;

describe('model.json round trip for every parity row', () => {
  it.each(PARITY_CASES.map((row) => [label(row), row] as const))('%s', async (_label, row) => {
    const graph = buildCase(row);
    const original = toTfjsModel(tf, graph);
    randomiseWeights(original);
    const files = exportModelJson(await saveArtifacts(tf, original), { graph });
    const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
    const xs = sampleInputs(row);

    // Netloom's own import: graph + weights, rebuilt and loaded by name.
    const imported = importLayersModel({ json, fileName: 'model.json', weightFiles: [{ name: 'model.weights.bin', bytes: files.weights }] });
    expect(imported.graph.nodes.map((n) => [n.kind, n.name, n.params])).toEqual(graph.nodes.map((n) => [n.kind, n.name, n.params]));
    // Netloom's own file carries nothing the graph does not keep.
    expect(imported.unkept).toEqual([]);
    const rebuilt = toTfjsModel(tf, imported.graph);
    applyWeights(tf, rebuilt, imported.weights ?? []);
    expect(await maxDiff(original, rebuilt, xs)).toBeLessThan(1e-5);

    // tfjs's own loader reads the exported file as the same model.
    const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
    const weightData = files.weights.slice().buffer;
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
    expect(await maxDiff(original, loaded, xs)).toBeLessThan(1e-5);

    tf.dispose(xs);
    [original, rebuilt, loaded].forEach((m) => m.dispose());
  });
});

describe('SeparableConv2D depth_multiplier', () => {
  const row = PARITY_CASES.find((r) => r.kind === 'SeparableConv2D' && r.params.depth_multiplier === 2) as ParityCase;

  it('comes back as 2 from the exported model.json', async () => {
    const graph = buildCase(row);
    const model = toTfjsModel(tf, graph);
    const files = exportModelJson(await saveArtifacts(tf, model), { graph });
    const imported = importLayersModel({ json: JSON.parse(files.modelJson), fileName: 'model.json' });
    expect(imported.graph.nodes.find((n) => n.kind === 'SeparableConv2D')?.params.depth_multiplier).toBe(2);
    model.dispose();
  });

  it('is lost from what tfjs writes by itself, and the import then refuses the weights, naming the layer', async () => {
    const graph = buildCase(row);
    const model = toTfjsModel(tf, graph);
    const files = await modelFiles(tf, model);
    const read = () =>
      importLayersModel({ json: JSON.parse(files.modelJson), fileName: 'model.json', weightFiles: [{ name: 'model.weights.bin', bytes: files.weights }] });
    expect(read).toThrow('model.json: its weights do not fit its model: layer "separable_conv2d_1" has 166 weight values in the file but the model needs 91');
    model.dispose();
  });

  it('refuses weights that do not fit shape by shape when building, naming the weight', async () => {
    const graph = buildCase(row);
    const model = toTfjsModel(tf, graph);
    const files = await modelFiles(tf, model);
    const imported = importLayersModel({ json: JSON.parse(files.modelJson), fileName: 'model.json' });
    const rebuilt = toTfjsModel(tf, imported.graph);
    const weights = model.weights.map((v) => ({
      name: v.originalName,
      shape: v.shape as number[],
      dtype: 'float32' as const,
      values: v.read().dataSync() as Float32Array,
    }));
    expect(() => applyWeights(tf, rebuilt, weights)).toThrow(
      'weight "separable_conv2d_1/depthwise_kernel" has shape [3, 3, 3, 2] but the model\'s "separable_conv2d_1/depthwise_kernel" is [3, 3, 3, 1]',
    );
    [model, rebuilt].forEach((m) => m.dispose());
  });
});
