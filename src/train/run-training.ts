/**
 * One training run, Keras-style, as a pure module: the same code trains in the Web Worker, in
 * the CLI and in Node tests. tfjs is passed in; this file only imports its types.
 *
 * Repeatability: with the same seed, graph, data and backend a run repeats exactly, as far as the
 * backend is deterministic. Weight initialisation is seeded (see {@link seededBuild}); the
 * training set is shuffled by us with `mulberry32(seed + epoch)` before each epoch and its batches
 * are built in that order as `fitDataset` takes them (see `epochBatches`). Dropout draws its masks from `Math.random` in tfjs 4.22, so each
 * epoch's fit runs with it seeded too (see {@link withSeededRandom}).
 */
import type * as tfjs from '@tensorflow/tfjs';
import { analyze } from '../analysis/analyze';
import { trainReadiness } from '../analysis/readiness';
import { GraphError, applyTrainable, toTfjsModel } from '../compile/to-tfjs';
import type { Graph } from '../graph/types';
import type { Tf } from '../layers/layer-spec';
import { mulberry32, shuffleInPlace } from '../lib/random';
import { yieldToEvents } from '../lib/yield-to-events';
import type { Dataset, SplitDataset } from '../data/types';
import { EarlyStopping, ReduceLrOnPlateau } from './callbacks';
import { learningRateOf, lossFor, optimizerFor, setLearningRate } from './compile-config';
import { metricsFor } from '../settings/training';
import { DEFAULT_CALLBACKS } from '../settings/callbacks';
import type { Callbacks } from '../settings/callbacks';
import type { TrainingConfig } from '../settings/training';
import { divergenceMessage, emptyHistory, kerasLogs, recordEpoch, stalledMessage } from './history';
import type { Divergence, EpochLogs, History } from './history';
import { runMetrics } from './metric-fns';
import { batchesIn, epochBatches, makeTensors } from './tensors';

/** What to train, on what, and how. */
export interface TrainingRequest {
  readonly graph: Graph;
  readonly config: TrainingConfig;
  readonly data: SplitDataset;
  /**
   * Continue from this model's weights (built from the same graph by an earlier run) instead of
   * fresh ones. It is recompiled with a fresh optimizer; the returned model is this same object.
   */
  readonly model?: tfjs.LayersModel;
  /** The callbacks to run, each when its switch is on; none when absent. */
  readonly callbacks?: Callbacks;
  /**
   * The 0-based number of the first epoch, as Keras's `fit(initial_epoch=...)`: a run that goes on
   * from an earlier one (fine-tuning's phase 2) counts its epochs on, in its hooks, its history
   * and its per-epoch seeds. 0 when absent.
   */
  readonly initialEpoch?: number;
}

/** How a run reports progress and learns that the user pressed Stop. */
export interface TrainingHooks {
  /** After each recorded epoch (0-based), with Keras-named logs and the learning rate it used. */
  onEpoch?(epoch: number, logs: EpochLogs, learningRate: number): void;
  /** After every batch (0-based), unthrottled: keep it cheap and throttle on the caller's side. */
  onBatch?(epoch: number, batch: number, batchesPerEpoch: number, logs: EpochLogs, samplesPerSecond: number): void;
  /** Polled after every batch; true stops training within that batch, keeping the weights so far. */
  shouldStop?(): boolean;
  /** Once the model is compiled with this run's optimizer, before the first batch (the views wrap its step here). */
  onCompiled?(model: tfjs.LayersModel, optimizer: tfjs.Optimizer): void;
  /** After every batch that did not diverge, awaited before the next: the views sample here. */
  afterBatch?(epoch: number, batch: number, batchesPerEpoch: number): Promise<void> | void;
}

/** How a run ended (`failed`: tfjs threw during fit; `message` says what). */
export type RunStatus = 'completed' | 'stopped' | 'early-stopped' | 'diverged' | 'failed';

/** The outcome of a run. */
export interface TrainingResult {
  readonly status: RunStatus;
  /** Why it diverged or failed, in words for the user. */
  readonly message?: string;
  /** Full epochs only: a partly run epoch (Stop, divergence) is not recorded. */
  readonly history: History;
  readonly epochsRun: number;
  /** The trained model; the caller disposes it (which also releases its optimizer). */
  readonly model: tfjs.LayersModel;
}

/**
 * Builds the model with `Math.random` swapped for `mulberry32(seed)` while its weights are
 * created. tfjs 4.22 initializers accept a `seed`, but the layer configs built from the graph do
 * not set one, and an unseeded tfjs random op takes its seed from `Math.random()`: this makes
 * initialisation repeatable without touching every layer spec. The build is synchronous, so no
 * other code runs while the swap is in place.
 */
export function seededBuild<T>(seed: number, build: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return build();
  } finally {
    Math.random = original;
  }
}

/**
 * Runs `work` with `Math.random` swapped for `mulberry32(seed)` until it settles, so the random
 * masks of Dropout repeat for a seed. The swap spans awaits: only call
 * it where nothing else needs `Math.random` meanwhile, as in the training worker, the CLI and tests.
 */
export async function withSeededRandom<T>(seed: number, work: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return await work();
  } finally {
    Math.random = original;
  }
}

/**
 * Compiles and fits the graph on the data. Throws `GraphError` (before any tensor exists) when the
 * graph has errors or nothing to train, or a callback watches what the run does not log
 * (`trainReadiness`); every other failure comes back as
 * status `failed`. Every tensor made here is disposed before it returns, except the model's own
 * weights and optimizer.
 */
export async function runTraining(tf: Tf, request: TrainingRequest, hooks: TrainingHooks = {}): Promise<TrainingResult> {
  const { config, data } = request;
  // The app and the CLI check this first; a worker trusts no request, and tfjs's own failure
  // ("variableGrads() expects at least one of the input variables to be trainable") says nothing.
  // A callback watching a quantity this run never logs would silently do nothing: refused the same way.
  const callbacks = request.callbacks ?? DEFAULT_CALLBACKS;
  const run = { metrics: metricsFor(config), callbacks, validated: data.validation.count > 0 };
  const { ready, problems } = trainReadiness(request.graph, analyze(request.graph), run);
  if (!ready) throw new GraphError(problems);
  const model = request.model ?? seededBuild(config.seed, () => toTfjsModel(tf, request.graph));
  if (request.model) applyTrainable(model, request.graph);
  const owned = model as unknown as { isOptimizerOwned: boolean; optimizer?: tfjs.Optimizer };
  if (owned.isOptimizerOwned && owned.optimizer !== undefined) owned.optimizer.dispose();
  const optimizer = optimizerFor(tf, config);
  const metrics = runMetrics(tf, run.metrics, config.topK, model.outputNames);
  // tfjs types a per-output entry as one metric, but takes a list there (collectMetrics wraps one).
  model.compile({ optimizer, loss: lossFor(tf, config), metrics: metrics.compile as tfjs.ModelCompileArgs['metrics'] });
  // compile marks an optimizer passed in as not the model's; claim it so model.dispose() frees it.
  owned.isOptimizerOwned = true;
  hooks.onCompiled?.(model, optimizer);

  const history = emptyHistory();
  const tensors = makeTensors(tf, data);
  const { earlyStopping, reduceLrOnPlateau } = callbacks;
  const early = earlyStopping.enabled ? new EarlyStopping(tf, earlyStopping) : undefined;
  const plateau = reduceLrOnPlateau.enabled ? new ReduceLrOnPlateau(reduceLrOnPlateau) : undefined;
  const batchesPerEpoch = batchesIn(data.train, config.batchSize);
  const done = (status: RunStatus, message?: string): TrainingResult => ({
    status,
    ...(message === undefined ? {} : { message }),
    history,
    epochsRun: history.epoch.length,
    model,
  });

  let lastYield = performance.now();
  try {
    const mismatch = sampleShapeMismatch(model, data.train);
    if (mismatch !== undefined) return done('failed', `Training failed: ${mismatch}`);
    const first = request.initialEpoch ?? 0;
    for (let epoch = first; epoch < first + config.epochs; epoch++) {
      let diverged: Divergence | undefined;
      let stopped = false;
      let lastBatch = -1;
      let last = performance.now();
      const learningRate = learningRateOf(optimizer);
      const onBatchEnd = (batch: number, raw?: tfjs.Logs) => {
        // The epoch's training batches are done: what fit evaluates next is the validation data.
        if (batch === batchesPerEpoch - 1) metrics.beginValidation();
        const logs = kerasLogs(raw ?? {});
        const loss = logs.loss ?? NaN;
        lastBatch = batch;
        if (!Number.isFinite(loss)) {
          diverged = { epoch, batch, loss, learningRate };
          model.stopTraining = true;
          return;
        }
        const now = performance.now();
        const size = Math.min(config.batchSize, data.train.count - batch * config.batchSize);
        hooks.onBatch?.(epoch, batch, batchesPerEpoch, logs, (size * 1000) / Math.max(now - last, 1e-3));
        last = now;
        if (hooks.shouldStop?.() === true) {
          stopped = true;
          model.stopTraining = true;
        }
      };
      metrics.beginEpoch();
      const order = config.shuffle ? shuffleInPlace(range(data.train.count), mulberry32(config.seed + epoch)) : undefined;
      // A stream apart from the shuffle's, so masks and order do not move in step.
      const fitted = await withSeededRandom(config.seed * 1_000_003 + epoch, () =>
        model.fitDataset(epochBatches(tf, data.train, config.batchSize, order), {
          batchesPerEpoch,
          epochs: 1,
          verbose: 0,
          ...(tensors.validation ? { validationData: tensors.validation, validationBatchSize: config.batchSize } : {}),
          callbacks: {
            onBatchEnd: async (batch, logs) => {
              onBatchEnd(batch, logs);
              if (diverged === undefined) await hooks.afterBatch?.(epoch, batch, batchesPerEpoch);
              // tfjs yields to the event loop only through requestAnimationFrame, which does not let
              // a worker take its messages in between: without a turn of its own, a Stop from the
              // page waits until the run is over.
              const now = performance.now();
              if (now - lastYield >= YIELD_EVERY_MS) {
                lastYield = now;
                await yieldToEvents();
              }
            },
          },
        }),
      );
      if (diverged !== undefined) return done('diverged', divergenceMessage(diverged));
      // Validation ran only if the stop came on the epoch's last batch; then the epoch is whole.
      if (stopped && lastBatch < batchesPerEpoch - 1) return done('stopped');
      const logs = { ...kerasLogs(fitted.history as Record<string, unknown>), ...(await metrics.epochLogs(tensors.validation !== undefined)) };
      recordEpoch(history, epoch, logs);
      hooks.onEpoch?.(epoch, logs, learningRate);
      if (stopped) return done('stopped');
      if (early?.onEpochEnd(epoch, logs, model) === true) return done('early-stopped');
      const lowered = plateau?.onEpochEnd(logs, learningRate);
      if (lowered !== undefined) setLearningRate(optimizer, lowered);
    }
    // A run that ends without learning says so: a flat or rising loss is as much a failure as NaN.
    return done('completed', stalledMessage(history, learningRateOf(optimizer)));
  } catch (error) {
    return done('failed', `Training failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    early?.dispose();
    tensors.dispose();
    metrics.dispose();
  }
}

/**
 * How often a run lets its host's event loop take messages (Stop) and timers. Each turn costs the
 * run: at every 50 ms the MLP throughput bench lost 2-4 % to raw tfjs, at 250 ms about 1-3 %.
 * A Stop then waits at most this plus one batch, well inside the page's 1 s watchdog.
 */
const YIELD_EVERY_MS = 250;

/**
 * Why samples of `d` cannot go into the model's one input, or undefined when they can. fit checked
 * this itself; batches from a dataset reach the first layer unchecked, whose message names shapes
 * of a batch rather than of a sample.
 */
function sampleShapeMismatch(model: tfjs.LayersModel, d: Dataset): string | undefined {
  if (model.inputs.length !== 1) return undefined;
  const wanted = (model.inputs[0]?.shape ?? []).slice(1);
  const fits = wanted.length === d.featureShape.length && wanted.every((w, i) => w === null || w === d.featureShape[i]);
  if (fits) return undefined;
  const shape = (dims: readonly (number | null)[]) => `[${dims.map((v) => v ?? 'None').join(', ')}]`;
  return `each sample of the data has shape ${shape(d.featureShape)}, but the model's input takes ${shape(wanted)}`;
}

function range(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
