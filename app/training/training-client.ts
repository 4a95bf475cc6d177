import type { SplitDataset } from '../../src/data/types';
import type { NetloomMetadata } from '../../src/compile/tfjs-metadata';
import type { WeightValues } from '../../src/compile/tfjs-weights';
import type { Graph } from '../../src/graph/types';
import type { DatasetWire, TrainRequest, TrainResponse } from '../../src/train/protocol';
import { graphKeyOf, weightsFor, type ModelWeights } from '../store/model-weights';
import { useStore } from '../store/store';
import { EMPTY_BATCH_SERIES } from '../store/training-slice';
import { onRunMessage } from './run-messages';

let worker: Worker | undefined;
let sentDataset: { split: SplitDataset; id: string } | undefined;
/** The weights the worker holds as its current model (from a run, or sent to it). */
let workerWeights: ModelWeights | null = null;
let nextId = 1;
const pending = new Map<number, (r: Extract<TrainResponse, { type: 'prediction' }>) => void>();
const exports = new Map<number, (r: Extract<TrainResponse, { type: 'exported' }>) => void>();

const wire = (d: SplitDataset['train']): DatasetWire => ({
  // Copies go to the worker (and are transferred there): the page keeps its own for evaluation.
  x: d.x.slice(),
  y: d.y.slice(),
  count: d.count,
  featureShape: d.featureShape,
  targetShape: d.targetShape,
  task: d.task,
});

function post(request: TrainRequest, transfer: Transferable[] = []): void {
  ensureWorker().postMessage(request, transfer);
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../../src/train/train.worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<TrainResponse>) => {
    const msg = event.data;
    if (msg.type === 'prediction') {
      pending.get(msg.requestId)?.(msg);
      pending.delete(msg.requestId);
    } else if (msg.type === 'exported') {
      exports.get(msg.requestId)?.(msg);
      exports.delete(msg.requestId);
    } else if (msg.type === 'weights-loaded') {
      if (msg.error !== undefined) useStore.getState().showNotice({ kind: 'error', text: msg.error });
    } else if (msg.type === 'holding-lock') {
      // Granted once the worker's context is gone: a worker that closed itself, crashed or was
      // killed for memory fires no event the page could hear.
      void navigator.locks.request(lock, () => {
        if (worker === w) workerLost(w, 'it ended unexpectedly');
      });
    } else {
      if (msg.type === 'done') keepTrainedWeights(msg);
      onRunMessage(msg);
    }
  });
  w.addEventListener('error', (event) => workerLost(w, event.message || 'it crashed'));
  worker = w;
  const lock = `netloom-training-worker-${crypto.randomUUID()}`;
  const canWatch = typeof navigator !== 'undefined' && navigator.locks !== undefined;
  w.postMessage({ type: 'init', backend: useStore.getState().backendChoice, ...(canWatch ? { lock } : {}) } satisfies TrainRequest);
  return w;
}

/**
 * A dead worker (out of memory, a lost GPU context, an uncaught error) must never leave the page
 * waiting; one that threw but still runs is ended, so it cannot go on posting into a run that
 * failed. The graph, the data and the last finished run's weights stay in the store; the next
 * request starts a new worker.
 */
function workerLost(w: Worker, why: string): void {
  w.terminate();
  if (worker !== w) return;
  failPending(`the training worker stopped (${why})`);
  worker = undefined;
  sentDataset = undefined;
  workerWeights = null;
  const { run } = useStore.getState();
  const live = run?.status === 'running' || run?.status === 'starting';
  const text = `The training worker stopped (${why})${live ? ', so the run ended' : ''}. The model, the data and the last finished run's weights are kept: Train again to retry, or pick another backend.`;
  if (run && live) useStore.setState({ run: { ...run, status: 'failed', message: text } });
  useStore.getState().showNotice({ kind: 'error', text });
}

/** Answers every request still waiting on a worker that is gone, so no caller waits forever. */
function failPending(reason: string): void {
  for (const [requestId, answer] of pending) answer({ type: 'prediction', requestId, output: new Float32Array(0), error: reason });
  for (const [requestId, answer] of exports) answer({ type: 'exported', requestId, trained: false, error: reason });
  pending.clear();
  exports.clear();
}

/** Restarts the worker on the chosen backend (the backend of a worker is fixed once set). */
export function restartWorker(): void {
  worker?.terminate();
  failPending('the training worker was restarted');
  worker = undefined;
  sentDataset = undefined;
  workerWeights = null;
  useStore.setState({ backend: null });
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

/** Starts a run; progress arrives in the store through run-messages. Returns the run id. */
export function startTraining(split: SplitDataset): number {
  const s = useStore.getState();
  const runId = nextId++;
  const id = datasetId(split);
  // Continuing from weights restored or opened since the worker started needs them there first.
  if (s.continueFrom === 'current') syncWeights();
  const key = graphKeyOf(s.graph);
  useStore.setState({
    run: { runId, status: 'starting', epochs: s.training.epochs, batchesPerEpoch: 0, samples: split.train.count, epoch: 0, batch: 0, samplesPerSecond: 0, startedAt: performance.now(), modelKey: key },
    history: [],
    batchLoss: EMPTY_BATCH_SERIES,
    report: null,
  });
  post({ type: 'train', runId, datasetId: id, graph: s.graph, config: s.training, callbacks: s.callbacks, from: s.continueFrom });
  return runId;
}

/** Asks the run to stop; it does within one batch and keeps the weights so far. */
export function stopTraining(): void {
  const run = useStore.getState().run;
  if (!run) return;
  post({ type: 'stop', runId: run.runId });
  // A worker stuck in one long step (a huge batch, a kernel that hangs) never reads the Stop:
  // after a second it is replaced, and the run ends as stopped.
  setTimeout(() => {
    const now = useStore.getState().run;
    if (now?.runId !== run.runId || (now.status !== 'running' && now.status !== 'starting')) return;
    restartWorker();
    useStore.setState({
      run: { ...now, status: 'stopped', message: STOP_TIMEOUT_MESSAGE },
    });
  }, STOP_TIMEOUT_MS);
}

/** How long Stop waits for the worker before it replaces it. */
export const STOP_TIMEOUT_MS = 1000;
const STOP_TIMEOUT_MESSAGE =
  'The training worker did not answer Stop within a second, so it was restarted. The model and the data are as they were; this run\'s weights are lost (the last finished run\'s are kept).';

/** Runs the trained model on `count` samples of x. */
export function predict(x: Float32Array, count: number): Promise<Float32Array> {
  syncWeights();
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(requestId, (msg) => (msg.error ? reject(new Error(msg.error)) : resolve(msg.output)));
    post({ type: 'predict', requestId, x, count });
  });
}

/** Starts the worker early so the backend is chosen (and shown) before the first run. */
export function warmUpWorker(): void {
  ensureWorker();
}

/**
 * The model's `model.json` text and weights bytes from the worker: the trained weights when the
 * last run trained this graph, else freshly initialised ones (`trained` says which).
 */
export function exportModelFiles(metadata: NetloomMetadata): Promise<{ modelJson: string; weights: Uint8Array; trained: boolean }> {
  syncWeights();
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    exports.set(requestId, (msg) => {
      if (msg.error || msg.modelJson === undefined || msg.weights === undefined) reject(new Error(msg.error ?? 'the model could not be exported'));
      else resolve({ modelJson: msg.modelJson, weights: msg.weights, trained: msg.trained });
    });
    post({ type: 'export', requestId, graph: useStore.getState().graph, metadata });
  });
}

/**
 * Makes imported or opened weights the model's: the store keeps them (autosave saves them with
 * the project), and the worker gets them before it next predicts, exports or continues training.
 */
export function loadImportedWeights(graph: Graph, weights: readonly WeightValues[]): void {
  useStore.setState({ modelWeights: { key: graphKeyOf(graph), weights, source: 'imported' } });
}

/** Keeps a finished run's weights in the store; the worker already holds them. */
function keepTrainedWeights(msg: Extract<TrainResponse, { type: 'done' }>): void {
  const run = useStore.getState().run;
  if (!msg.weights || run?.runId !== msg.runId) return;
  workerWeights = { key: run.modelKey, weights: msg.weights, source: 'trained' };
  useStore.setState({ modelWeights: workerWeights });
}

/** Sends the store's weights to the worker when they fit the graph and it does not hold them yet. */
function syncWeights(): void {
  const { graph, modelWeights } = useStore.getState();
  const held = weightsFor(graph, modelWeights);
  if (held === null || held === workerWeights) return;
  // Copies: the store keeps its own values for saving.
  post({ type: 'load-weights', requestId: nextId++, graph, weights: held.weights.map((w) => ({ ...w, values: w.values.slice() })) });
  workerWeights = held;
}
