import { loadIdxSample, sampleById } from '../../src/data/samples';
import type { Sample } from '../../src/data/samples';
import { signatureOfDataset } from '../../src/data/signature';
import type { DataPlan } from '../../src/data/types';
import { carriedSplit } from '../../src/data/validation';
import { entriesFromFiles } from '../../src/data/images/sources';
import type { DroppedItem } from '../../src/data/images/sources';
import type { Fit } from '../../src/data/images/types';
import { assertNever } from '../../src/lib/assert-never';
import type { ParsedTable } from '../clients/csv-client';
import { audio, dataLoads, images, tables } from '../services';
import { loadAudioFiles, loadAudioSample } from './load-audio';
import { blobZipNames } from '../../src/data/images/zip-names';
import { mostlySound } from '../../src/data/audio/formats';
import { firstFolder, loading, progress, readySplit, replaceLoaded } from './data-loading';
import { useStore } from '../store/store';
import { applyPlan } from './data-plan';
import type { TableSource } from './data-plan';

const store = () => useStore.getState();

/**
 * Shows a freshly read table under a plan: the saved one when it still names exactly these
 * columns (reopening a project), else the default plan for the table.
 */
async function showTable(parsed: ParsedTable, current: () => boolean, sourceName: string, source: TableSource, saved?: DataPlan): Promise<void> {
  const { table, tableId } = parsed;
  if (!current()) {
    tables.release(tableId);
    return;
  }
  replaceLoaded({ kind: 'table', sourceName, table, tableId }, null);
  const names = table.columns.map((c) => c.name).join('\n');
  const fits = saved !== undefined && saved.columns.map((c) => c.name).join('\n') === names;
  await applyPlan(fits ? saved : carried(parsed.plan), source);
}

/**
 * A plan new data starts with, holding out the share (and seed) the data it replaces held out:
 * the validation split is the user's setting, as Keras's `validation_split` is, not the file's.
 */
function carried(plan: DataPlan): DataPlan {
  return plan.split.kind === 'fraction' ? { ...plan, split: carriedSplit(store().data, plan.split) } : plan;
}

/**
 * Loads a built-in sample (fetched from the site, nothing from the network beyond it), under
 * `savedPlan` when reopening a project that had one.
 */
export function loadSample(sample: Sample, savedPlan?: DataPlan): Promise<void> {
  // Sound clips are made into spectrograms in the audio worker, as an uploaded zip is.
  if (sample.kind === 'audio-zip') return loadAudioSample(sample);
  return loading(`Loading ${sample.title}…`, async (current) => {
    switch (sample.kind) {
      case 'csv': {
        const response = await fetch(`./${sample.path}`);
        if (!response.ok) throw new Error(`${sample.path}: could not be loaded (HTTP ${response.status})`);
        const blob = await response.blob();
        const file = new File([blob], sample.path.split('/').pop() ?? 'sample.csv');
        const parsed = await tables.parse(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${sample.title}…`, progress: p }));
        await showTable(parsed, current, sample.title, { kind: 'sample', sampleId: sample.id }, savedPlan ?? (sample.plan && carried(sample.plan)));
        return;
      }
      case 'idx-images': {
        const dataset = await loadIdxSample(sample, async (path) => new Uint8Array(await (await fetch(`./${path}`)).arrayBuffer()));
        if (!current()) return;
        replaceLoaded({ kind: 'dataset', sourceName: sample.title, dataset }, signatureOfDataset(dataset));
        store().setDataConfig({ kind: 'sample', sampleId: sample.id, split: readySplit(sameSample(sample.id)) });
        return;
      }
      case 'toy': {
        const dataset = sample.generate();
        replaceLoaded({ kind: 'dataset', sourceName: sample.title, dataset }, signatureOfDataset(dataset));
        store().setDataConfig({ kind: 'sample', sampleId: sample.id, split: readySplit(sameSample(sample.id)) });
        return;
      }
      default:
        assertNever(sample, 'sample kind');
    }
  });
}

/** Whether the data settings are those of this ready sample already (a reopened project reads it again). */
const sameSample = (sampleId: string): boolean => {
  const { data } = store();
  return data.kind === 'sample' && data.sampleId === sampleId && data.plan === undefined;
};

/** Reads an uploaded CSV in the worker and proposes a plan for it. */
export function loadCsvFile(file: File): Promise<void> {
  return loading(`Reading ${file.name}…`, async (current) => {
    const parsed = await tables.parse(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${file.name}…`, progress: p }));
    const data = store().data;
    await showTable(
      parsed,
      current,
      file.name,
      { kind: 'csv', fileName: file.name },
      data.kind === 'csv' && data.fileName === file.name ? data.plan : undefined,
    );
  });
}

/** How uploaded images become samples; chosen in the data panel before upload. */
export interface ImageChoice {
  readonly size: number;
  readonly channels: 1 | 3;
  readonly fit: Fit;
}

/**
 * Reads a zip of class folders as what it mostly holds: sound clips go to the sound loader (with
 * the sound settings in force), anything else to the image loader. Only the zip's directory is
 * read here, from its end; the files themselves are opened in the worker.
 */
export async function loadZipFile(file: File, choice: Partial<ImageChoice>): Promise<void> {
  const names = await blobZipNames(file).catch(() => null);
  if (names !== null && mostlySound(names)) return loadAudioFiles([file], false);
  return loadImageFiles([file], { pickedFolder: false, ...choice });
}

/**
 * Reads a folder (or zip) of images, one subfolder per class, at 28x28 grayscale by default. The
 * decoding and resizing run in the image worker; the panel shows files read, then images done, of
 * total meanwhile, with Cancel.
 */
export function loadImageFiles(files: readonly File[] | readonly DroppedItem[], opts: { pickedFolder: boolean } & Partial<ImageChoice>): Promise<void> {
  const folderName = firstFolder(files);
  return loading(`Reading images from ${folderName}…`, async (current) => {
    const entries = entriesFromFiles(files);
    const [height, width, channels, fit] = [opts.size ?? 28, opts.size ?? 28, opts.channels ?? 1, opts.fit ?? 'pad'];
    store().setDataStatus({ kind: 'loading', label: `Reading images from ${folderName}…`, progress: null, images: { done: 0, total: 0 } });
    const result = await images.load(
      entries,
      { height, width, channels, fit, pickedFolder: opts.pickedFolder },
      progress(current, 'Reading images'),
      progress(current, 'Opening files'),
    );
    if (!current()) return;
    const { dataset, previews, counts, skipped } = result;
    replaceLoaded({ kind: 'images', sourceName: folderName, dataset, previews, counts, skipped }, signatureOfDataset(dataset));
    const { data } = store();
    const split = readySplit(data.kind === 'images' && data.folderName === folderName);
    store().setDataConfig({ kind: 'images', folderName, imageSize: [height, width], channels, fit, classes: [...(dataset.classNames ?? [])], split });
  });
}

/**
 * Reads an IDX image file and its label file (MNIST's format, gzipped or not, in either order) in
 * the image worker; the panel shows images unpacked of total meanwhile, with Cancel. Class names
 * are the label ids, or the names a reopened project gave them.
 */
export function loadIdxFiles(files: readonly File[]): Promise<void> {
  const names = files.map((f) => f.name).join(' and ');
  return loading(`Reading ${names}…`, async (current) => {
    store().setDataStatus({ kind: 'loading', label: `Reading ${names}…`, progress: null, images: { done: 0, total: 0 } });
    const data = store().data;
    const saved = data.kind === 'idx' ? data.classes : undefined;
    const { result, imagesFile, labelsFile } = await images.loadIdx(files, saved, progress(current, 'Reading images'));
    if (!current()) return;
    const { dataset, previews, counts } = result;
    replaceLoaded({ kind: 'images', sourceName: imagesFile, dataset, previews, counts, skipped: [] }, signatureOfDataset(dataset));
    const split = readySplit(data.kind === 'idx' && data.imagesFile === imagesFile);
    store().setDataConfig({ kind: 'idx', imagesFile, labelsFile, classes: [...(dataset.classNames ?? [])], split });
  });
}

/** Stops the image folder, IDX or sound clip loading now; the data shown before stays. */
export function cancelImageLoad(): void {
  images.cancel();
  audio.cancel();
}

/**
 * Brings back the data of a reopened project in place of the data in memory: a built-in sample is
 * fetched again under its saved plan; an uploaded file cannot be read back by the page, so the
 * panel asks for it by name.
 */
export function restoreData(): void {
  // What is in memory belongs to the project being replaced, and so do loads still running.
  dataLoads.loads.invalidate();
  images.cancel();
  replaceLoaded(null, null);
  const { data } = store();
  if (data.kind === 'sample') {
    const sample = sampleById(data.sampleId);
    if (sample) void loadSample(sample, data.plan);
  } else if (data.kind === 'audio') {
    const sample = data.sampleId === undefined ? undefined : sampleById(data.sampleId);
    if (sample?.kind === 'audio-zip') void loadAudioSample(sample, data.settings);
    else
      store().setDataStatus({
        kind: 'info',
        message: `This project was trained on the sound clips in ${data.folderName}; upload the folder again to use it (its audio settings are kept).`,
      });
  } else if (data.kind === 'idx') {
    store().setDataStatus({
      kind: 'info',
      message: `This project was trained on ${data.imagesFile} with ${data.labelsFile}; upload both again to use them (their class names are kept).`,
    });
  } else if (data.kind === 'csv' || data.kind === 'images') {
    const name = data.kind === 'csv' ? data.fileName : data.folderName;
    store().setDataStatus({ kind: 'info', message: `This project was trained on ${name}; upload it again to use it (its column plan is kept).` });
  }
}

/**
 * Reads a separate validation CSV (Keras `validation_data`). It must have the training file's
 * columns, same names in the same order, so that one fitted transform applies to both.
 */
export function loadValidationFile(file: File): Promise<void> {
  return loading(`Reading ${file.name}…`, async (current) => {
    const before = store().loaded;
    if (before?.kind !== 'table') return;
    const parsed = await tables.parse(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${file.name}…`, progress: p }));
    // Read again: the training table or its plan may have changed while the file was read.
    const { loaded, data } = store();
    if (!current() || loaded?.kind !== 'table' || loaded.tableId !== before.tableId || (data.kind !== 'csv' && data.kind !== 'sample') || !data.plan) {
      tables.release(parsed.tableId);
      return;
    }
    const want = loaded.table.columns.map((c) => c.name);
    const got = parsed.table.columns.map((c) => c.name);
    if (want.join('\n') !== got.join('\n')) {
      tables.release(parsed.tableId);
      throw new Error(`${file.name}: its columns (${got.join(', ')}) differ from the training file's (${want.join(', ')})`);
    }
    if (loaded.validation) tables.release(loaded.validation.tableId);
    store().setLoaded({ ...loaded, validation: { table: parsed.table, tableId: parsed.tableId } }, store().dataSignature);
    await applyPlan({ ...data.plan, split: { kind: 'file', fileName: file.name } });
  });
}
