/**
 * What the trainer service's tests share: the service with its posts recorded, a small dataset and
 * small models that train in a fraction of a second on the cpu backend. Tests only.
 */
import * as tf from '@tensorflow/tfjs';
import { splitDataset } from '../data/split';
import { makeToy } from '../data/toy';
import type { SplitDataset } from '../data/types';
import { GraphBuilder } from '../analysis/builder';
import type { Graph } from '../graph/types';
import type { BackendFacts } from './backend';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import { trainingConfigSchema } from '../settings/training';
import type { TrainingConfig } from '../settings/training';
import type { BackendChoice, TrainRequest, TrainResponse } from './protocol';
import { createTrainerService } from './trainer-service';
import type { TrainerDeps, TrainerService } from './trainer-service';

/** What Node offers: no WebGPU, no WebGL. */
export const NODE_FACTS: BackendFacts = {
  webgpu: null,
  webgl: null,
  wasm: { simd: true, threadsPossible: false },
  crossOriginIsolated: false,
  hardwareConcurrency: 2,
};

/** XOR, 160 training and 40 validation samples of 2 features, one-hot targets of 2 classes. */
export const XOR: SplitDataset = splitDataset(makeToy('xor', { n: 200, noise: 0.05, seed: 1 }), { validation: 0.2, stratified: true, seed: 1 });

const graphs = new Map<number, Graph>();

/** 2 -> Dense(units, relu) -> Dense(2, softmax): the same graph (node ids and all) for the same units. */
export function mlp(units = 8): Graph {
  let graph = graphs.get(units);
  if (!graph) {
    const b = new GraphBuilder();
    b.chain(b.input([2]), ['Dense', { units, activation: 'relu' }], ['Dense', { units: 2, activation: 'softmax' }]);
    graph = b.graph;
    graphs.set(units, graph);
  }
  return graph;
}

/** A training config; `fields` override the defaults. */
export const config = (fields: Record<string, unknown> = {}): TrainingConfig => trainingConfigSchema.parse({ epochs: 2, batchSize: 16, ...fields });

/** The service with every message it posts recorded, and ways to send and await requests. */
export interface Harness {
  readonly service: TrainerService;
  readonly posted: TrainResponse[];
  /** The messages of one type, in order. */
  of<T extends TrainResponse['type']>(type: T): Extract<TrainResponse, { type: T }>[];
  /** Called with each message as it is posted, so a test can answer mid-run. */
  onPost: (message: TrainResponse) => void;
  send(request: TrainRequest): Promise<void>;
  /** Sends XOR as dataset `d1` and trains `graph` on it; resolves with the run's `done`. */
  train(runId: number, graph: Graph, fields?: Record<string, unknown>, from?: 'fresh' | 'current'): Promise<Extract<TrainResponse, { type: 'done' }>>;
}

/** A service on the cpu backend (Node's facts, user's choice `cpu`) unless `deps` say otherwise. */
export async function harness(deps: Partial<TrainerDeps> = {}, choice: BackendChoice = 'cpu'): Promise<Harness> {
  const posted: TrainResponse[] = [];
  const h: Harness = {
    service: createTrainerService(
      tf,
      (message) => {
        posted.push(message);
        h.onPost(message);
      },
      { probeFacts: () => Promise.resolve(NODE_FACTS), ...deps },
    ),
    posted,
    of: <T extends TrainResponse['type']>(type: T) => posted.filter((m): m is Extract<TrainResponse, { type: T }> => m.type === type),
    onPost: () => {},
    send: (request) => h.service.handle(request),
    async train(runId, graph, fields = {}, from = 'fresh') {
      await h.send({ type: 'dataset', datasetId: 'd1', train: XOR.train, validation: XOR.validation });
      await h.send({ type: 'train', runId, datasetId: 'd1', graph, config: config(fields), callbacks: DEFAULT_CALLBACKS, from });
      const done = h.of('done').find((m) => m.runId === runId);
      if (!done) throw new Error(`run ${runId} ended without done`);
      return done;
    },
  };
  await h.send({ type: 'init', backend: choice });
  return h;
}

/** The weights of a `done`, flattened in order. */
export const flat = (done: Extract<TrainResponse, { type: 'done' }>): number[] => (done.weights ?? []).flatMap((w) => [...w.values]);

/** The largest absolute difference between two equally long lists. */
export const maxDiff = (a: readonly number[], b: readonly number[]): number => {
  if (a.length !== b.length) return Infinity;
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - (b[i] ?? NaN))), 0);
};
