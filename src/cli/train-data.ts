/**
 * The data side of `train`: a CSV, a folder of images or a zip of one, or an IDX image file with
 * its label file, read through the same core as the app, split as the project says, with the
 * signature the model must match.
 */
import { open, readFile, stat } from 'node:fs/promises';
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
import { idxToDataset } from '../data/idx';
import { peekIdx, readIdxPair } from '../data/idx-pair';
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

const exists = (path: string) =>
  stat(path).catch(() => {
    throw new UserFileError('the file or folder does not exist', basename(path));
  });

/**
 * Reads `path` for `project`: a CSV file, a class-per-subfolder image folder, a `.zip` of one
 * (as the app's zip upload reads it: sizes checked from its directory before anything is
 * inflated), or, with `labels`, an IDX image file and its label file (either way round).
 */
export async function loadTrainData(path: string, project: Project, target?: string, labels?: string): Promise<TrainData> {
  const info = await exists(path);
  if (labels !== undefined) {
    if (info.isDirectory() || /\.(zip|csv|tsv|txt)$/i.test(path)) {
      throw new UserFileError(
        '--labels goes with an IDX image file (e.g. --data train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz)',
        basename(path),
      );
    }
    await exists(labels);
    return loadIdx(path, labels, project);
  }
  if (info.isDirectory()) return loadImages(await folderEntries(path), true, project);
  if (!/\.zip$/i.test(path)) {
    await refuseLoneIdx(path);
    return loadCsv(path, project, target);
  }
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

/** An IDX file given without `--labels` is not read as a CSV: the message says what to add. */
async function refuseLoneIdx(path: string): Promise<void> {
  const file = await open(path, 'r');
  let start: Uint8Array;
  try {
    const { buffer, bytesRead } = await file.read(new Uint8Array(64 << 10), 0, 64 << 10, 0);
    start = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  let kind;
  try {
    kind = peekIdx(start, basename(path)).kind;
  } catch {
    return;
  }
  const other = kind === 'images' ? 'its label file' : 'its image file';
  throw new UserFileError(
    `is an IDX ${kind === 'images' ? 'image' : 'label'} file: give ${other} too, as --data IMAGES --labels LABELS (e.g. --data train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz)`,
    basename(path),
  );
}

/** An IDX pair as the app's IDX upload reads it; class names from the project when they fit, else the label ids. */
async function loadIdx(path: string, labels: string, project: Project): Promise<TrainData> {
  const files = await Promise.all([path, labels].map(async (p) => ({ name: basename(p), bytes: new Uint8Array(await readFile(p)) })));
  const saved = project.data.kind === 'idx' ? project.data.classes : undefined;
  const pair = await readIdxPair(files, saved ? { classNames: saved } : {});
  const dataset = idxToDataset(pair.images, pair.labels, pair.classNames);
  const { count, rows, cols } = pair.images;
  return {
    split: prepareFromDataset(dataset, project.training.validationSplit, project.training.seed),
    signature: signatureOfDataset(dataset),
    note: `${count} images of ${rows}x${cols} in ${pair.classNames.length} classes from ${pair.imagesFile} and ${pair.labelsFile}`,
    skipped: [],
    metadata: { classNames: pair.classNames },
  };
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
