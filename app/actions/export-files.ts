import { NETLOOM_LAYERS_FILE, NETLOOM_LAYERS_NOTE, netloomClassesIn, tfjsExportFiles } from '../../src/compile/netloom-layers';
import { zipModel } from '../../src/compile/tfjs-export';
import { projectMetadata } from '../../src/compile/project-metadata';
import type { NetloomMetadata } from '../../src/compile/tfjs-metadata';
import { kerasScriptZip } from '../../src/compile/keras-script-zip';
import { kerasScriptExport } from '../../src/compile/to-keras-python';
import { packWeights } from '../../src/graph/inline-weights';
import { serializeProject } from '../../src/project/project-file';
import type { DistributionStrategy } from '../../src/compile/to-keras-python';
import { analysisOf } from '../store/analysis';
import { projectOf } from '../store/graph-slice';
import { weightsFor } from '../store/model-weights';
import { useStore } from '../store/store';
import { trainer } from '../services';
import { download, downloadBaseName as baseName, projectFileName } from './save-file';

/**
 * What travels with an exported model: the project's metadata, as the CLI writes it (see
 * `projectMetadata`), with the class names of data in memory when the project names none.
 */
function metadataOf(): NetloomMetadata {
  const state = useStore.getState();
  const { loaded } = state;
  const metadata = projectMetadata(projectOf(state));
  const loadedNames = loaded && loaded.kind !== 'table' ? loaded.dataset.classNames : undefined;
  return metadata.classNames === undefined && loadedNames !== undefined ? { ...metadata, classNames: loadedNames } : metadata;
}

function refuseBroken(): boolean {
  const { graph, dataSignature, showNotice } = useStore.getState();
  if (!analysisOf(graph, dataSignature).hasErrors && graph.nodes.length > 0) return false;
  showNotice({ kind: 'error', text: graph.nodes.length === 0 ? 'There is no model to export yet' : 'Fix the problems shown on the model before exporting it' });
  return true;
}

/**
 * The netloom-layers.js text when `uses` names a class Netloom registers, else undefined. The
 * text is its own chunk, fetched only when such a model is exported.
 */
async function layersModuleFor(uses: readonly string[]): Promise<string | undefined> {
  if (uses.length === 0) return undefined;
  return (await import('../../src/compile/generated/netloom-layers-source')).NETLOOM_LAYERS_JS;
}

const MIME: Readonly<Record<string, string>> = { 'model.json': 'application/json', [NETLOOM_LAYERS_FILE]: 'text/javascript' };

/**
 * Exports the TF.js layers model (trained weights when the last run trained this graph, else
 * fresh ones) as one zip or as model.json + model.weights.bin, made in the worker, with
 * netloom-layers.js beside them when the model uses a class only Netloom registers.
 */
export async function exportTfjs(as: 'zip' | 'files'): Promise<void> {
  if (refuseBroken()) return;
  const s = useStore.getState();
  try {
    const files = await trainer.exportModel(metadataOf());
    const uses = netloomClassesIn(files.modelJson);
    const layersJs = await layersModuleFor(uses);
    const name = baseName(s.name);
    if (as === 'zip') download(`${name}.zip`, zipModel(files, layersJs) as BlobPart, 'application/zip');
    else for (const f of tfjsExportFiles(files, layersJs)) download(f.name, f.contents as BlobPart, MIME[f.name] ?? 'application/octet-stream');
    const what = files.trained ? 'Exported the trained model.' : 'Exported the model with fresh, untrained weights (train it first to export trained ones).';
    const note = uses.length === 0 ? '' : ` It uses ${uses.join(', ')}, so it ${NETLOOM_LAYERS_NOTE}.`;
    s.showNotice({ kind: 'info', text: what + note });
  } catch (error) {
    s.showNotice({ kind: 'error', text: `The model could not be exported: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Downloads a runnable Keras Python script for the project, optionally under a distribution strategy. */
export function exportKeras(strategy: DistributionStrategy): void {
  if (refuseBroken()) return;
  const s = useStore.getState();
  const { fileName, script } = kerasScriptExport(projectOf(s), { strategy });
  download(fileName, script, 'text/x-python');
}

/** A built-in sample's bytes, from the site that serves the page (as the data panel loads them). */
async function fetchSample(path: string): Promise<Uint8Array> {
  const response = await fetch(`./${path}`);
  if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Downloads the Keras script with the data it reads beside it in one zip: the built-in sample's
 * files; an uploaded CSV or image folder the page cannot read again, so the notice names it.
 */
export async function exportKerasWithData(): Promise<void> {
  if (refuseBroken()) return;
  const s = useStore.getState();
  try {
    const zip = await kerasScriptZip(projectOf(s), { strategy: 'none' }, fetchSample);
    download(zip.fileName, zip.bytes as BlobPart, 'application/zip');
    const add = zip.missing.map((name) => `"${name}"`).join(' and ');
    s.showNotice({
      kind: 'info',
      text:
        zip.missing.length === 0
          ? `Exported ${zip.fileName}: the script with its data.`
          : `Exported ${zip.fileName}: put ${add} beside the script in it, Netloom cannot include ${zip.missing.length === 1 ? 'it' : 'them'}.`,
    });
  } catch (error) {
    s.showNotice({ kind: 'error', text: `The script could not be exported: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Downloads the project with the current model's weights inside it (trained, or fresh if none). */
export async function saveProjectWithWeights(): Promise<void> {
  if (refuseBroken()) return;
  const s = useStore.getState();
  try {
    const files = await trainer.exportModel(metadataOf());
    const json = JSON.parse(files.modelJson) as { weightsManifest: { weights: { name: string; shape: number[] }[] }[] };
    const specs = json.weightsManifest.flatMap((g) => g.weights);
    const all = new Float32Array(files.weights.buffer, files.weights.byteOffset, files.weights.byteLength / 4);
    let at = 0;
    const weights = specs.map((spec) => {
      const n = spec.shape.reduce((a, b) => a * b, 1);
      const values = all.slice(at, at + n);
      at += n;
      return { name: spec.name, shape: spec.shape, values };
    });
    // The worker exports the store's weights when they fit (their count, if known), else fresh ones (0).
    const epochs = files.trained ? weightsFor(s.graph, s.modelWeights)?.epochs : 0;
    const project = { ...projectOf(s), weights: packWeights(weights, epochs) };
    download(projectFileName(s.name), serializeProject(project), 'application/json');
    s.showNotice({ kind: 'info', text: files.trained ? 'Saved the project with its trained weights.' : 'Saved the project with fresh, untrained weights.' });
  } catch (error) {
    s.showNotice({ kind: 'error', text: `The project could not be saved: ${error instanceof Error ? error.message : String(error)}` });
  }
}
