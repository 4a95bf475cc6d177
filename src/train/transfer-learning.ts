/**
 * Transfer learning in Node, for the accuracy test, the bench and the README's numbers: the
 * pretrained digits base with a new Dense head, trained frozen on a small image set, against the
 * same graph trained from scratch. The app trains the same way in its worker.
 */
import { pickRows } from '../data/features';
import type * as tfjs from '@tensorflow/tfjs';
import { GraphBuilder } from '../analysis/builder';
import { setTrainable } from '../analysis/ops';
import { digitsCnnBase } from '../analysis/templates';
import { toTfjsModel } from '../compile/to-tfjs';
import type { Dataset, SplitDataset } from '../data/types';
import type { Graph } from '../graph/types';
import type { NamedWeight } from '../graph/inline-weights';
import type { Tf } from '../layers/layer-spec';
import { layeredLayout } from '../graph/layout';
import { trainingConfigSchema } from '../settings/training';
import type { TrainingConfig } from '../settings/training';
import { runTraining, seededBuild } from './run-training';

/** The settings both runs use: 20 epochs, batch 16, Adam 0.001, the app's seed. */
export const TRANSFER_CONFIG: TrainingConfig = trainingConfigSchema.parse({ epochs: 20, batchSize: 16, learningRate: 0.001 });

/** {@link digitsCnnBase}'s layers, then Dense(classes, softmax): its layer names match the base's. */
export function digitsBaseWithHead(classes: number): Graph {
  const base = digitsCnnBase();
  const b = new GraphBuilder();
  let last = b.input([28, 28, 1]);
  for (const node of base.nodes.slice(1)) last = b.add(node.kind, node.params, last);
  b.add('Dense', { units: classes, activation: 'softmax' }, last);
  const graph = layeredLayout(b.graph);
  const names = graph.nodes.slice(0, base.nodes.length).map((n) => n.name);
  if (names.join() !== base.nodes.map((n) => n.name).join()) throw new Error(`the head's graph renamed the base's layers: ${names.join(', ')}`);
  return graph;
}

/**
 * Sets `weights` (`<layer>/<param>`, some of the model's layers) on those layers; the others keep
 * theirs. Each named layer must get all its weights, in its own shapes.
 */
export function setLayerWeights(tf: Tf, model: tfjs.LayersModel, weights: readonly NamedWeight[]): void {
  const byLayer = new Map<string, NamedWeight[]>();
  for (const w of weights) {
    const layer = w.name.slice(0, w.name.lastIndexOf('/'));
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), w]);
  }
  for (const [name, ws] of byLayer) {
    const layer = model.getLayer(name);
    const want = layer.weights.map((v) => v.originalName);
    const got = ws.map((w) => w.name);
    if (want.join() !== got.join()) throw new Error(`layer ${name} takes ${want.join(', ')}; got ${got.join(', ')}`);
    const tensors = ws.map((w) => tf.tensor(w.values, [...w.shape]));
    try {
      layer.setWeights(tensors);
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  }
}

/** The first `perClass` samples of each class of a one-hot classification dataset, in order. */
export function firstPerClass(data: Dataset, perClass: number): Dataset {
  const classes = data.targetShape[0] ?? 0;
  const size = data.featureShape.reduce((a, b) => a * b, 1);
  const seen = new Array<number>(classes).fill(0);
  const kept: number[] = [];
  for (let i = 0; i < data.count; i++) {
    const label = data.y.subarray(i * classes, (i + 1) * classes).indexOf(1);
    if (label < 0) throw new Error(`sample ${i} has no one-hot class`);
    if ((seen[label] = (seen[label] ?? 0) + 1) <= perClass) kept.push(i);
  }
  const x = pickRows(data.x, size, kept);
  const y = new Float32Array(kept.length * classes);
  kept.forEach((i, k) => y.set(data.y.subarray(i * classes, (i + 1) * classes), k * classes));
  return { ...data, x, y, count: kept.length };
}

/** Both runs' last validation accuracy. */
export interface TransferResult {
  readonly pretrained: number;
  readonly scratch: number;
}

/**
 * Trains the base with a new head on `data` twice with the same settings and seed: once from the
 * pretrained weights with the base frozen, once from fresh weights with every layer trainable.
 */
export async function compareTransfer(tf: Tf, data: SplitDataset, baseWeights: readonly NamedWeight[], config = TRANSFER_CONFIG): Promise<TransferResult> {
  const classes = data.train.classNames?.length ?? data.train.targetShape[0] ?? 0;
  const graph = digitsBaseWithHead(classes);
  const baseIds = graph.nodes.slice(0, digitsCnnBase().nodes.length).map((n) => n.id);
  const frozen = setTrainable(graph, baseIds, false);
  const model = seededBuild(config.seed, () => toTfjsModel(tf, frozen));
  setLayerWeights(tf, model, baseWeights);
  const accuracy = async (request: Parameters<typeof runTraining>[1]) => {
    const result = await runTraining(tf, request);
    result.model.dispose();
    if (result.status !== 'completed') throw new Error(`training ended ${result.status}: ${result.message ?? ''}`);
    return result.history.val_accuracy?.at(-1) ?? NaN;
  };
  const pretrained = await accuracy({ graph: frozen, config, data, model });
  const scratch = await accuracy({ graph, config, data });
  return { pretrained, scratch };
}
