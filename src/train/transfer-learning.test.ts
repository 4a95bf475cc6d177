import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digitsCnnBase, PRETRAINED_DIGITS_BASE } from '../analysis/templates';
import { toTfjsModel } from '../compile/to-tfjs';
import { weightsProblem } from '../compile/weights-fit';
import { loadImageDataset } from '../data/images/image-dataset';
import { nodeDecoder } from '../data/images/node-decode';
import { folderEntries } from '../data/node-files';
import type { Dataset } from '../data/types';
import { unpackWeights } from '../graph/inline-weights';
import type { Graph } from '../graph/types';
import { parseProjectFile } from '../project/project-file';
import { compareTransfer, digitsBaseWithHead, firstPerClass, setLayerWeights } from './transfer-learning';
import { startWasm } from './wasm-kernels/test-support';

const ROOT = join(import.meta.dirname, '../..');
const project = parseProjectFile(readFileSync(join(ROOT, 'public', PRETRAINED_DIGITS_BASE), 'utf8'), PRETRAINED_DIGITS_BASE);
const weights = project.weights ? unpackWeights(project.weights) : [];

/** A graph without its ids: layers as they are, edges by layer name. */
function structure(graph: Graph): unknown {
  const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return {
    nodes: graph.nodes.map(({ id: _id, ...n }) => n),
    edges: graph.edges.map((e) => [name.get(e.source), name.get(e.target), e.targetSlot]),
    groups: graph.groups ?? [],
  };
}

async function folder(name: string): Promise<Dataset> {
  const result = await loadImageDataset(await folderEntries(join(ROOT, 'e2e/fixtures/uci-digits', name)), { decoder: nodeDecoder, pickedFolder: true });
  expect(result.skipped).toEqual([]);
  return result.dataset;
}

beforeAll(startWasm);
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('the pretrained digits base (public/models, made by scripts/make-pretrained-base.ts)', () => {
  it("is the template's graph with trained weights for each of its layers that has any", () => {
    expect(structure(project.graph)).toEqual(structure(digitsCnnBase()));
    expect(weights.map((w) => [w.name, w.shape])).toEqual([
      ['conv2d_1/kernel', [3, 3, 1, 16]],
      ['conv2d_1/bias', [16]],
      ['conv2d_2/kernel', [3, 3, 16, 32]],
      ['conv2d_2/bias', [32]],
    ]);
    expect(weightsProblem(project.graph, weights)).toBeNull();
    // Trained, not fresh: a Glorot-initialised bias is all zeros.
    expect(weights[1]?.values.some((v) => v !== 0)).toBe(true);
  });

  it('sets its weights on a model with a new head, leaving the head as initialised', () => {
    const model = toTfjsModel(tf, digitsBaseWithHead(3));
    const head = model.layers
      .at(-1)
      ?.getWeights()
      .map((w) => Array.from(w.dataSync()));
    setLayerWeights(tf, model, weights);
    expect(Array.from(model.getLayer('conv2d_2').getWeights()[0]?.dataSync() ?? [])).toEqual(Array.from(weights[2]?.values ?? []));
    expect(
      model.layers
        .at(-1)
        ?.getWeights()
        .map((w) => Array.from(w.dataSync())),
    ).toEqual(head);
    expect(() => setLayerWeights(tf, model, weights.slice(0, 1))).toThrow('layer conv2d_1 takes conv2d_1/kernel, conv2d_1/bias; got conv2d_1/kernel');
    model.dispose();
  });

  it('frozen with a new head on 5 UCI digits a class, beats the same CNN trained from scratch on them by 10 points or more (300 held out)', async () => {
    const [all, validation] = await Promise.all([folder('train'), folder('test')]);
    expect([all.count, validation.count, all.featureShape]).toEqual([200, 300, [28, 28, 1]]);
    const train = firstPerClass(all, 5);
    expect(train.count).toBe(50);
    const before = tf.memory().numTensors;
    const { pretrained, scratch } = await compareTransfer(tf, { train, validation }, weights);
    expect(tf.memory().numTensors).toBe(before);
    expect(pretrained).toBeGreaterThanOrEqual(0.85);
    expect(pretrained - scratch).toBeGreaterThanOrEqual(0.1);
  }, 60_000);
});
