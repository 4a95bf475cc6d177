/**
 * What the training worker does, as a plain module that also runs in Node tests: it starts a
 * backend, keeps the dataset the page sent, runs one training run at a time, and predicts with,
 * reads the attention weights of and exports the current model (the last run's, or weights the
 * page sent). All its state lives in the service object; the worker file only hands it messages
 * and the browser's powers.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { exportModelJson, saveArtifacts } from '../compile/tfjs-export';
import { applyWeights } from '../compile/tfjs-import';
import type { SplitDataset } from '../data/types';
import { modelKey } from '../graph/model-key';
import type { Tf } from '../layers/layer-spec';
import { assertNever } from '../lib/assert-never';
import { attentionWeights } from './attention-weights';
import type { BackendFacts } from './backend';
import type { TrainRequest, TrainResponse } from './protocol';
import { runProgress } from './run-progress';
import { runPhases } from './fine-tune';
import { createTrainerBackends, defaultBackendOps } from './trainer-backends';
import type { BackendOps } from './trainer-backends';
import { carryWeights, freshModel, predictSamples, predictWith, weightValues } from './trainer-models';
import type { CarriedWeights } from './trainer-models';
import { seededBuild } from './run-training';
import { createInsightSampler, snapshotBuffers, takeSnapshot } from './insight-sampler';
import type { InsightSampler } from './insight-sampler';
import { toTfjsModel } from '../compile/to-tfjs';
import type { WasmPaths } from './wasm-paths';

/** Sends a message to the page, transferring the listed buffers. */
export type TrainerPost = (message: TrainResponse, transfer?: ArrayBufferLike[]) => void;

/** What the host gives the service: the browser's facts and powers in the worker, stand-ins in tests. */
export interface TrainerDeps {
  /** What the host offers for tfjs (`probeBackendFacts` in the worker). */
  readonly probeFacts: () => Promise<BackendFacts>;
  /** Where the wasm binaries are, for the real backend calls. */
  readonly wasmPaths?: WasmPaths;
  /** Holds the Web Lock `name` for as long as the host lives and calls `onHeld` once it does; absent where there are no locks. */
  readonly holdLock?: (name: string, onHeld: () => void) => void;
  /** Replaces some of the real backend calls (`defaultBackendOps`): tests race a GPU that is not there. */
  readonly backends?: Partial<BackendOps>;
}

/** The training worker's state and its request handler. */
export interface TrainerService {
  /** Handles one request; resolves once everything it started is done (a run: once it ended). */
  handle(request: TrainRequest): Promise<void>;
  /** The id of the run in progress, or null. */
  readonly runningId: number | null;
}

type Req<T extends TrainRequest['type']> = Extract<TrainRequest, { type: T }>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A service with no backend started (plain JavaScript until `init`), no data and no model. */
export function createTrainerService(tf: Tf, post: TrainerPost, deps: TrainerDeps): TrainerService {
  const backends = createTrainerBackends(tf, { ...defaultBackendOps(tf, deps.wasmPaths), ...deps.backends }, post);
  let ready: Promise<void> = Promise.resolve();
  /** Settles once weights sent by the page are the current model: predict, export and train wait for it. */
  let weightsLoaded: Promise<void> = Promise.resolve();
  const datasets = new Map<string, SplitDataset>();
  /** The model predict and export use, and the one a run may continue from. */
  let current: { model: tfjs.LayersModel; graphKey: string } | undefined;
  /** The model a continued run trains, which weights sent meanwhile must not dispose. */
  let inUse: tfjs.LayersModel | undefined;
  let stopRequested: number | null = null;
  /** One run at a time: each swaps Math.random for its seeded stream. */
  let runningId: number | null = null;
  /** The views of the run in progress, when it was started with them on. */
  let views: { runId: number; sampler: InsightSampler } | undefined;

  const setCurrent = (next: typeof current) => {
    if (current && current.model !== next?.model && current.model !== inUse) current.model.dispose();
    current = next;
  };

  /** The run's graph built with its seed, with every layer it shares with `from` (by name and shapes) set from it. */
  function carryInto(req: Req<'train'>, from: tfjs.LayersModel): { model: tfjs.LayersModel; weights: CarriedWeights } {
    const model = seededBuild(req.config.seed, () => toTfjsModel(tf, req.graph));
    return { model, weights: carryWeights(from, model) };
  }

  async function train(req: Req<'train'>): Promise<void> {
    await ready;
    await weightsLoaded;
    const data = datasets.get(req.datasetId);
    if (!data) throw new Error('the training data did not reach the worker; train again');
    const key = modelKey(req.graph);
    await backends.prepareFor(req.graph, key, req.config, data);
    if (stopRequested === req.runId) {
      // Stopped while the backend was checked: nothing trained, the current model stays.
      post({ type: 'done', runId: req.runId, status: 'stopped', epochsRun: 0 });
      return;
    }
    const same = req.from === 'current' && current?.graphKey === key ? current.model : undefined;
    // Another graph (a new head on a pretrained base) goes on from the layers it shares by name.
    const carry = req.from === 'current' && !same && current ? carryInto(req, current.model) : undefined;
    const continueFrom = same ?? carry?.model;
    // A fresh run frees the old model first: a large one may not fit twice.
    if (!same) setCurrent(undefined);
    // Before 'started', so that options the page sends on it reach the sampler.
    const sampler = req.insight
      ? createInsightSampler(tf, data, req.insight, (snapshot) => post({ type: 'insight', runId: req.runId, snapshot }, snapshotBuffers(snapshot)))
      : undefined;
    if (sampler) views = { runId: req.runId, sampler };
    // Epochs count on only from the very model they were counted for.
    const initialEpoch = same ? (req.initialEpoch ?? 0) : 0;
    post({
      type: 'started',
      runId: req.runId,
      epochs: req.config.epochs + (req.fineTune?.epochs ?? 0),
      batchesPerEpoch: Math.ceil(data.train.count / req.config.batchSize),
      samples: data.train.count,
      initialEpoch,
      ...(carry ? { carried: { layers: carry.weights.carried, fresh: carry.weights.fresh } } : {}),
    });
    const progress = runProgress(req.runId, post);
    inUse = continueFrom;
    const hooks = { ...progress.hooks, shouldStop: () => stopRequested === req.runId, ...sampler?.hooks };
    const result = await runPhases(tf, { ...req, initialEpoch }, data, continueFrom, hooks, (epoch, unfrozen) => {
      progress.flush();
      post({ type: 'phase', runId: req.runId, epoch, unfrozen });
    }).finally(() => {
      inUse = undefined;
      sampler?.dispose();
      views = undefined;
    });
    progress.flush();
    setCurrent({ model: result.model, graphKey: key });
    const outputs =
      data.validation.count > 0 && result.status !== 'diverged' ? predictSamples(tf, result.model, data.validation.x, data.validation.count) : undefined;
    // The weights go to the page too, which keeps them with the project (autosave, Save as).
    const weights = result.status === 'diverged' || result.status === 'failed' ? undefined : weightValues(result.model);
    post(
      {
        type: 'done',
        runId: req.runId,
        status: result.status,
        epochsRun: result.epochsRun,
        ...(result.message ? { message: result.message } : {}),
        ...(outputs ? { validationOutputs: outputs } : {}),
        ...(weights ? { weights } : {}),
      },
      [...(outputs ? [outputs.buffer] : []), ...(weights ?? []).map((w) => w.values.buffer)],
    );
  }

  async function runOne(req: Req<'train'>): Promise<void> {
    if (runningId !== null) {
      post({ type: 'done', runId: req.runId, status: 'failed', epochsRun: 0, message: 'Training failed: another run is still going; stop it first' });
      return;
    }
    runningId = req.runId;
    // A Stop that comes while the run waits for its backend counts: it is reset here, not later.
    stopRequested = null;
    try {
      await train(req);
    } catch (e) {
      post({ type: 'done', runId: req.runId, status: 'failed', epochsRun: 0, message: `Training failed: ${errorText(e)}` });
    } finally {
      runningId = null;
    }
  }

  async function predict(req: Req<'predict'>): Promise<void> {
    await weightsLoaded;
    try {
      if (!current) throw new Error('train the model first');
      const output = predictWith(tf, current.model, req.x, req.count);
      post({ type: 'prediction', requestId: req.requestId, output }, [output.buffer]);
    } catch (e) {
      post({ type: 'prediction', requestId: req.requestId, output: new Float32Array(0), error: errorText(e) });
    }
  }

  async function attention({ requestId, x }: Req<'attention'>): Promise<void> {
    await weightsLoaded;
    try {
      if (!current) throw new Error('train the model first');
      const layers = attentionWeights(tf, current.model, x);
      post(
        { type: 'attention-weights', requestId, layers },
        layers.map((l) => l.weights.buffer),
      );
    } catch (e) {
      post({ type: 'attention-weights', requestId, layers: [], error: errorText(e) });
    }
  }

  /** One snapshot of the views from the current model, on the dataset the page sent last. */
  async function insight({ requestId, options }: Req<'insight'>): Promise<void> {
    await weightsLoaded;
    try {
      if (!current) throw new Error('train the model first');
      const data = [...datasets.values()][0];
      if (!data) throw new Error('the data did not reach the worker; train again');
      const snapshot = await takeSnapshot(tf, current.model, data, options);
      post({ type: 'insight-answer', requestId, snapshot }, snapshotBuffers(snapshot));
    } catch (e) {
      post({ type: 'insight-answer', requestId, error: errorText(e) });
    }
  }

  /** The current model's files when it was built from this graph, else a freshly initialised one's. */
  async function exportModel({ requestId, graph, metadata }: Req<'export'>): Promise<void> {
    try {
      await ready;
      await weightsLoaded;
      const trainedHere = current?.graphKey === modelKey(graph) ? current.model : undefined;
      const model = trainedHere ?? freshModel(tf, graph);
      try {
        const files = exportModelJson(await saveArtifacts(tf, model), { graph, metadata });
        post({ type: 'exported', requestId, modelJson: files.modelJson, weights: files.weights, trained: trainedHere !== undefined }, [files.weights.buffer]);
      } finally {
        if (!trainedHere) model.dispose();
      }
    } catch (e) {
      post({ type: 'exported', requestId, trained: false, error: errorText(e) });
    }
  }

  function loadWeights({ requestId, graph, weights }: Req<'load-weights'>): Promise<void> {
    weightsLoaded = ready.then(() => {
      try {
        const model = freshModel(tf, graph);
        try {
          applyWeights(tf, model, weights);
        } catch (e) {
          model.dispose();
          throw e;
        }
        setCurrent({ model, graphKey: modelKey(graph) });
        post({ type: 'weights-loaded', requestId });
      } catch (e) {
        post({ type: 'weights-loaded', requestId, error: `The imported weights could not be used: ${errorText(e)}` });
      }
    });
    return weightsLoaded;
  }

  return {
    get runningId() {
      return runningId;
    },
    handle(req) {
      switch (req.type) {
        case 'init':
          if (req.lock !== undefined) deps.holdLock?.(req.lock, () => post({ type: 'holding-lock' }));
          ready = deps
            .probeFacts()
            .then((facts) => backends.start(facts, req.backend, req.wasmThreads))
            .catch((e: unknown) => post({ type: 'error', message: `No backend could start: ${errorText(e)}` }));
          return ready;
        case 'dataset':
          // One dataset at a time: the page sends a new one only when the old is no longer used.
          datasets.clear();
          datasets.set(req.datasetId, { train: { ...req.train }, validation: { ...req.validation } });
          return Promise.resolve();
        case 'train':
          return runOne(req);
        case 'stop':
          stopRequested = req.runId;
          return Promise.resolve();
        case 'predict':
          return predict(req);
        case 'attention':
          return attention(req);
        case 'export':
          return exportModel(req);
        case 'load-weights':
          return loadWeights(req);
        case 'insight-options':
          if (views?.runId === req.runId) views.sampler.setOptions(req.options);
          return Promise.resolve();
        case 'insight':
          return insight(req);
        default:
          return assertNever(req, 'training request');
      }
    },
  };
}
