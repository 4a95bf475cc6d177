import { loadIdxSample } from '../../src/data/samples';
import type { Sample } from '../../src/data/samples';
import { signatureOfDataset, signatureOfPlan } from '../../src/data/signature';
import type { DataPlan, FittedPreprocessing } from '../../src/data/types';
import type { DataSignature } from '../../src/data/wiring';
import type { LoadedData } from '../store/data-slice';
import { browserDecoder } from '../../src/data/images/decode';
import { entriesFromFiles } from '../../src/data/images/sources';
import type { DroppedItem } from '../../src/data/images/sources';
import { loadImageDataset } from '../../src/data/images/image-dataset';
import type { Fit } from '../../src/data/images/types';
import { sampleById } from '../../src/data/samples';
import { wireModel } from '../../src/data/wiring';
import { outputFor } from '../../src/data/wiring';
import type { DataConfig } from '../../src/data/config';
import { analyze } from '../../src/analysis/analyze';
import { useStore } from '../store/store';
import { fitInWorker, parseCsvInWorker, releaseTable } from './csv-client';
import type { ParsedTable } from './csv-client';

const store = () => useStore.getState();

/**
 * True (with a message) while a run trains: it trains on the samples it started with, so other
 * data now would be silently ignored until the next run.
 */
function refuseDuringRun(): boolean {
  const status = store().run?.status;
  if (status !== 'running' && status !== 'starting') return false;
  store().showNotice({ kind: 'error', text: 'Stop the training run before changing the data: a run trains on the data it started with.' });
  return true;
}
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

let generation = 0;

/** Starts a load that will replace the data in memory; it goes stale once a later one starts. */
function startLoad(): () => boolean {
  const mine = ++generation;
  return () => mine === generation;
}

/**
 * Runs a load with the panel's loading state; a failure shows its reason and keeps the old data.
 * `load` gets a check that is false once a later load started: its result must then be dropped.
 */
async function loading(label: string, load: (current: () => boolean) => Promise<void>): Promise<void> {
  if (refuseDuringRun()) return;
  const current = startLoad();
  store().setDataStatus({ kind: 'loading', label, progress: null });
  try {
    await load(current);
  } catch (error) {
    if (current()) store().setDataStatus({ kind: 'error', message: message(error) });
  }
}

type TableSource = { kind: 'csv'; fileName: string } | { kind: 'sample'; sampleId: string };

/** Where the table of the data settings came from, when they describe a table. */
const sourceOf = (data: DataConfig): TableSource | undefined =>
  data.kind === 'csv' ? { kind: 'csv', fileName: data.fileName } : data.kind === 'sample' ? { kind: 'sample', sampleId: data.sampleId } : undefined;

const configFor = (source: TableSource, plan: DataPlan, fitted?: FittedPreprocessing): DataConfig =>
  source.kind === 'csv'
    ? { kind: 'csv', fileName: source.fileName, plan, ...(fitted ? { fitted } : {}) }
    : { kind: 'sample', sampleId: source.sampleId, plan, ...(fitted ? { fitted } : {}) };

let latestFit = 0;
let fitting: Promise<void> = Promise.resolve();

/**
 * Applies a plan to the table in memory: records it at once (so quick edits build on each other),
 * has the table worker check and fit it, then records the fitted preprocessing and what the model
 * must take. Only the latest plan's fit lands. A plan with a problem is kept, so the user can fix
 * it, but gives no signature. The source is the current data settings' unless a new table's.
 */
export function applyPlan(plan: DataPlan, source = sourceOf(store().data)): Promise<void> {
  if (refuseDuringRun()) return Promise.resolve();
  const { loaded } = store();
  if (loaded?.kind !== 'table' || source === undefined) return Promise.resolve();
  const ticket = ++latestFit;
  store().setDataConfig(configFor(source, plan));
  fitting = fitInWorker(loaded.tableId, plan).then(
    (result) => {
      if (ticket !== latestFit) return;
      store().setDataConfig(configFor(source, plan, result.ok ? result.fitted : undefined));
      store().setDataSignature(result.ok ? signatureOfPlan(plan, result.fitted) : null);
      store().setDataStatus(result.ok ? { kind: 'idle' } : { kind: 'error', message: result.problem });
    },
    (error: unknown) => {
      if (ticket === latestFit) store().setDataStatus({ kind: 'error', message: message(error) });
    },
  );
  return fitting;
}

/** Resolves once the latest plan is fitted (or refused), even if it changes meanwhile. */
export async function planSettled(): Promise<void> {
  let seen: Promise<void> | undefined;
  while (seen !== fitting) {
    seen = fitting;
    await seen;
  }
}

/**
 * Puts other data in memory: the table worker forgets the tables shown until now, and a fit of
 * them still in flight no longer lands.
 */
function replaceLoaded(next: LoadedData | null, signature: DataSignature | null): void {
  const { loaded } = store();
  if (loaded?.kind === 'table') {
    releaseTable(loaded.tableId);
    if (loaded.validation) releaseTable(loaded.validation.tableId);
  }
  latestFit++;
  store().setLoaded(next, signature);
}

/**
 * Shows a freshly read table under a plan: the saved one when it still names exactly these
 * columns (reopening a project), else the default plan for the table.
 */
async function showTable(parsed: ParsedTable, current: () => boolean, sourceName: string, source: TableSource, saved?: DataPlan): Promise<void> {
  const { table, tableId } = parsed;
  if (!current()) {
    releaseTable(tableId);
    return;
  }
  replaceLoaded({ kind: 'table', sourceName, table, tableId }, null);
  const names = table.columns.map((c) => c.name).join('\n');
  const fits = saved !== undefined && saved.columns.map((c) => c.name).join('\n') === names;
  await applyPlan(fits ? saved : parsed.plan, source);
}

/**
 * Loads a built-in sample (fetched from the site, nothing from the network beyond it), under
 * `savedPlan` when reopening a project that had one.
 */
export function loadSample(sample: Sample, savedPlan?: DataPlan): Promise<void> {
  return loading(`Loading ${sample.title}…`, async (current) => {
    switch (sample.kind) {
      case 'csv': {
        const response = await fetch(`./${sample.path}`);
        if (!response.ok) throw new Error(`${sample.path}: could not be loaded (HTTP ${response.status})`);
        const blob = await response.blob();
        const file = new File([blob], sample.path.split('/').pop() ?? 'sample.csv');
        const parsed = await parseCsvInWorker(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${sample.title}…`, progress: p }));
        await showTable(parsed, current, sample.title, { kind: 'sample', sampleId: sample.id }, savedPlan);
        return;
      }
      case 'idx-images': {
        const dataset = await loadIdxSample(sample, async (path) => new Uint8Array(await (await fetch(`./${path}`)).arrayBuffer()));
        if (!current()) return;
        replaceLoaded({ kind: 'dataset', sourceName: sample.title, dataset }, signatureOfDataset(dataset));
        store().setDataConfig({ kind: 'sample', sampleId: sample.id });
        return;
      }
      case 'toy': {
        const dataset = sample.generate();
        replaceLoaded({ kind: 'dataset', sourceName: sample.title, dataset }, signatureOfDataset(dataset));
        store().setDataConfig({ kind: 'sample', sampleId: sample.id });
        return;
      }
    }
  });
}

/** Reads an uploaded CSV in the worker and proposes a plan for it. */
export function loadCsvFile(file: File): Promise<void> {
  return loading(`Reading ${file.name}…`, async (current) => {
    const parsed = await parseCsvInWorker(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${file.name}…`, progress: p }));
    const data = store().data;
    await showTable(parsed, current, file.name, { kind: 'csv', fileName: file.name }, data.kind === 'csv' && data.fileName === file.name ? data.plan : undefined);
  });
}

/** How uploaded images become samples; chosen in the data panel before upload. */
export interface ImageChoice {
  readonly size: number;
  readonly channels: 1 | 3;
  readonly fit: Fit;
}

/** Reads a folder (or zip) of images, one subfolder per class, at 28x28 grayscale by default. */
export function loadImageFiles(
  files: readonly File[] | readonly DroppedItem[],
  opts: { pickedFolder: boolean } & Partial<ImageChoice>,
): Promise<void> {
  const folderName = firstFolder(files);
  return loading(`Reading images from ${folderName}…`, async (current) => {
    const entries = await entriesFromFiles(files);
    const [height, width, channels, fit] = [opts.size ?? 28, opts.size ?? 28, opts.channels ?? 1, opts.fit ?? 'pad'];
    const result = await loadImageDataset(entries, {
      decoder: browserDecoder,
      height,
      width,
      channels,
      fit,
      pickedFolder: opts.pickedFolder,
      onProgress: (done, total) => store().setDataStatus({ kind: 'loading', label: `Reading images (${done} of ${total})…`, progress: done / total }),
    });
    if (!current()) return;
    const { dataset, previews, counts, skipped } = result;
    replaceLoaded({ kind: 'images', sourceName: folderName, dataset, previews, counts, skipped }, signatureOfDataset(dataset));
    store().setDataConfig({ kind: 'images', folderName, imageSize: [height, width], channels, fit, classes: [...(dataset.classNames ?? [])] });
  });
}

function firstFolder(files: readonly File[] | readonly DroppedItem[]): string {
  const first = files[0];
  if (!first) return 'images';
  const path = 'folder' in first ? first.folder : 'relativePath' in first ? first.relativePath : first.webkitRelativePath || first.name;
  return path.split('/')[0] || path;
}

/** Sets the Input shape, output units/activation and the loss so the model fits the data. */
export function fitModelToData(): void {
  const { graph, dataSignature } = store();
  if (!dataSignature) return;
  store().setGraph(wireModel(graph, analyze(graph), dataSignature));
  store().setTraining({ loss: outputFor(dataSignature).loss });
  store().showNotice({ kind: 'info', text: 'The model now takes the data: Input shape, output units, activation and loss were set.' });
}

/**
 * Brings back the data of a reopened project in place of the data in memory: a built-in sample is
 * fetched again under its saved plan; an uploaded file cannot be read back by the page, so the
 * panel asks for it by name.
 */
export function restoreData(): void {
  // What is in memory belongs to the project being replaced, and so do loads still running.
  startLoad();
  replaceLoaded(null, null);
  const { data } = store();
  if (data.kind === 'sample') {
    const sample = sampleById(data.sampleId);
    if (sample) void loadSample(sample, data.plan);
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
    const parsed = await parseCsvInWorker(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${file.name}…`, progress: p }));
    // Read again: the training table or its plan may have changed while the file was read.
    const { loaded, data } = store();
    if (!current() || loaded?.kind !== 'table' || loaded.tableId !== before.tableId || (data.kind !== 'csv' && data.kind !== 'sample') || !data.plan) {
      releaseTable(parsed.tableId);
      return;
    }
    const want = loaded.table.columns.map((c) => c.name);
    const got = parsed.table.columns.map((c) => c.name);
    if (want.join('\n') !== got.join('\n')) {
      releaseTable(parsed.tableId);
      throw new Error(`${file.name}: its columns (${got.join(', ')}) differ from the training file's (${want.join(', ')})`);
    }
    if (loaded.validation) releaseTable(loaded.validation.tableId);
    store().setLoaded({ ...loaded, validation: { table: parsed.table, tableId: parsed.tableId } }, store().dataSignature);
    await applyPlan({ ...data.plan, split: { kind: 'file', fileName: file.name } });
  });
}
