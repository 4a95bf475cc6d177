import type { NetloomMetadata } from '../../src/compile/tfjs-metadata';
import type { WeightValues } from '../../src/compile/tfjs-weights';
import type { SplitDataset } from '../../src/data/types';
import type { Graph } from '../../src/graph/types';
import { assertNever } from '../../src/lib/assert-never';
import type { AttentionWeights } from '../../src/train/attention-weights';
import type { InsightOptions } from '../../src/train/insight-types';
import type { DatasetWire, TrainRequest, TrainResponse } from '../../src/train/protocol';
import { graphKeyOf, weightsFor, type ModelWeights } from '../store/model-weights';
import { useStore } from '../store/store';
import type { InsightLatest } from '../store/insight-slice';
import type { RunState } from '../store/training-slice';
import { insightSampleOf } from './insight-sample';
import { fittedOf } from '../../src/data/config';
import { createRequests, readAttention, readExport, readInsight, readPrediction, readWeightsLoaded } from './pending-requests';
import type { ExportedModel } from './pending-requests';
import { createRunMessages } from './run-messages';
import type { WasmThreadsParam } from './wasm-threads-param';

export type { ExportedModel } from './pending-requests';

/** The part of a Worker the client uses, so tests can hand it a fake one. */
export interface TrainingWorker {
  postMessage(message: TrainRequest, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { readonly data: TrainResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message: string }) => void): void;
}

/** How the client makes workers and learns that one ended. */
export interface TrainingClientOptions {
  createWorker(): TrainingWorker;
  /**
   * Resolves once the Web Lock `name` is free, which the worker holds for its life: a worker that
   * closed itself, crashed or was killed for memory fires no event the page could hear. Absent
   * where there are no Web Locks.
   */
  whenLockFree?(name: string): Promise<unknown>;
  /** How long Stop waits for the worker before it replaces it (default 1 s). */
  stopTimeoutMs?: number;
  /** How long a prediction or an export may take before it is given up (default 2 min). */
  requestTimeoutMs?: number;
  /** The page's `?wasm-threads=` choice for tfjs's threaded wasm build (default `auto`); a problem with it is shown once. */
  wasmThreads?: WasmThreadsParam;
}

/** The page's one way to the training worker: every request is answered or fails with a reason. */
export interface TrainingClient {
  /** Starts a run on `split` (sent once, then cached in the worker); progress arrives in the store. Returns the run id. */
  train(split: SplitDataset): number;
  /** Asks the run to stop; it does within one batch. A worker that does not answer is replaced. */
  stop(): void;
  /** Runs the model the store holds weights for (or the last run's) on `count` samples of x. */
  predict(x: Float32Array, count: number): Promise<Float32Array>;
  /** The same model's attention weights for one sample, per MultiHeadAttention layer; rejects with the worker's reason (no model, no attention layer). */
  attention(x: Float32Array): Promise<readonly AttentionWeights[]>;
  /** The run in progress samples the views with `options` from now on; nothing when no run is live. */
  insightOptions(options: InsightOptions): void;
  /** One sample of the views of the same model (no gradients), with where its sample sits; rejects with the worker's reason. */
  insight(options: InsightOptions): Promise<InsightLatest>;
  /** The model's files: its weights when the store or the last run has them for this graph, else fresh ones. */
  exportModel(metadata: NetloomMetadata): Promise<ExportedModel>;
  /**
   * Builds `graph`'s model in the worker and sets `weights` on it: resolves when each weight fits
   * its variable's shape, rejects naming the first that does not. Open calls it before it
   * replaces anything; the worker then holds the weights, so `loadImportedWeights` need not send them.
   */
  checkWeights(graph: Graph, weights: readonly WeightValues[]): Promise<void>;
  /**
   * Makes imported or opened weights the model's; the worker gets them before it next needs them.
   * `epochs`: how many epochs trained them, when the file says (a run continuing from them counts on).
   */
  loadImportedWeights(graph: Graph, weights: readonly WeightValues[], epochs?: number): void;
  /** Replaces the worker (a new backend choice applies only to a new one). */
  restart(): void;
  /** Starts the worker early, so the backend is chosen (and shown) before the first run. */
  warmUp(): void;
  /** How many requests wait for an answer. */
  readonly pending: number;
}

/** How long Stop waits for the worker before it replaces it. */
export const STOP_TIMEOUT_MS = 1000;
const STOP_TIMEOUT_MESSAGE =
  "The training worker did not answer Stop within a second, so it was restarted. The model and the data are as they were; this run's weights are lost (the last finished run's are kept).";
const KEPT = "The model, the data and the last finished run's weights are kept";

const isLive = (run: RunState | null): run is RunState => run?.status === 'running' || run?.status === 'starting';

const wire = (d: SplitDataset['train']): DatasetWire => ({
  // Copies go to the worker (and are transferred there): the page keeps its own for evaluation.
  x: d.x.slice(),
  y: d.y.slice(),
  count: d.count,
  featureShape: d.featureShape,
  targetShape: d.targetShape,
  task: d.task,
});

/** A client with no worker yet: the first request starts one. */
export function createTrainingClient(options: TrainingClientOptions): TrainingClient {
  const stopTimeoutMs = options.stopTimeoutMs ?? STOP_TIMEOUT_MS;
  let worker: TrainingWorker | undefined;
  let sentDataset: { split: SplitDataset; id: string } | undefined;
  /** The weights the worker holds as its current model (from a run, or sent to it), when known. */
  let workerWeights: ModelWeights | null = null;
  /** The weights the last successful `checkWeights` left in the worker. */
  let checked: readonly WeightValues[] | undefined;
  /** The split the latest run trains on, to score its validation outputs when it is done. */
  let runSplit: { runId: number; split: SplitDataset } | undefined;
  let nextId = 1;
  /** Whether the `wasmThreads` problem was shown: once per page, not per worker. */
  let warnedThreads = false;
  const runs = createRunMessages((runId) => (runSplit?.runId === runId ? runSplit.split : undefined));
  const requests = createRequests(options.requestTimeoutMs ?? 120_000, (runId, text) => useStore.getState().endRun(runId, 'failed', text));

  function ensureWorker(): TrainingWorker {
    if (worker) return worker;
    const w = options.createWorker();
    const lock = `netloom-training-worker-${crypto.randomUUID()}`;
    w.addEventListener('message', (event) => {
      if (worker === w) onMessage(w, lock, event.data);
    });
    w.addEventListener('error', (event) => lost(w, event.message || 'it crashed'));
    worker = w;
    const threads = options.wasmThreads ?? { choice: 'auto' };
    w.postMessage({ type: 'init', backend: useStore.getState().backendChoice, wasmThreads: threads.choice, ...(options.whenLockFree ? { lock } : {}) }, []);
    if (threads.problem !== undefined && !warnedThreads) useStore.getState().showNotice({ kind: 'error', text: threads.problem });
    warnedThreads = true;
    return w;
  }

  const post = (request: TrainRequest, transfer: Transferable[] = []) => ensureWorker().postMessage(request, transfer);

  function onMessage(w: TrainingWorker, lock: string, msg: TrainResponse): void {
    switch (msg.type) {
      case 'prediction':
      case 'attention-weights':
      case 'insight-answer':
      case 'exported':
        requests.answer(msg);
        return;
      case 'weights-loaded':
        // A check's caller says what was wrong itself; weights sent ahead of a run have no caller.
        if (!requests.answer(msg) && msg.error !== undefined) useStore.getState().showNotice({ kind: 'error', text: msg.error });
        return;
      case 'holding-lock':
        void options.whenLockFree?.(lock).then(() => lost(w, 'it ended unexpectedly'));
        return;
      case 'done':
        requests.endRun(msg.runId);
        keepTrainedWeights(msg);
        runs.apply(msg);
        return;
      case 'backend':
      case 'error':
      case 'started':
      case 'batch':
      case 'epoch':
      case 'phase':
      case 'insight':
        runs.apply(msg);
        return;
      default:
        assertNever(msg, 'training message');
    }
  }

  /** Forgets the worker and all it held; every request waiting on it fails with `reason`. */
  function drop(reason: string, runText: string): void {
    worker?.terminate();
    worker = undefined;
    sentDataset = undefined;
    workerWeights = null;
    requests.failAll(reason, runText);
  }

  /**
   * A dead worker (out of memory, a lost GPU context, an uncaught error) must never leave the page
   * waiting; one that threw but still runs is ended, so it cannot go on posting into a run that
   * failed. The store keeps the graph, the data and the weights; the next request starts a new worker.
   */
  function lost(w: TrainingWorker, why: string): void {
    w.terminate();
    if (worker !== w) return;
    const live = isLive(useStore.getState().run);
    const text = `The training worker stopped (${why})${live ? ', so the run ended' : ''}. ${KEPT}: Train again to retry, or pick another backend.`;
    drop(`the training worker stopped (${why}) before it answered; try again`, text);
    useStore.getState().showNotice({ kind: 'error', text });
  }

  function restart(why: string): void {
    drop(`the training worker was restarted (${why}) before it answered; try again`, `The training worker was restarted (${why}), so the run ended. ${KEPT}.`);
    useStore.getState().setBackend(null);
    ensureWorker();
  }

  /** Sends the dataset once; later runs on the same split reuse the worker's cached copy. */
  function datasetId(split: SplitDataset): string {
    if (sentDataset?.split === split) return sentDataset.id;
    const id = `d${nextId++}`;
    const train = wire(split.train);
    const validation = wire(split.validation);
    post({ type: 'dataset', datasetId: id, train, validation }, [train.x.buffer, train.y.buffer, validation.x.buffer, validation.y.buffer]);
    sentDataset = { split, id };
    return id;
  }

  /** Keeps a finished run's weights in the store; the worker already holds them. */
  function keepTrainedWeights(msg: Extract<TrainResponse, { type: 'done' }>): void {
    const { run } = useStore.getState();
    if (!msg.weights || run?.runId !== msg.runId) {
      // A run that failed or diverged left its own model in the worker, not the store's weights.
      workerWeights = null;
      return;
    }
    workerWeights = { key: run.modelKey, weights: msg.weights, source: 'trained', epochs: run.initialEpoch + msg.epochsRun };
    useStore.getState().setModelWeights(workerWeights);
  }

  /** Sends the store's weights to the worker when they fit the graph and it does not hold them yet. */
  function syncWeights(): void {
    const { graph, modelWeights } = useStore.getState();
    const held = weightsFor(graph, modelWeights);
    if (held === null || held === workerWeights) return;
    // Copies: the store keeps its own values for saving.
    post({
      type: 'load-weights',
      requestId: requests.track(nextId++, { kind: 'load-weights' }),
      graph,
      weights: held.weights.map((w) => ({ ...w, values: w.values.slice() })),
    });
    workerWeights = held;
  }

  return {
    get pending() {
      return requests.size;
    },
    train(split) {
      const s = useStore.getState();
      const runId = nextId++;
      const id = datasetId(split);
      // Continuing from weights restored or opened since the worker started needs them there first.
      if (s.continueFrom === 'current') syncWeights();
      const key = graphKeyOf(s.graph);
      // A fresh start (or another graph) frees the worker's model: it no longer holds those weights.
      if (s.continueFrom !== 'current' || workerWeights?.key !== key) workerWeights = null;
      // Going on from weights counts epochs on from theirs, as Keras's fit(initial_epoch=...).
      const initialEpoch = s.continueFrom === 'current' ? (weightsFor(s.graph, s.modelWeights)?.epochs ?? 0) : 0;
      runSplit = { runId, split };
      s.beginRun({
        runId,
        status: 'starting',
        epochs: s.training.epochs + (s.fineTune.enabled ? s.fineTune.epochs : 0),
        batchesPerEpoch: 0,
        samples: split.train.count,
        initialEpoch,
        epoch: initialEpoch,
        batch: 0,
        samplesPerSecond: 0,
        startedAt: performance.now(),
        modelKey: key,
      });
      requests.track(runId, { kind: 'train' });
      const fineTune = s.fineTune.enabled ? { fineTune: s.fineTune } : {};
      const insight = s.insightOn ? { insight: { sample: s.insightSample } } : {};
      const from = s.continueFrom;
      post({ type: 'train', runId, datasetId: id, graph: s.graph, config: s.training, callbacks: s.callbacks, from, initialEpoch, ...fineTune, ...insight });
      return runId;
    },
    stop() {
      const { run } = useStore.getState();
      if (!isLive(run) || !worker) return;
      post({ type: 'stop', runId: run.runId });
      // A worker stuck in one long step (a huge batch, a kernel that hangs) never reads the Stop:
      // it is replaced, and the run ends as stopped.
      requests.watchStop(nextId++, run.runId, stopTimeoutMs, () => {
        const now = useStore.getState().run;
        if (now?.runId !== run.runId || !isLive(now)) return;
        useStore.getState().endRun(run.runId, 'stopped', STOP_TIMEOUT_MESSAGE);
        restart('it did not answer Stop');
      });
    },
    predict(x, count) {
      syncWeights();
      return requests.ask(nextId++, readPrediction, (requestId) => post({ type: 'predict', requestId, x, count }));
    },
    attention(x) {
      syncWeights();
      return requests.ask(nextId++, readAttention, (requestId) => post({ type: 'attention', requestId, x }));
    },
    insightOptions(options) {
      const { run } = useStore.getState();
      if (isLive(run) && worker) post({ type: 'insight-options', runId: run.runId, options });
    },
    insight(options) {
      syncWeights();
      // The pictures are of a sample of the data the worker holds: the split it was sent last.
      const split = sentDataset?.split;
      return requests
        .ask(nextId++, readInsight, (requestId) => post({ type: 'insight', requestId, options }))
        .then((snapshot) => ({ snapshot, sample: insightSampleOf(split, snapshot.sample, fittedOf(useStore.getState().data)) }));
    },
    exportModel(metadata) {
      syncWeights();
      return requests.ask(nextId++, readExport, (requestId) => post({ type: 'export', requestId, graph: useStore.getState().graph, metadata }));
    },
    checkWeights(graph, weights) {
      // A load replaces the worker's model, whatever its outcome: the store's weights are sent again when needed.
      workerWeights = null;
      checked = undefined;
      const copies = weights.map((w) => ({ ...w, values: w.values.slice() }));
      return requests
        .ask(nextId++, readWeightsLoaded, (requestId) => post({ type: 'load-weights', requestId, graph, weights: copies }))
        .then(() => {
          checked = weights;
        });
    },
    loadImportedWeights(graph, weights, epochs) {
      const held: ModelWeights = { key: graphKeyOf(graph), weights, source: 'imported', ...(epochs === undefined ? {} : { epochs }) };
      useStore.getState().setModelWeights(held);
      // Opened weights (a trained project, a pretrained base) are where the next run starts from.
      useStore.getState().setContinueFrom('current');
      if (checked === weights) workerWeights = held;
      checked = undefined;
    },
    restart: () => restart('to use the chosen backend'),
    warmUp: () => void ensureWorker(),
  };
}
