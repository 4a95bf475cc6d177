import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FittedPreprocessing } from '../data/types';
import { GraphBuilder } from '../analysis/builder';
import { seedExample } from '../analysis/templates';
import { loadModelFiles } from './model-files';
import { toTfjsModel } from './to-tfjs';
import { exportFreshModel, exportModelJson, fixTopology, GENERATED_BY, saveArtifacts, zipModel } from './tfjs-export';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PREPROCESSING: FittedPreprocessing = {
  version: 1,
  features: [{ kind: 'scale', name: 'petal_length', fill: 3.7, offset: 3.7, scale: 1.76 }],
  featureNames: ['petal_length'],
  target: { name: 'species', encoding: 'onehot', classes: ['setosa', 'versicolor', 'virginica'] },
};

function separableGraph() {
  const b = new GraphBuilder();
  b.chain(b.input([8, 8, 3]), ['SeparableConv2D', { filters: 4, kernel_size: [3, 3], depth_multiplier: 3 }], ['Flatten'], ['Dense', { units: 2 }]);
  return b.graph;
}

describe('exportModelJson', () => {
  it('writes what tfjs writes, as Netloom, with metadata and one shard', async () => {
    const graph = seedExample(4, 3);
    const model = toTfjsModel(tf, graph);
    const artifacts = await saveArtifacts(tf, model);
    const metadata = { preprocessing: PREPROCESSING, classNames: ['setosa', 'versicolor', 'virginica'], project: 'Iris' };
    const files = exportModelJson(artifacts, { graph, metadata });
    const json = JSON.parse(files.modelJson) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'generatedBy', 'convertedBy', 'modelTopology', 'weightsManifest', 'userDefinedMetadata']);
    expect(json).toMatchObject({ format: 'layers-model', generatedBy: GENERATED_BY, convertedBy: null });
    expect(json.weightsManifest).toEqual([{ paths: ['./model.weights.bin'], weights: artifacts.weightSpecs }]);
    expect(json.userDefinedMetadata).toEqual({ netloom: { version: 1, ...metadata } });
    expect(files.weights).toEqual(new Uint8Array(artifacts.weightData as ArrayBuffer));

    // tfjs accepts the block and hands it back on the loaded model.
    const { modelTopology, weightsManifest, userDefinedMetadata } = json as unknown as tf.io.ModelJSON;
    const weightSpecs = weightsManifest.flatMap((g) => g.weights);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData: files.weights.slice().buffer, userDefinedMetadata }));
    expect(loaded.getUserDefinedMetadata()).toEqual(json.userDefinedMetadata);
    [model, loaded].forEach((m) => m.dispose());
  });

  it('joins weight data that comes as several buffers and honours the weights file name', () => {
    const specs = [
      { name: 'a/kernel', shape: [2], dtype: 'float32' as const },
      { name: 'a/bias', shape: [1], dtype: 'float32' as const },
    ];
    const parts = [new Float32Array([1, 2]).buffer, new Float32Array([3]).buffer];
    const topology = { class_name: 'Sequential', config: { name: 's', layers: [] } };
    const files = exportModelJson(
      { modelTopology: topology, weightSpecs: specs, weightData: parts },
      { graph: { nodes: [], edges: [] }, weightsFileName: 'iris.bin' },
    );
    expect(Array.from(new Float32Array(files.weights.buffer))).toEqual([1, 2, 3]);
    expect((JSON.parse(files.modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]?.paths).toEqual(['./iris.bin']);
    expect(() => exportModelJson({ modelTopology: topology, weightSpecs: specs, weightData: parts.slice(0, 1) }, { graph: { nodes: [], edges: [] } })).toThrow(
      'weight specs describe 12 bytes but the data has 8',
    );
  });

  it('writes back the depth_multiplier tfjs forgets, also inside a converter-style model_config', async () => {
    const graph = separableGraph();
    const files = await exportFreshModel(tf, graph);
    const layers = (JSON.parse(files.modelJson) as { modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } } })
      .modelTopology.config.layers;
    expect(layers.find((l) => l.class_name === 'SeparableConv2D')?.config.depth_multiplier).toBe(3);

    const wrapped = {
      model_config: {
        class_name: 'Model',
        config: { layers: [{ name: 'separable_conv2d_1', class_name: 'SeparableConv2D', config: { name: 'separable_conv2d_1' } }] },
      },
    };
    const fixed = fixTopology(wrapped, graph) as typeof wrapped;
    expect(fixed.model_config.config.layers[0]?.config).toEqual({ name: 'separable_conv2d_1', depth_multiplier: 3 });
    expect(wrapped.model_config.config.layers[0]?.config).toEqual({ name: 'separable_conv2d_1' });
  });
});

describe('exportFreshModel and zipModel', () => {
  it('exports an untrained graph that tfjs loads with the right weight count, zipped as two files', async () => {
    const graph = separableGraph();
    const files = await exportFreshModel(tf, graph, { project: 'Sep' });
    const loaded = await loadModelFiles(tf, files);
    expect(files.weights.byteLength).toBe(loaded.countParams() * 4);
    expect(loaded.countParams()).toBe(3 * 3 * 3 * 3 + 9 * 4 + 4 + 6 * 6 * 4 * 2 + 2);
    loaded.dispose();

    const unzipped = unzipSync(zipModel(files));
    expect(Object.keys(unzipped).sort()).toEqual(['model.json', 'model.weights.bin']);
    expect(strFromU8(unzipped['model.json'] as Uint8Array)).toBe(files.modelJson);
    expect(unzipped['model.weights.bin']).toEqual(files.weights);
  });
});
