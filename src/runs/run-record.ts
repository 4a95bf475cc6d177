import { z } from '../lib/zod';
import { UserFileError } from '../lib/errors';
import { zodMessage } from '../lib/parse-file';
import { callbacksSchema, type Callbacks } from '../settings/callbacks';
import { fineTuneSchema, type FineTuneSettings } from '../settings/fine-tune';
import { trainingConfigSchema, type TrainingConfig } from '../settings/training';
import { inlineWeightsSchema, type InlineWeights } from '../graph/inline-weights';
import type { Graph } from '../graph/types';
import { graphFileSchema, graphFromFile } from '../analysis/project-graph';
import { dataConfigSchema, type DataConfig } from '../data/config';
import { holdsOldSplit, moveValidationSplit } from '../data/migrate-split';

/** The most weight bytes (float32 values × 4) a run keeps; a bigger model's run keeps its curves only. */
export const RUN_WEIGHTS_CAP_BYTES = 16 * 1024 * 1024;

/** How a run ended, as the trainer reports it (`RunStatus` in src/train). */
export const RUN_STATUSES = ['completed', 'stopped', 'early-stopped', 'diverged', 'failed'] as const;

/** How a run ended. */
export type RecordedStatus = (typeof RUN_STATUSES)[number];

const metricsSchema = z.record(z.string(), z.number());

/** The validation report's headline: accuracy for a classifier, errors and R² for a regression. */
const headlineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('classification'), accuracy: z.number() }),
  z.strictObject({ kind: z.literal('regression'), mae: z.number(), rmse: z.number(), r2: z.number() }),
]);

/** The validation report's headline numbers. */
export type ReportHeadline = z.output<typeof headlineSchema>;

/**
 * Whether a run kept its trained weights: `kept` (within {@link RUN_WEIGHTS_CAP_BYTES}), `over-cap`
 * (the model was too big to keep them; `bytes` says how big), or `none` (the run ended without any,
 * as a failed or diverged run does).
 */
const weightsNoteSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('kept'), bytes: z.number().int().min(0) }),
  z.strictObject({ state: z.literal('over-cap'), bytes: z.number().int().min(0), cap: z.number().int().min(0) }),
  z.strictObject({ state: z.literal('none') }),
]);

/** Whether a run kept its weights, and why not. */
export type WeightsNote = z.output<typeof weightsNoteSchema>;

const recordShape = {
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  /** Wall-clock start, ms since 1970. */
  startedAt: z.number(),
  durationMs: z.number().min(0),
  status: z.enum(RUN_STATUSES),
  message: z.string().optional(),
  /** The `modelKey` of the graph trained: weights fit a graph with the same key. */
  modelKey: z.string(),
  graph: graphFileSchema,
  data: dataConfigSchema,
  training: trainingConfigSchema,
  callbacks: callbacksSchema,
  fineTune: fineTuneSchema,
  /** The tfjs backend the run trained on (`webgl`, `wasm`, `cpu`), when known. */
  backend: z.string().nullable(),
  /** On wasm, the threads it trained with (absent: unknown, or not wasm). */
  threads: z.number().int().min(1).optional(),
  /** Each epoch's logs, in order (loss, accuracy, val_loss, ...). */
  epochs: z.array(metricsSchema),
  /** The 0-based number of the first of them, when the run continued from earlier weights (Keras's `initial_epoch`). */
  initialEpoch: z.number().int().min(1).optional(),
  final: z.strictObject({ logs: metricsSchema, report: headlineSchema.optional() }),
  weights: weightsNoteSchema,
};

const recordSchema = z.strictObject(recordShape);

/** A run as a project file holds it: the record, and its weights when it kept them and the user saved them. */
const savedRunSchema = z.strictObject({ ...recordShape, weightData: inlineWeightsSchema.optional() });

/** The `runs` field of a project file. */
export const savedRunsSchema = z.array(savedRunSchema);

/**
 * One training run, kept: what was trained (graph, data, settings, seed inside `training`), where
 * (backend), how it went (per-epoch logs, final metrics) and whether its weights were kept.
 */
export interface RunRecord {
  readonly id: string;
  /** "Run 3", or what the user renamed it to. */
  readonly name: string;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly status: RecordedStatus;
  readonly message?: string;
  readonly modelKey: string;
  /** The graph as it was when the run began: edits made during the run are not in it. */
  readonly graph: Graph;
  readonly data: DataConfig;
  readonly training: TrainingConfig;
  readonly callbacks: Callbacks;
  readonly fineTune: FineTuneSettings;
  readonly backend: string | null;
  /** On wasm, how many threads it trained with (absent: not recorded, or another backend). */
  readonly threads?: number;
  readonly epochs: readonly Readonly<Record<string, number>>[];
  /** Its first epoch's 0-based number when it continued from earlier weights (absent: 0). */
  readonly initialEpoch?: number;
  readonly final: { readonly logs: Readonly<Record<string, number>>; readonly report?: ReportHeadline };
  readonly weights: WeightsNote;
}

/** A run with its weights packed, as a project file stores it. */
export interface SavedRun extends RunRecord {
  readonly weightData?: InlineWeights;
}

type RecordFile = z.output<typeof recordSchema>;

function fromFile<T extends RecordFile>(file: T): Omit<T, 'graph'> & { graph: Graph } {
  return { ...file, graph: graphFromFile(file.graph) };
}

/**
 * A stored run (IndexedDB's copy) checked against the record's schema and the layer registry;
 * a UserFileError names the first bad field.
 */
export function parseRunRecord(value: unknown): RunRecord {
  // Runs kept before project version 5 hold the training's validationSplit: it moves to the data, as in a file.
  const parsed = recordSchema.safeParse(holdsOldSplit(value) ? moveValidationSplit(value) : value);
  if (!parsed.success) throw new UserFileError(`a stored run does not read: ${zodMessage(parsed.error)}`);
  return fromFile(parsed.data);
}

/** A project file's `runs`, once its schema has passed: each graph checked against the registry. */
export function savedRunsFromFile(runs: z.output<typeof savedRunsSchema>): SavedRun[] {
  return runs.map((run) => {
    const { weightData, ...rest } = fromFile(run);
    return weightData ? { ...rest, weightData } : rest;
  });
}
