import { z } from '../lib/zod';
import { DEFAULT_DATA_CONFIG, dataConfigSchema, dropUnreadableFitted, migrateDataV1, type DataConfig } from '../data/config';
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { parseJsonText, zodMessage } from '../lib/parse-file';
import { layerSpec } from '../layers/registry';
import { CALLBACKS, DEFAULT_CALLBACKS, callbacksSchema, type Callbacks } from '../settings/callbacks';
import { DEFAULT_FINE_TUNE, FINE_TUNE_SETTINGS, fineTuneSchema, type FineTuneSettings } from '../settings/fine-tune';
import type { SettingSpecs } from '../settings/setting';
import { DEFAULT_TRAINING_CONFIG, TRAINING_SETTINGS, trainingConfigSchema, usesTopK, type TrainingConfig } from '../settings/training';
import { inlineWeightsSchema, type InlineWeights } from '../graph/inline-weights';
import { savedRunsFromFile, savedRunsSchema, type SavedRun } from '../runs/run-record';
import { migrateGraphV2 } from './migrate-v2';
import { migrateDocumentV4 } from './migrate-v4';
import { moveValidationSplit } from '../data/migrate-split';
import type { FractionSplit } from '../data/validation';
import { graphFileSchema, graphFromFile } from '../analysis/project-graph';
import type { LayerKind } from '../graph/layer-kinds';
import type { Graph, Params, WrappedLayer } from '../graph/types';

/** The `format` tag of a project file. */
export const PROJECT_FORMAT = 'netloom-project';

/** The project file version this build writes, and the newest it reads. */
export const PROJECT_VERSION = 5;

/** Everything a user saves: the model, how to train it and where its data comes from. */
export interface Project {
  readonly name: string;
  readonly graph: Graph;
  readonly training: TrainingConfig;
  /** The callbacks `fit` runs (early stopping, reduce-LR-on-plateau), each on or off. */
  readonly callbacks: Callbacks;
  /** The fine-tune preset (`src/settings/fine-tune.ts`); off when absent, and a file leaves it out while it is at its defaults. */
  readonly fineTune?: FineTuneSettings;
  readonly data: DataConfig;
  /** Trained weights, when the user saved them with the project. */
  readonly weights?: InlineWeights;
  /** The run history, when the user saved it with the project (Save as with the run history). */
  readonly runs?: readonly SavedRun[];
}

/** A parsed project document of some version, before its schema is checked. */
export type ProjectDocument = Record<string, unknown>;

/** Turns a document of version `v` into one of version `v + 1` (and sets its `version`). */
export type Migration = (doc: ProjectDocument) => ProjectDocument;

/**
 * Migrations keyed by the version they upgrade from. When the format changes: bump
 * PROJECT_VERSION, add `<old>: migrateOldToNew` here, keep the old fixtures and add a new one
 * (see docs/project-format.md).
 */
export const migrations: Readonly<Record<number, Migration>> = {
  // v2: the data config holds a per-column plan and the fitted preprocessing.
  1: (doc) => ({ ...doc, version: 2, ...('data' in doc ? { data: migrateDataV1(doc.data) } : {}) }),
  // v3: ZeroPadding2D pads by (before, after) pairs; Bidirectional holds its layer as a wrapped layer.
  2: (doc) => ({ ...doc, version: 3, ...(isRecord(doc.graph) ? { graph: migrateGraphV2(doc.graph) } : {}) }),
  // v4: the project holds its callbacks. A v3 project trained with none saved, so they are off.
  3: (doc) => ({ ...doc, version: 4, callbacks: { earlyStopping: { enabled: false }, reduceLrOnPlateau: { enabled: false } } }),
  // v5, two changes that landed together: metrics are the Train tab's picker (Keras names, `topK`;
  // a v4 regression reported MAE), and one validation setting lives with the data (the training's
  // validationSplit moves there, src/data/migrate-split.ts), in the runs too.
  4: (doc) => {
    const metrics = migrateDocumentV4(doc);
    return {
      ...moveValidationSplit(metrics),
      version: 5,
      ...(Array.isArray(metrics.runs) ? { runs: metrics.runs.map((run: unknown) => (isRecord(run) ? moveValidationSplit(run) : run)) } : {}),
    };
  },
};

const documentSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string(),
  graph: graphFileSchema,
  // Optional so that hand-written fixtures can omit them.
  training: trainingConfigSchema.optional(),
  callbacks: callbacksSchema.optional(),
  // Optional and left out at its defaults, so version 4 files with and without it both read.
  fineTune: fineTuneSchema.optional(),
  data: dataConfigSchema.optional(),
  weights: inlineWeightsSchema.optional(),
  // Added within version 4 without a bump: optional, and a file without it means what it meant.
  runs: savedRunsSchema.optional(),
});

/**
 * Brings a document of `version` up to `target` by applying the migrations in turn. Exported with
 * the table as a parameter so that the chain can be tested before a real migration exists.
 */
export function migrateProjectDocument(
  doc: ProjectDocument,
  version: number,
  table: Readonly<Record<number, Migration>> = migrations,
  target = PROJECT_VERSION,
): ProjectDocument {
  let current = doc;
  for (let v = version; v < target; v += 1) {
    const migrate = table[v];
    if (!migrate) throw new UserFileError(`project files of version ${v} can no longer be read`);
    current = migrate(current);
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks format and version before the schema, so that the message says what really is wrong. */
function checkHeader(json: unknown): { doc: ProjectDocument; version: number } {
  if (!isRecord(json)) throw new UserFileError('not a Netloom project: the file is not a JSON object');
  if (json.format !== PROJECT_FORMAT) {
    if ('modelTopology' in json || 'class_name' in json) {
      throw new UserFileError('this is a Keras / TF.js model, not a Netloom project; import it as a model instead');
    }
    const found = json.format === undefined ? 'has no "format"' : `has format ${JSON.stringify(json.format)}`;
    throw new UserFileError(`not a Netloom project: the file ${found}, expected "${PROJECT_FORMAT}"`);
  }
  const { version } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UserFileError(`the project's version is ${JSON.stringify(version ?? null)}, not a version number`);
  }
  if (version > PROJECT_VERSION) {
    throw new UserFileError(`this project was saved by a newer Netloom (version ${version}); this version reads up to version ${PROJECT_VERSION}`);
  }
  return { doc: json, version };
}

/**
 * Reads a `.netloom.json` project: JSON, format and version, migrations from older versions, the
 * schema, then the graph against the layer registry. Every problem is a UserFileError naming
 * `fileName` and the first bad field.
 */
export function parseProjectFile(text: string, fileName?: string): Project {
  try {
    const { doc, version } = checkHeader(parseJsonText(text));
    const migrated = migrateProjectDocument(doc, version);
    const repaired = 'data' in migrated ? { ...migrated, data: dropUnreadableFitted(migrated.data) } : migrated;
    const parsed = documentSchema.safeParse(repaired);
    if (!parsed.success) throw new UserFileError(zodMessage(parsed.error));
    const { name, graph, training, callbacks, fineTune, data, weights, runs } = parsed.data;
    return {
      name,
      graph: graphFromFile(graph),
      training: training ?? DEFAULT_TRAINING_CONFIG,
      callbacks: callbacks ?? DEFAULT_CALLBACKS,
      ...(fineTune ? { fineTune } : {}),
      data: data ?? DEFAULT_DATA_CONFIG,
      ...(weights ? { weights } : {}),
      ...(runs ? { runs: savedRunsFromFile(runs) } : {}),
    };
  } catch (error) {
    if (error instanceof UserFileError && error.file === undefined && fileName !== undefined) {
      throw new UserFileError(error.message, fileName);
    }
    throw error;
  }
}

/** Settings values with their keys in declaration order. */
function orderedSettings(specs: SettingSpecs, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(specs).map((key) => [key, values[key]]));
}

/** The training settings in declaration order, then the metrics picker's (`topK` only when a top-k accuracy uses it). */
const orderedTraining = (training: TrainingConfig) => ({
  ...orderedSettings(TRAINING_SETTINGS, training),
  metrics: training.metrics,
  ...(usesTopK(training) ? { topK: training.topK } : {}),
});

/**
 * Each callback in the order of {@link CALLBACKS}, its settings in declaration order. `mode` came
 * within version 5 and is written only when it is not `auto`, so a file that does not use it
 * reads the same (and still opens in a build from before it).
 */
const orderedCallbacks = (callbacks: Callbacks) =>
  Object.fromEntries(
    Object.entries(CALLBACKS).map(([key, spec]) => {
      const ordered = Object.entries(orderedSettings(spec.settings, callbacks[key as keyof Callbacks]));
      return [key, Object.fromEntries(ordered.filter(([name, value]) => name !== 'mode' || value !== 'auto'))];
    }),
  );

/** Whether the fine-tune preset is absent or at its defaults, so the file need not say it. */
const atDefaults = (fineTune: FineTuneSettings | undefined) =>
  fineTune === undefined ||
  Object.keys(FINE_TUNE_SETTINGS).every((key) => fineTune[key as keyof FineTuneSettings] === DEFAULT_FINE_TUNE[key as keyof FineTuneSettings]);

/** A held-out split with its keys in a fixed order. */
const orderedSplit = (split: FractionSplit): FractionSplit => ({
  kind: split.kind,
  validation: split.validation,
  stratified: split.stratified,
  seed: split.seed,
});

/** The data config with its keys in a fixed order, `kind` first. */
function orderedData(data: DataConfig): DataConfig {
  switch (data.kind) {
    case 'none':
      return { kind: data.kind };
    case 'sample':
      return {
        kind: data.kind,
        sampleId: data.sampleId,
        ...(data.plan ? { plan: data.plan } : {}),
        ...(data.fitted ? { fitted: data.fitted } : {}),
        ...(data.split ? { split: orderedSplit(data.split) } : {}),
      };
    case 'csv':
      return { kind: data.kind, fileName: data.fileName, plan: data.plan, ...(data.fitted ? { fitted: data.fitted } : {}) };
    case 'images':
      return {
        kind: data.kind,
        folderName: data.folderName,
        imageSize: data.imageSize,
        channels: data.channels,
        fit: data.fit,
        ...(data.classes ? { classes: data.classes } : {}),
        ...(data.split ? { split: orderedSplit(data.split) } : {}),
      };
    case 'audio':
      return {
        kind: data.kind,
        folderName: data.folderName,
        ...(data.sampleId !== undefined ? { sampleId: data.sampleId } : {}),
        settings: { ...data.settings },
        ...(data.classes ? { classes: data.classes } : {}),
        ...(data.split ? { split: orderedSplit(data.split) } : {}),
      };
    case 'idx':
      return { kind: data.kind, imagesFile: data.imagesFile, labelsFile: data.labelsFile, ...(data.classes ? { classes: data.classes } : {}) };
    default:
      return assertNever(data, 'data config');
  }
}

/** Params in their spec's order, a wrapped layer's own params likewise. */
function orderedParams(kind: LayerKind, params: Params): Record<string, unknown> {
  const specs = layerSpec(kind).params;
  return Object.fromEntries(
    Object.entries(specs).flatMap(([k, spec]): [string, unknown][] => {
      if (!(k in params)) return [];
      const value = params[k];
      const ordered = (inner: WrappedLayer) => ({ kind: inner.kind, params: orderedParams(inner.kind, inner.params) });
      if (spec.type === 'layers' && Array.isArray(value)) return [[k, (value as readonly WrappedLayer[]).map(ordered)]];
      if (spec.type !== 'layer' || typeof value !== 'object' || value === null || Array.isArray(value)) return [[k, value]];
      return [[k, ordered(value as WrappedLayer)]];
    }),
  );
}

/** The graph as a file holds it: keys in a fixed order, groups only when there are some. */
const orderedGraph = (graph: Graph) => ({
  nodes: graph.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    name: n.name,
    params: orderedParams(n.kind, n.params),
    position: { x: n.position.x, y: n.position.y },
    ...(n.trainable === false ? { trainable: false } : {}),
  })),
  edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, targetSlot: e.targetSlot })),
  ...(graph.groups?.length
    ? { groups: graph.groups.map((g) => ({ id: g.id, title: g.title, kind: g.kind, members: [...g.members], collapsed: g.collapsed })) }
    : {}),
});

/** Inline weights with their keys in a fixed order: the short fields before the long `data`. */
const orderedWeights = (weights: InlineWeights): InlineWeights => ({
  encoding: weights.encoding,
  ...(weights.epochs === undefined ? {} : { epochs: weights.epochs }),
  specs: weights.specs,
  data: weights.data,
});

/** A kept run with its keys in a fixed order, its graph and settings as the project's are written. */
const orderedRun = (run: SavedRun) => ({
  id: run.id,
  name: run.name,
  startedAt: run.startedAt,
  durationMs: run.durationMs,
  status: run.status,
  ...(run.message === undefined ? {} : { message: run.message }),
  modelKey: run.modelKey,
  graph: orderedGraph(run.graph),
  data: orderedData(run.data),
  training: orderedTraining(run.training),
  callbacks: orderedCallbacks(run.callbacks),
  fineTune: orderedSettings(FINE_TUNE_SETTINGS, run.fineTune),
  backend: run.backend,
  ...(run.threads === undefined ? {} : { threads: run.threads }),
  epochs: run.epochs,
  ...(run.initialEpoch === undefined ? {} : { initialEpoch: run.initialEpoch }),
  final: run.final,
  weights: run.weights,
  ...(run.weightData ? { weightData: orderedWeights(run.weightData) } : {}),
});

/**
 * The project as file text: pretty JSON with a stable key order (params in their spec's order,
 * short number lists on one line), so that saving twice gives the same bytes and diffs stay small.
 */
export function serializeProject(project: Project): string {
  const file = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: project.name,
    graph: orderedGraph(project.graph),
    training: orderedTraining(project.training),
    callbacks: orderedCallbacks(project.callbacks),
    ...(atDefaults(project.fineTune) ? {} : { fineTune: orderedSettings(FINE_TUNE_SETTINGS, project.fineTune ?? DEFAULT_FINE_TUNE) }),
    data: orderedData(project.data),
    ...(project.weights ? { weights: orderedWeights(project.weights) } : {}),
    ...(project.runs ? { runs: project.runs.map(orderedRun) } : {}),
  };
  const numberList = /\[\s+((?:-?[\d.eE+-]+|null)(?:,\s+(?:-?[\d.eE+-]+|null))*)\s+\]/g;
  return `${JSON.stringify(file, null, 2).replace(numberList, (_m, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

/** A new, empty project with default training, no callbacks and no data. */
export function emptyProject(name = 'Untitled'): Project {
  return { name, graph: { nodes: [], edges: [] }, training: DEFAULT_TRAINING_CONFIG, callbacks: DEFAULT_CALLBACKS, data: DEFAULT_DATA_CONFIG };
}
