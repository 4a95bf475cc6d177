/**
 * The data side of `train`: a CSV, a folder of images or a zip of one, read through the same core
 * as the app, split as the project says, with the signature the model must match.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { folderEntries, readCsvFile } from '../data/node-files';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing, transformTable } from '../data/preprocess';
import { signatureOfDataset, signatureOfPlan } from '../data/signature';
import { prepareFromDataset, prepareFromTable } from '../data/prepare';
import type { DataPlan, SplitDataset, Table } from '../data/types';
import type { DataSignature } from '../data/wiring';
import { loadImageDataset } from '../data/images/image-dataset';
import { zipEntries } from '../data/images/zip';
import { nodeDecoder } from '../data/images/node-decode';
import type { FileEntry } from '../data/images/types';
import type { Project } from '../project/project-file';
import type { NetloomMetadata } from '../compile/tfjs-metadata';
import { UserFileError } from '../lib/errors';

/** Training data ready for `runTraining`, and what it asks of the model. */
export interface TrainData {
  readonly split: SplitDataset;
  readonly signature: DataSignature;
  /** Where the plan came from, for the log on stderr. */
  readonly note: string;
  /** Files left out and why (`cats/big.png: 10,000 x 10,000 pixels, ...`), one line each, for stderr. */
  readonly skipped: readonly string[];
  /** What an exported model.json carries about this data: the fitted preprocessing, class names. */
  readonly metadata: Omit<NetloomMetadata, 'project'>;
}

/** Skipped files listed one by one before the rest are counted; a folder can skip thousands. */
const LISTED_SKIPS = 20;

/**
 * Reads `path` for `project`: a CSV file, a class-per-subfolder image folder, or a `.zip` of one
 * (as the app's zip upload reads it: sizes checked from its directory before anything is inflated).
 */
export async function loadTrainData(path: string, project: Project, target?: string): Promise<TrainData> {
  const info = await stat(path).catch(() => {
    throw new UserFileError('the file or folder does not exist', basename(path));
  });
  if (info.isDirectory()) return loadImages(await folderEntries(path), true, project);
  if (!/\.zip$/i.test(path)) return loadCsv(path, project, target);
  const bytes = new Uint8Array(await readFile(path));
  return named(basename(path), () => loadImages(zipEntries(bytes), false, project));
}

async function loadCsv(path: string, project: Project, target: string | undefined): Promise<TrainData> {
  const table = await readCsvFile(path);
  const saved = 'plan' in project.data ? project.data.plan : undefined;
  const names = new Set(table.columns.map((c) => c.name));
  const fits = saved !== undefined && saved.columns.length === names.size && saved.columns.every((c) => names.has(c.name));
  let plan = fits ? saved : defaultPlan(table);
  let note = fits ? "the project's data plan" : 'the default data plan (the last column is the target)';
  const currentTarget = plan.columns.find((c) => c.role === 'target')?.name;
  if (target !== undefined && target !== currentTarget) {
    if (!names.has(target)) throw new UserFileError(`there is no column "${target}" (columns: ${[...names].join(', ')})`, basename(path));
    plan = planWithTarget(table, target);
    note = `the default data plan with "${target}" as the target`;
  }
  const fitted = await named(basename(path), () => fitPreprocessing(table, plan));
  // A separate validation file is not read here: such a plan splits by the config's share.
  const split =
    plan.split.kind === 'fraction'
      ? prepareFromTable(table, plan, fitted)
      : prepareFromDataset(transformTable(table, fitted, plan), project.training.validationSplit, project.training.seed);
  const classNames = fitted.target.classes;
  return { split, signature: signatureOfPlan(plan, fitted), note, skipped: [], metadata: { preprocessing: fitted, ...(classNames ? { classNames } : {}) } };
}

/** What `run()` gives, with a UserFileError it throws naming `file` when it names none. */
async function named<T>(file: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof UserFileError && error.file === undefined ? new UserFileError(error.message, file) : error;
  }
}

/**
 * The default plan with `target` as the target: `defaultPlan` treats the last column as the
 * target, so plan a view with `target` moved last, then put the columns back in file order.
 */
function planWithTarget(table: Table, target: string): DataPlan {
  const order = table.columns.map((_, j) => j).sort((a, b) => Number(table.columns[a]?.name === target) - Number(table.columns[b]?.name === target));
  const view: Table = {
    ...table,
    columns: order.map((j) => table.columns[j]).filter((c) => c !== undefined),
    summaries: order.map((j) => table.summaries[j]).filter((s) => s !== undefined),
  };
  const plan = defaultPlan(view);
  const byName = new Map(plan.columns.map((c) => [c.name, c]));
  return { ...plan, columns: table.columns.map((c) => byName.get(c.name)).filter((c) => c !== undefined) };
}

/** `pickedFolder`: see `CollectOptions.pickedFolder` (true for a folder, false for a zip). */
async function loadImages(entries: readonly FileEntry[], pickedFolder: boolean, project: Project): Promise<TrainData> {
  const images = project.data.kind === 'images' ? project.data : undefined;
  const result = await loadImageDataset(entries, {
    decoder: nodeDecoder,
    pickedFolder,
    ...(images ? { height: images.imageSize[0], width: images.imageSize[1], channels: images.channels, fit: images.fit } : {}),
  });
  const { dataset } = result;
  const note =
    `${dataset.count} images in ${dataset.classNames?.length ?? 0} classes at ${dataset.featureShape.join('x')}` +
    (result.skipped.length > 0 ? `, ${result.skipped.length} files skipped` : '');
  const skipped = result.skipped.slice(0, LISTED_SKIPS).map((s) => `${s.path}: ${s.reason}`);
  if (result.skipped.length > LISTED_SKIPS) skipped.push(`and ${result.skipped.length - LISTED_SKIPS} more`);
  return {
    split: prepareFromDataset(dataset, project.training.validationSplit, project.training.seed),
    signature: signatureOfDataset(dataset),
    note,
    skipped,
    metadata: dataset.classNames ? { classNames: dataset.classNames } : {},
  };
}
