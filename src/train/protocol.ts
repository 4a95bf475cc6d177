import type { Dataset } from '../data/types';
import type { Graph } from '../graph/types';
import type { NetloomMetadata } from '../compile/tfjs-metadata';
import type { WeightValues } from '../compile/tfjs-weights';
import type { Callbacks } from '../settings/callbacks';
import type { FineTuneSettings } from '../settings/fine-tune';
import type { TrainingConfig } from '../settings/training';
import type { AttentionWeights } from './attention-weights';
import type { InsightOptions, InsightSnapshot } from './insight-types';
import type { RunStatus } from './run-training';
import type { WasmThreadsChoice } from './wasm-threads';

/** A backend tfjs can train on, fastest first when a real GPU is present. */
export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Samples as the worker gets them (their buffers transferred): a dataset without class names. */
export type DatasetWire = Omit<Dataset, 'classNames'>;

/** Page -> training worker. */
export type TrainRequest =
  /**
   * `lock` names a Web Lock the worker holds for as long as it lives, so the page learns when it
   * ends in any way (closed, crashed, killed for memory), which no event tells it.
   */
  | {
      readonly type: 'init';
      readonly backend: BackendChoice;
      readonly lock?: string;
      /** tfjs's threaded wasm build: `auto` (absent) from 4 cores on an isolated page; `on`/`off` force it (`?wasm-threads=`). */
      readonly wasmThreads?: WasmThreadsChoice;
    }
  | { readonly type: 'dataset'; readonly datasetId: string; readonly train: DatasetWire; readonly validation: DatasetWire }
  | {
      readonly type: 'train';
      readonly runId: number;
      readonly datasetId: string;
      readonly graph: Graph;
      readonly config: TrainingConfig;
      readonly callbacks: Callbacks;
      /** Continue from the weights of the last run (same graph) or start from fresh weights. */
      readonly from: 'fresh' | 'current';
      /**
       * Going on from the current model of this graph: the epochs it has had, where this run counts
       * from (Keras's `initial_epoch`). Ignored, and 0, when the run does not go on from that model.
       */
      readonly initialEpoch?: number;
      /** With the fine-tune preset on: after this run's epochs, phase 2 (`src/settings/fine-tune.ts`) in the same run. */
      readonly fineTune?: FineTuneSettings;
      /** With the views on: sample inside the network while it learns (`insight` messages); off when absent. */
      readonly insight?: InsightOptions;
    }
  | { readonly type: 'stop'; readonly runId: number }
  /** The run in progress samples the views with these options from now on (the page picked another sample). */
  | { readonly type: 'insight-options'; readonly runId: number; readonly options: InsightOptions }
  /** One sample of the views from the current model, outside any run (no gradients then). */
  | { readonly type: 'insight'; readonly requestId: number; readonly options: InsightOptions }
  | { readonly type: 'predict'; readonly requestId: number; readonly x: Float32Array; readonly count: number }
  /** The current model's attention weights, per MultiHeadAttention layer, for the one sample `x`. */
  | { readonly type: 'attention'; readonly requestId: number; readonly x: Float32Array }
  /** The trained model's files; with no trained model of this graph, fresh weights. */
  | { readonly type: 'export'; readonly requestId: number; readonly graph: Graph; readonly metadata: NetloomMetadata }
  /** Weights the page holds for this graph (a run's, an imported model's, an opened project's): they become the current model. */
  | { readonly type: 'load-weights'; readonly requestId: number; readonly graph: Graph; readonly weights: readonly WeightValues[] };

/** Metrics of one epoch or batch, by Keras name (loss, accuracy, val_loss, val_accuracy, ...). */
export type Logs = Readonly<Record<string, number>>;

/**
 * Training worker -> page. Every `train` ends with exactly one `done`, and every `predict`,
 * `attention`, `insight`, `export` and `load-weights` with one answer carrying its requestId; run messages carry their runId.
 */
export type TrainResponse =
  /** The worker holds the lock named in `init`: the page may now wait for its release. */
  | { readonly type: 'holding-lock' }
  | {
      readonly type: 'backend';
      readonly backend: string;
      readonly reason: string;
      /** On wasm: the threads it trains on (1: the single-threaded build). */
      readonly threads?: number;
      readonly tried: readonly { readonly name: string; readonly error: string }[];
    }
  | {
      readonly type: 'started';
      readonly runId: number;
      readonly epochs: number;
      readonly batchesPerEpoch: number;
      readonly samples: number;
      /** The 0-based epoch the run counts from: the request's `initialEpoch` when it went on from that model, else 0. */
      readonly initialEpoch: number;
      /**
       * A run that goes on from the current weights of another graph (a pretrained base under a new
       * head): the layers whose weights it took by name, and those it starts fresh.
       */
      readonly carried?: { readonly layers: readonly string[]; readonly fresh: readonly string[] };
    }
  | {
      readonly type: 'batch';
      readonly runId: number;
      readonly epoch: number;
      /** The last batch these losses reach, 0-based within `epoch`. */
      readonly batch: number;
      /** The loss of every batch since the previous message, in order: the curve misses none. */
      readonly losses: number[];
      readonly samplesPerSecond: number;
    }
  | { readonly type: 'epoch'; readonly runId: number; readonly epoch: number; readonly logs: Logs; readonly learningRate: number }
  /** A sample of the views of run `runId`, at most a few a second, within a share of the run's time. */
  | { readonly type: 'insight'; readonly runId: number; readonly snapshot: InsightSnapshot }
  /** Fine-tuning's phase 2 begins at 0-based epoch `epoch`, training the layers `unfrozen` names (layer names). */
  | { readonly type: 'phase'; readonly runId: number; readonly epoch: number; readonly unfrozen: readonly string[] }
  | {
      readonly type: 'done';
      readonly runId: number;
      readonly status: RunStatus;
      readonly message?: string;
      readonly epochsRun: number;
      /** The model's outputs on the validation samples, for the confusion matrix or the scatter plot. */
      readonly validationOutputs?: Float32Array;
      /** The trained weights, by tfjs weight name; absent when the run failed or diverged. */
      readonly weights?: readonly WeightValues[];
    }
  | { readonly type: 'prediction'; readonly requestId: number; readonly output: Float32Array; readonly error?: string }
  /** The answer to `attention`: one entry per attention layer, in the model's order; `error` (and no layers) says why there are none. */
  | { readonly type: 'attention-weights'; readonly requestId: number; readonly layers: readonly AttentionWeights[]; readonly error?: string }
  | {
      readonly type: 'exported';
      readonly requestId: number;
      readonly modelJson?: string;
      readonly weights?: Uint8Array;
      /** True when the weights come from a finished run, false for fresh (untrained) weights. */
      readonly trained: boolean;
      readonly error?: string;
    }
  /** The answer to `insight`: `error` (and no snapshot) says why there is none. */
  | { readonly type: 'insight-answer'; readonly requestId: number; readonly snapshot?: InsightSnapshot; readonly error?: string }
  /** The answer to `load-weights`: `error` says why the weights could not be used. */
  | { readonly type: 'weights-loaded'; readonly requestId: number; readonly error?: string }
  /** A failure that belongs to no request: no backend could start. */
  | { readonly type: 'error'; readonly message: string };
