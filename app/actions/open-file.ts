import { looksLikeZip, readModelZip } from '../../src/compile/model-zip';
import { weightsProblem } from '../../src/compile/weights-fit';
import type { Graph } from '../../src/graph/types';
import type { Project } from '../../src/project/project-file';
import { UserFileError } from '../../src/lib/errors';
import { openModelFile } from '../../src/compile/open-file';
import { importLayersModel, type ImportedLayersModel, type WeightValues } from '../../src/compile/tfjs-import';
import { parseJsonText } from '../../src/lib/parse-file';
import { inlineWeightValues } from '../../src/graph/inline-weights';
import { trainer } from '../services';
import { projectOf } from '../store/graph-slice';
import { importRuns } from '../store/run-history';
import { useStore } from '../store/store';
import { formatCount } from '../../src/lib/format-count';
import { restoreData } from './load-data';

/** Files larger than this are refused before reading: model files hold topology, not weights. */
export const MAX_OPEN_BYTES = 20 * 1024 * 1024;

/**
 * Opens a user's file: a Netloom project replaces the whole project; a Keras / TF.js model
 * replaces the graph and takes the model's name, keeping training and data settings. Any problem
 * becomes an error notice and leaves the current work untouched. Resolves true when opened.
 */
export async function openUserFile(file: File, weightFiles: readonly File[] = []): Promise<boolean> {
  const s = useStore.getState();
  try {
    if (weightFiles.length > 0) return await openModelWithWeights(file, weightFiles);
    if (file.name.toLowerCase().endsWith('.zip')) return await openZip(file);
    if (file.size > MAX_OPEN_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      throw new Error(`${mb} MB is too large for a model file (topology only, no weights)`);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (looksLikeZip(bytes)) return await openZip(file);
    await openText(new TextDecoder().decode(bytes), file.name);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    s.showNotice({ kind: 'error', text: message.startsWith(file.name) ? message : `${file.name}: ${message}` });
    return false;
  }
}

/** Opens a project or model file's text (see `openUserFile`); throws what is wrong with it. */
async function openText(text: string, fileName: string): Promise<void> {
  const s = useStore.getState();
  const opened = openModelFile(text, fileName);
  const current = projectOf(useStore.getState());
  if (opened.kind === 'project') await loadProjectWithWeights(opened.project, fileName, 'restore');
  else s.loadProject({ ...current, name: opened.name, graph: opened.graph });
  const runs = opened.kind === 'project' ? (opened.project.runs ?? []) : [];
  if (runs.length > 0) await importRuns(runs);
  const layers = opened.graph.nodes.length;
  const withRuns = runs.length === 0 ? '' : ` and ${runs.length} run${runs.length === 1 ? '' : 's'} (now in the Train tab's history)`;
  const withWeights = (opened.kind === 'project' && opened.project.weights ? ` with its weights${trainedFor(opened.project.weights.epochs)}` : '') + withRuns;
  const unkept = opened.kind === 'keras' ? unkeptNote(opened.unkept) : '';
  s.showNotice({ kind: 'info', text: `Opened ${fileName}${withWeights}: ${formatCount(layers)} layer${layers === 1 ? '' : 's'}.${unkept}` });
}

/**
 * Replaces the project with `opened` and hands its weights, if any, to the training worker.
 * Everything is checked first: a refused file changes nothing (throws, naming `fileName`).
 * `data`: 'restore' brings the project's data back as at start-up (samples fetched, files asked
 * for by name); 'keep' keeps the data in memory, as a new project from a template does.
 */
export async function loadProjectWithWeights(opened: Project, fileName: string, data: 'restore' | 'keep'): Promise<void> {
  const s = useStore.getState();
  const { weights, ...project } = opened;
  const values = weights ? checkedWeights(project.graph, inlineWeightValues(weights), fileName) : undefined;
  if (values) await checkedInWorker(project.graph, values, fileName);
  if (data === 'keep') s.loadProject({ ...project, data: s.data });
  else {
    s.loadProject(project);
    restoreData();
  }
  if (values) trainer.loadImportedWeights(project.graph, values, weights?.epochs);
}

/** The weights, when they fit the graph layer by layer; else a UserFileError that names the layer. */
function checkedWeights<W extends { name: string; values: Float32Array }>(graph: Graph, weights: readonly W[], fileName: string): readonly W[] {
  const problem = weightsProblem(graph, weights);
  if (problem !== null) throw new UserFileError(`its weights do not fit its model: ${problem}`, fileName);
  return weights;
}

/**
 * Refuses weights whose values fit each layer's count but not each weight's shape (a transposed
 * kernel): only tfjs knows a layer's weight shapes, so the training worker builds the model and
 * sets them. Skipped while a run holds the worker's model; the run's end lets the next check in.
 */
async function checkedInWorker(graph: Graph, weights: readonly WeightValues[], fileName: string): Promise<void> {
  const { run } = useStore.getState();
  if (run?.status === 'running' || run?.status === 'starting') return;
  useStore.getState().showNotice({ kind: 'info', text: `Opening ${fileName}: checking its weights against the model…` });
  try {
    await trainer.checkWeights(graph, weights);
  } catch (error) {
    throw new UserFileError(error instanceof Error ? error.message : String(error), fileName);
  }
}

/** " (trained for 3 epochs)" when the file says how many epochs trained its weights, else nothing. */
const trainedFor = (epochs: number | undefined) =>
  epochs === undefined ? '' : epochs === 0 ? ' (untrained)' : ` (trained for ${epochs} epoch${epochs === 1 ? '' : 's'})`;

/** " Not kept from the file: ..." for settings the graph has no place for, or nothing. */
function unkeptNote(unkept: readonly string[]): string {
  if (unkept.length === 0) return '';
  const shown = unkept.slice(0, 3).join('; ');
  return ` Not kept from the file (they would change training, not predictions): ${shown}${unkept.length > 3 ? `; and ${unkept.length - 3} more layers` : ''}.`;
}

/** A zip as Netloom exports it (model.json + weights) or holding a project. */
async function openZip(file: File): Promise<boolean> {
  const zip = await readModelZip(new Uint8Array(await file.arrayBuffer()));
  if (zip.kind === 'project') {
    await openText(zip.text, `${file.name}: ${zip.fileName}`);
    return true;
  }
  const imported = importLayersModel({ json: parseJsonText(zip.json, `${file.name}: ${zip.fileName}`), fileName: file.name, weightFiles: zip.weightFiles });
  return await openImported(imported, file.name);
}

/**
 * Opens a TF.js layers model.json with its weights files: the graph replaces the current one and
 * the weights go to the training worker, so predictions, export and "continue training" start from
 * them. Throws UserFileError for missing or mismatched shards.
 */
async function openModelWithWeights(json: File, weightFiles: readonly File[]): Promise<boolean> {
  const imported = importLayersModel({
    json: parseJsonText(await json.text(), json.name),
    fileName: json.name,
    weightFiles: await Promise.all(weightFiles.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
  });
  return await openImported(imported, json.name);
}

/** Puts an imported layers model in place of the graph, with its weights when it has some. */
async function openImported(imported: ImportedLayersModel, fileName: string): Promise<boolean> {
  const s = useStore.getState();
  if (imported.weights && imported.weights.length > 0) await checkedInWorker(imported.graph, imported.weights, fileName);
  s.loadProject({ ...projectOf(useStore.getState()), name: imported.modelName, graph: imported.graph });
  if (imported.weights && imported.weights.length > 0) trainer.loadImportedWeights(imported.graph, imported.weights);
  const what = imported.weights && imported.weights.length > 0 ? ' with its trained weights' : '';
  s.showNotice({ kind: 'info', text: `Opened ${fileName}${what}: ${formatCount(imported.graph.nodes.length)} layers.${unkeptNote(imported.unkept)}` });
  return true;
}

/** Opens what the user picked: one project, model or zip file, or a model.json plus its .bin shards. */
export function openUserFiles(files: readonly File[]): Promise<boolean> {
  // Old converter shards have no extension (`group1-shard1of1`): the model is the .json or .zip.
  const json = files.find((f) => /\.(json|zip)$/i.test(f.name)) ?? (files.length === 1 ? files[0] : undefined);
  if (!json) {
    useStore.getState().showNotice({ kind: 'error', text: 'Choose a model.json (or a .netloom.json project, or a .zip of either) along with the .bin files' });
    return Promise.resolve(false);
  }
  return openUserFile(
    json,
    files.filter((f) => f !== json),
  );
}
