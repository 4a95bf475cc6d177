/**
 * The data side of `train`: a CSV, a folder of images or sound clips or a zip of one, or an IDX image file with
 * its label file, read through the same core as the app, split by the project's one validation
 * setting (or the command line's), with the signature the model must match.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { folderEntries, readCsvFile } from '../data/node-files';
import { defaultPlan } from '../data/plan';
import { fitPreprocessing } from '../data/preprocess';
import { signatureOfDataset, signatureOfPlan } from '../data/signature';
import { prepareFromDataset, prepareFromTable } from '../data/prepare';
import type { DataPlan, SplitDataset, SplitPlan, Table } from '../data/types';
import { carriedSplit, DEFAULT_SPLIT, describeSplit, fractionOf } from '../data/validation';
import type { FractionSplit } from '../data/validation';
import type { DataSignature } from '../data/wiring';
import { loadImageDataset } from '../data/images/image-dataset';
import { DEFAULT_ZIP_LIMITS, zipEntries } from '../data/images/zip';
import { collectableImage } from '../data/images/formats';
import { loadAudioDataset } from '../data/audio/audio-dataset';
import { collectableAudio, isAudioPath, isWavPath } from '../data/audio/formats';
import { DEFAULT_AUDIO_SETTINGS } from '../data/audio/settings';
import { createCompressedDecoder } from '../data/audio/compressed';
import { decodeWav, isWavBytes } from '../data/audio/wav';
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
  /** How the validation samples were chosen, in words (`40% held out, stratified, seed 42`), for the same log. */
  readonly splitNote: string;
  /** Files left out and why (`cats/big.png: 10,000 x 10,000 pixels, ...`), one line each, for stderr. */
  readonly skipped: readonly string[];
  /** What an exported model.json carries about this data: the fitted preprocessing, class names. */
  readonly metadata: Omit<NetloomMetadata, 'project'>;
}

/** Skipped files listed one by one before the rest are counted; a folder can skip thousands. */
const LISTED_SKIPS = 20;

/**
 * How `train` was told to validate, over the project's own setting: a held-out share
 * (`--validation-split`) or a separate CSV (`--validation`).
 */
export type ValidationChoice = { readonly kind: 'share'; readonly validation: number } | { readonly kind: 'file'; readonly path: string };

/** What `train` reads besides the project: the target column, the IDX label file and the validation choice, when given. */
export interface TrainDataOptions {
  readonly target?: string;
  /** With `path` an IDX image file: its label file. */
  readonly labels?: string;
  readonly validation?: ValidationChoice;
}

const exists = (path: string) =>
  stat(path).catch(() => {
    throw new UserFileError('the file or folder does not exist', basename(path));
  });

/**
 * Reads `path` for `project`: a CSV file, a class-per-subfolder image folder, a `.zip` of one
 * (as the app's zip upload reads it: sizes checked from its directory before anything is
 * inflated), or, with `options.labels`, an IDX image file and its label file (either way round).
 * The samples are split by the project's one validation setting (the data's), unless
 * `options.validation` says otherwise.
 */
export async function loadTrainData(path: string, project: Project, options: TrainDataOptions = {}): Promise<TrainData> {
  const info = await exists(path);
  if (options.labels !== undefined && (info.isDirectory() || /\.(zip|csv|tsv|txt)$/i.test(path))) {
    throw new UserFileError(
      '--labels goes with an IDX image file (e.g. --data train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz)',
      basename(path),
    );
  }
  if (options.labels === undefined && !info.isDirectory() && !/\.zip$/i.test(path)) {
    await refuseLoneIdx(path);
    return loadCsv(path, project, options);
  }
  if (options.validation?.kind === 'file') {
    const what = options.labels === undefined ? 'an image folder' : 'an IDX pair';
    throw new UserFileError(`--validation takes the separate validation CSV of a CSV; ${what} holds out a share (--validation-split)`, basename(path));
  }
  const share = options.validation?.kind === 'share' ? options.validation.validation : undefined;
  const split = share === undefined ? fractionOf(project.data) : { ...fractionOf(project.data), validation: share };
  if (options.labels !== undefined) {
    await exists(options.labels);
    return loadIdx(path, options.labels, split, project);
  }
  if (info.isDirectory()) {
    const entries = await folderEntries(path);
    return holdsAudio(entries, project) ? loadAudio(entries, true, split, project) : loadImages(entries, true, split, project);
  }
  const bytes = new Uint8Array(await readFile(path));
  return named(basename(path), () => {
    const entries = zipEntries(bytes, DEFAULT_ZIP_LIMITS, (p) => collectableImage(p) || collectableAudio(p));
    return holdsAudio(entries, project) ? loadAudio(entries, false, split, project) : loadImages(entries, false, split, project);
  });
}

/** Whether a folder is of sound clips: the project's data is, or it holds more sound files than images. */
function holdsAudio(entries: readonly FileEntry[], project: Project): boolean {
  if (project.data.kind === 'audio') return true;
  const sounds = entries.filter((e) => isAudioPath(e.path)).length;
  return sounds > 0 && sounds >= entries.filter((e) => collectableImage(e.path)).length;
}

/**
 * Sound clips per class, as the app's audio worker reads them (WAV by Netloom's reader; FLAC, Ogg
 * Vorbis and MP3 by wasm builds of their reference decoders where the app has the browser's), with
 * the project's audio settings (else the defaults).
 */
async function loadAudio(entries: readonly FileEntry[], pickedFolder: boolean, held: FractionSplit, project: Project): Promise<TrainData> {
  const settings = project.data.kind === 'audio' ? project.data.settings : DEFAULT_AUDIO_SETTINGS;
  const compressed = createCompressedDecoder();
  const decoder = (bytes: Uint8Array, path: string) => (isWavBytes(bytes) || isWavPath(path) ? Promise.resolve(decodeWav(bytes)) : compressed.decode(bytes));
  const result = await loadAudioDataset(entries, { settings, decoder, pickedFolder }).finally(() => compressed.free());
  const { dataset } = result;
  const note =
    `${dataset.count} sound clips in ${dataset.classNames?.length ?? 0} classes as ${dataset.featureShape.join('x')} log-mel spectrograms ` +
    `(${settings.sampleRate / 1000} kHz, ${settings.clipSeconds} s)` +
    (result.skipped.length > 0 ? `, ${result.skipped.length} files skipped` : '');
  return {
    split: prepareFromDataset(dataset, held),
    signature: signatureOfDataset(dataset),
    note,
    splitNote: describeSplit(held, true),
    skipped: listedSkips(result.skipped),
    metadata: { ...(dataset.classNames ? { classNames: dataset.classNames } : {}), audio: settings },
  };
}

/** Skipped files one a line, the first few by name and the rest counted. */
function listedSkips(all: readonly { readonly path: string; readonly reason: string }[]): string[] {
  const skipped = all.slice(0, LISTED_SKIPS).map((s) => `${s.path}: ${s.reason}`);
  if (all.length > LISTED_SKIPS) skipped.push(`and ${all.length - LISTED_SKIPS} more`);
  return skipped;
}

/** The table's plan: the project's when it names these columns, else the default one, with `target` as the target. */
function tablePlan(table: Table, project: Project, target: string | undefined, file: string): { plan: DataPlan; note: string } {
  const saved = 'plan' in project.data ? project.data.plan : undefined;
  const names = new Set(table.columns.map((c) => c.name));
  const fits = saved !== undefined && saved.columns.length === names.size && saved.columns.every((c) => names.has(c.name));
  const currentTarget = (fits ? saved : defaultPlan(table)).columns.find((c) => c.role === 'target')?.name;
  const retarget = target !== undefined && target !== currentTarget;
  if (fits && !retarget) return { plan: saved, note: "the project's data plan" };
  if (retarget && !names.has(target)) throw new UserFileError(`there is no column "${target}" (columns: ${[...names].join(', ')})`, file);
  const fresh = retarget ? planWithTarget(table, target) : defaultPlan(table);
  const note = retarget ? `the default data plan with "${target}" as the target` : 'the default data plan (the last column is the target)';
  // A new plan keeps the project's held-out share and seed, as the app's does for new data.
  const split = fresh.split.kind === 'fraction' ? carriedSplit(project.data, fresh.split) : fresh.split;
  return { plan: { ...fresh, split }, note };
}

/** The plan's split as `choice` changes it: a held-out share of the same seed, or the separate file. */
function chosenSplit(plan: DataPlan, choice: ValidationChoice | undefined): SplitPlan {
  if (choice === undefined) return plan.split;
  if (choice.kind === 'file') return { kind: 'file', fileName: basename(choice.path) };
  const held = plan.split.kind === 'fraction' ? plan.split : { ...DEFAULT_SPLIT, stratified: plan.target !== 'regression' };
  return { ...held, validation: choice.validation };
}

async function loadCsv(path: string, project: Project, options: TrainDataOptions): Promise<TrainData> {
  const table = await readCsvFile(path);
  const file = basename(path);
  const planned = tablePlan(table, project, options.target, file);
  const plan: DataPlan = { ...planned.plan, split: chosenSplit(planned.plan, options.validation) };
  const fitted = await named(file, () => fitPreprocessing(table, plan));
  const validationTable = plan.split.kind === 'file' ? await readValidationCsv(table, plan.split.fileName, options.validation) : undefined;
  const split = await named(file, () => prepareFromTable(table, plan, fitted, validationTable));
  const classNames = fitted.target.classes;
  return {
    split,
    signature: signatureOfPlan(plan, fitted),
    note: planned.note,
    splitNote: describeSplit(plan.split, fitted.target.encoding !== 'regression'),
    skipped: [],
    metadata: { preprocessing: fitted, ...(classNames ? { classNames } : {}) },
  };
}

/**
 * The separate validation CSV a plan names, read from `--validation`: with the training file's
 * columns, same names in the same order (as the app asks), so one fitted transform applies to both.
 */
async function readValidationCsv(table: Table, fileName: string, choice: ValidationChoice | undefined): Promise<Table> {
  if (choice?.kind !== 'file') {
    throw new UserFileError(
      `the project validates on a separate file, ${fileName}: give it with --validation ${fileName}, or hold out a share instead with --validation-split 0.2`,
    );
  }
  const validation = await readCsvFile(choice.path);
  const want = table.columns.map((c) => c.name);
  const got = validation.columns.map((c) => c.name);
  if (want.join('\n') !== got.join('\n')) {
    throw new UserFileError(`its columns (${got.join(', ')}) differ from the training file's (${want.join(', ')})`, basename(choice.path));
  }
  return validation;
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
async function loadIdx(path: string, labels: string, held: FractionSplit, project: Project): Promise<TrainData> {
  const files = await Promise.all([path, labels].map(async (p) => ({ name: basename(p), bytes: new Uint8Array(await readFile(p)) })));
  const saved = project.data.kind === 'idx' ? project.data.classes : undefined;
  const pair = await readIdxPair(files, saved ? { classNames: saved } : {});
  const dataset = idxToDataset(pair.images, pair.labels, pair.classNames);
  const { count, rows, cols } = pair.images;
  return {
    split: prepareFromDataset(dataset, held),
    signature: signatureOfDataset(dataset),
    note: `${count} images of ${rows}x${cols} in ${pair.classNames.length} classes from ${pair.imagesFile} and ${pair.labelsFile}`,
    splitNote: describeSplit(held, true),
    skipped: [],
    metadata: { classNames: pair.classNames },
  };
}

/** `pickedFolder`: see `CollectOptions.pickedFolder` (true for a folder, false for a zip). */
async function loadImages(entries: readonly FileEntry[], pickedFolder: boolean, held: FractionSplit, project: Project): Promise<TrainData> {
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
  return {
    split: prepareFromDataset(dataset, held),
    signature: signatureOfDataset(dataset),
    note,
    splitNote: describeSplit(held, true),
    skipped: listedSkips(result.skipped),
    metadata: dataset.classNames ? { classNames: dataset.classNames } : {},
  };
}
