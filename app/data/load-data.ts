import { checkPlan, defaultPlan } from '../../src/data/plan';
import { fitPreprocessing } from '../../src/data/preprocess';
import { loadIdxSample } from '../../src/data/samples';
import type { Sample } from '../../src/data/samples';
import { signatureOfDataset, signatureOfPlan } from '../../src/data/signature';
import type { DataPlan, Table } from '../../src/data/types';
import { browserDecoder } from '../../src/data/images/decode';
import { entriesFromFiles } from '../../src/data/images/sources';
import { loadImageDataset } from '../../src/data/images/image-dataset';
import { wireModel } from '../../src/data/wiring';
import { outputFor } from '../../src/data/wiring';
import type { DataConfig } from '../../src/data/config';
import { analyze } from '../../src/graph/analyze';
import { useStore } from '../store/store';
import { parseCsvInWorker } from './csv-client';
import { previewsOf } from './dataset-previews';

const store = () => useStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs a load with the panel's loading state; a failure shows its reason and keeps the old data. */
async function loading(label: string, load: () => Promise<void>): Promise<void> {
  store().setDataStatus({ kind: 'loading', label, progress: null });
  try {
    await load();
  } catch (error) {
    store().setDataStatus({ kind: 'error', message: message(error) });
  }
}

/**
 * Applies a plan to the table in memory: checks it, fits the preprocessing, and records both in
 * the project. A plan with a problem is kept (so the user can fix it) but gives no signature.
 */
export function applyPlan(table: Table, plan: DataPlan, source: { kind: 'csv'; fileName: string } | { kind: 'sample'; sampleId: string }): void {
  const problem = checkPlan(table, plan);
  const fitted = problem === null ? fitPreprocessing(table, plan) : undefined;
  const config: DataConfig =
    source.kind === 'csv'
      ? { kind: 'csv', fileName: source.fileName, plan, ...(fitted ? { fitted } : {}) }
      : { kind: 'sample', sampleId: source.sampleId, plan, ...(fitted ? { fitted } : {}) };
  store().setDataConfig(config);
  store().setDataSignature(fitted ? signatureOfPlan(plan, fitted) : null);
  store().setDataStatus(problem === null ? { kind: 'idle' } : { kind: 'error', message: problem });
}

function useTable(table: Table, sourceName: string, source: Parameters<typeof applyPlan>[2]): void {
  store().setLoaded({ kind: 'table', sourceName, table }, null);
  applyPlan(table, defaultPlan(table), source);
}

/** Loads a built-in sample (fetched from the site, nothing from the network beyond it). */
export function loadSample(sample: Sample): Promise<void> {
  return loading(`Loading ${sample.title}…`, async () => {
    switch (sample.kind) {
      case 'csv': {
        const response = await fetch(`./${sample.path}`);
        if (!response.ok) throw new Error(`${sample.path}: could not be loaded (HTTP ${response.status})`);
        const blob = await response.blob();
        const file = new File([blob], sample.path.split('/').pop() ?? 'sample.csv');
        const table = await parseCsvInWorker(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${sample.title}…`, progress: p }));
        useTable(table, sample.title, { kind: 'sample', sampleId: sample.id });
        return;
      }
      case 'idx-images': {
        const dataset = await loadIdxSample(sample, async (path) => new Uint8Array(await (await fetch(`./${path}`)).arrayBuffer()));
        store().setLoaded({ kind: 'dataset', sourceName: sample.title, dataset }, signatureOfDataset(dataset));
        store().setDataConfig({ kind: 'sample', sampleId: sample.id });
        return;
      }
      case 'toy': {
        const dataset = sample.generate();
        store().setLoaded({ kind: 'dataset', sourceName: sample.title, dataset }, signatureOfDataset(dataset));
        store().setDataConfig({ kind: 'sample', sampleId: sample.id });
        return;
      }
    }
  });
}

/** Reads an uploaded CSV in the worker and proposes a plan for it. */
export function loadCsvFile(file: File): Promise<void> {
  return loading(`Reading ${file.name}…`, async () => {
    const table = await parseCsvInWorker(file, (p) => store().setDataStatus({ kind: 'loading', label: `Reading ${file.name}…`, progress: p }));
    useTable(table, file.name, { kind: 'csv', fileName: file.name });
  });
}

/** Reads a folder (or zip) of images, one subfolder per class, at 28x28 grayscale by default. */
export function loadImageFiles(
  files: readonly File[] | readonly { file: File; relativePath: string }[],
  opts: { pickedFolder: boolean; height?: number; width?: number; channels?: 1 | 3 },
): Promise<void> {
  const folderName = firstFolder(files);
  return loading(`Reading images from ${folderName}…`, async () => {
    const entries = await entriesFromFiles(files);
    const [height, width, channels] = [opts.height ?? 28, opts.width ?? 28, opts.channels ?? 1];
    const result = await loadImageDataset(entries, {
      decoder: browserDecoder,
      height,
      width,
      channels,
      fit: 'pad',
      pickedFolder: opts.pickedFolder,
      onProgress: (done, total) => store().setDataStatus({ kind: 'loading', label: `Reading images (${done} of ${total})…`, progress: done / total }),
    });
    const { dataset, previews, counts, skipped } = result;
    store().setLoaded({ kind: 'images', sourceName: folderName, dataset, previews, counts, skipped }, signatureOfDataset(dataset));
    store().setDataConfig({ kind: 'images', folderName, imageSize: [height, width], channels, fit: 'pad', classes: [...(dataset.classNames ?? [])] });
  });
}

function firstFolder(files: readonly File[] | readonly { file: File; relativePath: string }[]): string {
  const first = files[0];
  if (!first) return 'images';
  const path = 'relativePath' in first ? first.relativePath : first.webkitRelativePath || first.name;
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

/** Previews for datasets that come ready-made (IDX digits, toy sets). */
export { previewsOf };
