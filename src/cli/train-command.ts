import { parseOptions } from './parse-options';
import { printDiagnostics } from './print-diagnostics';
import { analyze } from '../analysis/analyze';
import { monitorDiagnostics, trainReadiness } from '../analysis/readiness';
import { withDataDiagnostics } from '../data/data-analysis';
import { writeFile } from 'node:fs/promises';
import { parseProjectFile, serializeProject } from '../project/project-file';
import { withTargetEncoding } from '../data/target-encoding';
import { lossProblem, outputFor, outputForms, targetEncodingFor, wireModel } from '../data/wiring';
import type { DataSignature } from '../data/wiring';
import type { Graph } from '../graph/types';
import { inlineWeightValues, packWeights } from '../graph/inline-weights';
import type { InlineWeights } from '../graph/inline-weights';
import type * as tfjs from '@tensorflow/tfjs';
import { toTfjsModel } from '../compile/to-tfjs';
import { seededBuild } from '../train/run-training';
import { carryWeightValues, weightValues } from '../train/trainer-models';
import type { Tf } from '../layers/layer-spec';
import { exportModelJson, saveArtifacts } from '../compile/tfjs-export';
import { trainingMetadata } from '../compile/tfjs-metadata';
import { activateBackend } from '../train/backend';
import { nodeWasmPaths } from '../train/wasm-paths.node.js';
import { CALLBACKS } from '../settings/callbacks';
import type { CallbackKey } from '../settings/callbacks';
import { monitorDirection } from '../settings/monitors';
import { metricsFor, withTrainingChange } from '../settings/training';
import type { Loss, TrainingConfig } from '../settings/training';
import type { EpochLogs } from '../train/history';
import { runTraining } from '../train/run-training';
import type { CliIo } from './run-cli';
import { loadTrainData } from './train-data';
import type { ValidationChoice } from './train-data';
import { scalarProblem } from '../lib/value-spec';
import { VALIDATION_SETTINGS } from '../settings/validation';
import { writeTfjsExport } from './write-tfjs';

const USAGE =
  'Usage: npm run cli -- train <project.netloom.json> --data <file.csv|folder of images or sound clips (WAV, FLAC, OGG, MP3) per class|zip of one|images-idx3-ubyte[.gz] --labels labels-idx1-ubyte[.gz]> [--target COL] [--epochs N] [--validation-split F | --validation FILE.csv] [--backend cpu|wasm] [--fit] [--fresh] [--out DIR] [--save PROJECT.netloom.json]';

/** The parsed command line of `train`. */
export interface TrainArgs {
  readonly project: string;
  readonly data: string;
  /** With `data` an IDX image file: its label file (IDX, gzipped or not). */
  readonly labels?: string;
  readonly target?: string;
  readonly epochs?: number;
  /** Overrides the project's validation setting: a held-out share (`--validation-split`) or a separate CSV (`--validation`). */
  readonly validation?: ValidationChoice;
  readonly backend: 'cpu' | 'wasm';
  readonly out?: string;
  /** Writes the project here with the trained weights inside, and the epochs that trained them. */
  readonly save?: string;
  /** Fit the model to the data first, as the app's "Fit the model to this data" does. */
  readonly fit: boolean;
  /** Start from the seed's initial weights even when the project holds weights. */
  readonly fresh: boolean;
}

/** Parses `train`'s arguments, or returns what is wrong with them. */
export function parseTrainArgs(args: readonly string[]): TrainArgs | string {
  const parsed = parseOptions(args, ['data', 'labels', 'target', 'epochs', 'validation-split', 'validation', 'backend', 'out', 'save'], ['fit', 'fresh']);
  if (typeof parsed === 'string') return parsed;
  const { files, flags, switches } = parsed;
  const [project, ...extra] = files;
  if (project === undefined || extra.length > 0) return 'give exactly one project file';
  const data = flags.get('data');
  if (data === undefined) return '--data is required';
  const epochs = flags.has('epochs') ? Number(flags.get('epochs')) : undefined;
  if (epochs !== undefined && !(Number.isInteger(epochs) && epochs >= 1)) return '--epochs must be a whole number of at least 1';
  const backend = flags.get('backend') ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm') return '--backend must be cpu or wasm';
  const validation = validationChoice(flags.get('validation-split'), flags.get('validation'));
  if (typeof validation === 'string') return validation;
  const target = flags.get('target');
  const labels = flags.get('labels');
  if (labels !== undefined && target !== undefined) return "--target is for a CSV; an IDX pair's target is its label file";
  const out = flags.get('out');
  const save = flags.get('save');
  return {
    project,
    data,
    backend,
    fit: switches.has('fit'),
    fresh: switches.has('fresh'),
    ...(target === undefined ? {} : { target }),
    ...(labels === undefined ? {} : { labels }),
    ...(epochs === undefined ? {} : { epochs }),
    ...(validation === undefined ? {} : { validation }),
    ...(out === undefined ? {} : { out }),
    ...(save === undefined ? {} : { save }),
  };
}

/** `--validation-split F` or `--validation FILE` (not both), checked as the Train tab checks the share. */
function validationChoice(share: string | undefined, file: string | undefined): ValidationChoice | string | undefined {
  if (share !== undefined && file !== undefined) return 'give --validation-split or --validation, not both';
  if (file !== undefined) return { kind: 'file', path: file };
  if (share === undefined) return undefined;
  const value = Number(share);
  const problem = share.trim() === '' ? 'must be a number' : scalarProblem(VALIDATION_SETTINGS.validation, value);
  return problem === null ? { kind: 'share', validation: value } : `--validation-split ${problem}`;
}

/**
 * The loss to train with when the project's cannot train this output on this target (a
 * categorical loss on one sigmoid unit, a regression loss on classes): the one that goes with
 * the output's form. Undefined when the project's loss is fine.
 */
function lossForData(loss: Loss, sig: DataSignature, units: number): Loss | undefined {
  if (lossProblem(sig, units, loss) === null) return undefined;
  return (outputForms(sig).find((f) => f.units === units) ?? outputFor(sig)).loss;
}

/**
 * One epoch as the JSON line the CLI prints: the 1-based epoch, the loss, then each metric the
 * run reports (the project's picked metrics, by Keras name; accuracy as tfjs's short `acc`), then
 * their validation twins, 4 decimals.
 */
export function epochLine(epoch: number, logs: EpochLogs): string {
  const short = (key: string) => (key === 'accuracy' ? 'acc' : key === 'val_accuracy' ? 'val_acc' : key);
  const train = Object.keys(logs).filter((k) => !k.startsWith('val_') && k !== 'loss');
  const keys = ['loss', ...train, 'val_loss', ...train.map((k) => `val_${k}`)];
  const line: Record<string, number> = { epoch: epoch + 1 };
  for (const key of keys) {
    const value = logs[key];
    if (value !== undefined) line[short(key)] = Number.isFinite(value) ? Number(value.toFixed(4)) : value;
  }
  return JSON.stringify(line);
}

/**
 * The model built with the run's seed, with the project's saved weights in every layer they fit by
 * name and shape (a pretrained base under a new head keeps the base), as the app's "continue from
 * the current weights" does; says which layers start fresh.
 */
function fromProjectWeights(tf: Tf, graph: Graph, config: TrainingConfig, weights: InlineWeights, io: CliIo): StartingModel {
  const model = seededBuild(config.seed, () => toTfjsModel(tf, graph));
  const { carried, fresh } = carryWeightValues(tf, inlineWeightValues(weights), model);
  const rest = fresh.length === 0 ? '' : `; ${fresh.join(', ')} start${fresh.length === 1 ? 's' : ''} fresh`;
  io.err(`note: starting from the project's weights in ${carried.length} of ${carried.length + fresh.length} layers${rest} (--fresh starts them all anew)`);
  // Epochs count on only for the very model the weights trained, as the app's continue does (a new head is a new model).
  const initialEpoch = fresh.length === 0 ? (weights.epochs ?? 0) : 0;
  if (initialEpoch > 0) io.err(`note: the project's weights were trained for ${initialEpoch} epochs; counting on from epoch ${initialEpoch + 1}`);
  return { model, initialEpoch };
}

/** The model a run starts from and the 0-based number of its first epoch (Keras's `initial_epoch`). */
interface StartingModel {
  readonly model?: tfjs.LayersModel;
  readonly initialEpoch: number;
}

/** The graph fitted to the data by `wireModel`, each changed layer said on stderr. */
function fitted(graph: Graph, signature: DataSignature, io: CliIo): Graph {
  const wired = wireModel(graph, analyze(graph), signature);
  const before = new Map(graph.nodes.map((n) => [n.id, n.params]));
  for (const node of wired.nodes) {
    const changed = Object.entries(node.params).filter(([key, value]) => JSON.stringify(before.get(node.id)?.[key]) !== JSON.stringify(value));
    if (changed.length > 0) io.err(`note: --fit set ${node.name}'s ${changed.map(([key, value]) => `${key} to ${JSON.stringify(value)}`).join(', ')}`);
  }
  return wired;
}

/**
 * `train`: reads the project and the data through the core, checks the model fits the data,
 * trains, prints one JSON line per epoch on stdout (everything else goes to stderr) and, with
 * `--out`, writes `model.json` + `model.weights.bin` (and `netloom-layers.js` when the model
 * needs it). Exit 1 when the data does not fit the model or training diverges or fails.
 */
export async function trainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseTrainArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return 2;
  }
  const project = parseProjectFile(await io.readText(parsed.project), parsed.project);
  const data = await loadTrainData(parsed.data, project, {
    ...(parsed.target === undefined ? {} : { target: parsed.target }),
    ...(parsed.validation === undefined ? {} : { validation: parsed.validation }),
    ...(parsed.labels === undefined ? {} : { labels: parsed.labels }),
  });
  for (const line of data.skipped) io.err(`note: skipped ${line}`);
  const graph = parsed.fit ? fitted(project.graph, data.signature, io) : project.graph;
  const analysis = withDataDiagnostics(graph, analyze(graph), data.signature);
  // The app's Train button and data-fit verdict read the same readiness.
  const { problems } = trainReadiness(graph, analysis);
  if (problems.length > 0) {
    printDiagnostics(graph, problems, io);
    const fittable = problems.some((d) => d.code.startsWith('data-'));
    const hint =
      parsed.fit || !fittable
        ? ''
        : ' (--fit sets the Input, a text model\'s token table and the output for the data, as the app\'s "Fit the model to this data" does)';
    io.err(`${parsed.project}: ${fittable ? 'the model does not fit the data' : 'the model cannot train'}, so it was not trained${hint}`);
    return 1;
  }
  const output = analysis.nodes[analysis.outputs[0] ?? '']?.shape;
  const units = output?.at(-1) ?? 1;
  const betterLoss = lossForData(project.training.loss, data.signature, units);
  if (betterLoss !== undefined) io.err(`note: the project's loss ${project.training.loss} does not suit this target; training with ${betterLoss}`);
  // A loss changed for the data takes the metrics that suit it (withTrainingChange), as the Train tab does.
  const config: TrainingConfig = withTrainingChange(project.training, {
    ...(parsed.epochs ? { epochs: parsed.epochs } : {}),
    ...(betterLoss ? { loss: betterLoss } : {}),
  });
  // The target follows the model: Dense(2, softmax) trains on one-hot rows, Dense(1, sigmoid) on 0/1.
  const encoding = targetEncodingFor(data.signature, units, config.loss);
  const split = withTargetEncoding(data.split, data.signature.encoding, encoding, data.signature.classes);

  // A callback watching a quantity this run never logs would do nothing: refused, as the Train tab refuses it.
  const run = { metrics: metricsFor(config), callbacks: project.callbacks, validated: split.validation.count > 0 };
  const unlogged = monitorDiagnostics(run, Math.max(1, analysis.outputs.length));
  if (unlogged.length > 0) {
    printDiagnostics(graph, unlogged, io);
    io.err(`${parsed.project}: a callback watches a quantity this run does not log, so it was not trained`);
    return 1;
  }

  const tf = await loadTf(parsed.backend);
  const { train, validation } = split;
  const callbacks = Object.entries(CALLBACKS).flatMap(([key, spec]) => {
    const values = project.callbacks[key as CallbackKey];
    return values.enabled ? [`${spec.kerasClass} on ${values.monitor} (${monitorDirection(values.monitor, values.mode)})`] : [];
  });
  const using = callbacks.length > 0 ? `, with ${callbacks.join(' and ')}` : '';
  io.err(`training on ${train.count} samples, validating on ${validation.count} (${data.splitNote}; ${data.note}), backend ${tf.getBackend()}${using}`);
  const { model, initialEpoch } =
    parsed.fresh || project.weights === undefined ? { initialEpoch: 0 } : fromProjectWeights(tf, graph, config, project.weights, io);
  const started = performance.now();
  // The project's callbacks run as in the app (and as its Keras script lists them).
  const result = await runTraining(
    tf,
    { graph, config, data: split, callbacks: project.callbacks, initialEpoch, ...(model ? { model } : {}) },
    {
      onEpoch: (epoch, logs) => io.out(epochLine(epoch, logs)),
    },
  );
  try {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.err(`${result.status}: ${result.epochsRun} epoch${result.epochsRun === 1 ? '' : 's'} in ${seconds} s`);
    if (result.status === 'diverged' || result.status === 'failed') {
      io.err(`error: ${result.message ?? result.status}`);
      return 1;
    }
    if (result.message) io.err(`warning: ${result.message}`);
    if (parsed.out !== undefined) {
      // The same files as the app's export: the topology tfjs writes with the params it forgets
      // put back, the preprocessing and class names, and netloom-layers.js when it is needed.
      const metadata = { project: project.name, ...data.metadata, training: trainingMetadata(config) };
      const files = exportModelJson(await saveArtifacts(tf, result.model), { graph, metadata });
      const { written, note } = await writeTfjsExport(parsed.out, files);
      io.err(`saved ${written}`);
      if (note !== undefined) io.err(note);
    }
    if (parsed.save !== undefined) {
      // The project as read (the fitted graph, if --fit), its weights now the trained ones with their epoch count.
      const epochs = initialEpoch + result.epochsRun;
      await writeFile(parsed.save, serializeProject({ ...project, graph, weights: packWeights(weightValues(result.model), epochs) }));
      io.err(`saved ${parsed.save} with the weights of ${epochs} epoch${epochs === 1 ? '' : 's'}`);
    }
    return 0;
  } finally {
    result.model.dispose();
  }
}

/**
 * tfjs on the chosen backend. Loaded here rather than at the top so other commands start fast.
 * The cpu backend's "install tfjs-node" banner goes through console.warn, i.e. stderr, so stdout
 * keeps only the JSON lines.
 */
async function loadTf(backend: 'cpu' | 'wasm'): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs');
  await activateBackend(tf, [backend], { wasmPaths: nodeWasmPaths() });
  return tf;
}
