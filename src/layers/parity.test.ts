import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../analysis/builder';
import { toTfjsModel } from '../compile/to-tfjs';
import { digitsCnn, lstmTextClassifier, residualBlock, seedExample } from '../analysis/templates';
import type { Graph } from '../graph/types';
import { LAYER_KINDS } from '../graph/layer-kinds';
import { PARITY_CASES, TFJS_SERIALISATION_GAPS } from './parity-cases';
import type { ParityCase } from './parity-cases';
import { defaultParams } from './params';
import { layerSpec } from './registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const weightCount = (weights: readonly tf.LayerVariable[]) => weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);

function buildCase(row: ParityCase): { graph: Graph; layerId: string } {
  const b = new GraphBuilder();
  const inputs = row.inputs.map((shape) => b.input(shape));
  const layerId = b.add(row.kind, row.params, ...inputs);
  return { graph: b.graph, layerId };
}

const label = (row: ParityCase) => `${row.kind} ${JSON.stringify(row.params)} on ${JSON.stringify(row.inputs)}`;

describe('layer parity with tfjs', () => {
  it('has at least one row per layer kind', () => {
    const covered = new Set(PARITY_CASES.map((r) => r.kind));
    expect(LAYER_KINDS.filter((k) => k !== 'Input' && !covered.has(k))).toEqual([]);
  });

  it.each(PARITY_CASES.map((row) => [label(row), row] as const))('%s', (_label, row) => {
    const { graph, layerId } = buildCase(row);
    const analysis = analyze(graph);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const node = graph.nodes.find((n) => n.id === layerId);
    const ours = analysis.nodes[layerId];
    const model = toTfjsModel(tf, graph);
    const layer = model.getLayer(node?.name ?? '');

    // Shape and weight counts, exactly as tfjs builds them.
    expect(ours?.shape).toEqual(layer.outputShape);
    expect(ours?.params).toEqual({
      trainable: weightCount(layer.trainableWeights),
      nonTrainable: weightCount(layer.nonTrainableWeights),
    });
    expect(analysis.total.trainable + analysis.total.nonTrainable).toBe(model.countParams());

    // What tfjs serialises reads back as the same params: import stays faithful to export.
    const json = model.toJSON(null, false) as unknown as { config: { layers: { name: string; config: Record<string, unknown> }[] } };
    const saved = json.config.layers.find((l) => l.name === node?.name);
    const spec = layerSpec(row.kind);
    const gaps = Object.fromEntries((TFJS_SERIALISATION_GAPS[row.kind] ?? []).map((k) => [k, row.params[k]]));
    expect(spec.fromKeras({ ...saved?.config, ...gaps })).toEqual({ ...defaultParams(spec.params), ...row.params });
    model.dispose();
  });
});

describe('model parity with tfjs', () => {
  it.each([
    ['Keras seed example', seedExample(4, 3), 4 * 64 + 64 + 64 * 3 + 3],
    ['small CNN', digitsCnn(10), 160 + 4640 + 800 * 64 + 64 + 650],
    ['LSTM text classifier', lstmTextClassifier(5000, 100, 2), 5000 * 32 + 4 * (32 * 32 + 32 * 32 + 32) + 66],
    ['residual block with Add', residualBlock(10), 3 * (3 * 3 * 3 * 16 + 16) - 2 * 3 * 3 * 3 * 16 + 2 * 3 * 3 * 16 * 16 + 170],
  ] as const)('%s', (_name, graph, total) => {
    const analysis = analyze(graph);
    expect(analysis.diagnostics).toEqual([]);
    const model = toTfjsModel(tf, graph);
    for (const node of graph.nodes) {
      const layer = model.getLayer(node.name);
      expect([node.name, analysis.nodes[node.id]?.shape]).toEqual([node.name, layer.outputShape]);
      expect(analysis.nodes[node.id]?.params.trainable).toBe(weightCount(layer.trainableWeights));
    }
    expect(analysis.total.trainable + analysis.total.nonTrainable).toBe(model.countParams());
    expect(model.countParams()).toBe(total);
    model.dispose();
  });
});
