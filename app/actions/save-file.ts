import { packWeights } from '../../src/graph/inline-weights';
import { serializeProject } from '../../src/project/project-file';
import { projectOf } from '../store/graph-slice';
import { weightsFor } from '../store/model-weights';
import { savedRuns } from '../store/run-history';
import { useStore } from '../store/store';
import { messageOf } from '../../src/lib/errors';

/** The download name for a project: its name made safe for every file system, plus `.netloom.json`. */
export function projectFileName(name: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  return `${safe === '' ? 'untitled' : safe}.netloom.json`;
}

/** The project's download name without `.netloom.json`, for the files exported from it (`iris_classifier.zip`). */
export function downloadBaseName(name: string): string {
  return projectFileName(name).replace(/\.netloom\.json$/, '');
}

/** Offers `data` as a download named `fileName`. */
export function download(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads the current project as `<name>.netloom.json`, with the model's weights inside when
 * it has some (trained, imported or opened) that fit the graph: the file is the whole project.
 */
export function saveProjectAs(): void {
  const file = projectFileOf(useStore.getState());
  download(projectFileName(file.name), serializeProject(file), 'application/json');
}

/** The project as its file holds it: with the model's weights when they fit the graph. */
function projectFileOf(s: ReturnType<typeof useStore.getState>) {
  const project = projectOf(s);
  const held = weightsFor(s.graph, s.modelWeights);
  return held ? { ...project, weights: packWeights(held.weights, held.epochs) } : project;
}

/**
 * Save as, with the run history inside: every kept run, with the weights it kept. Opening the
 * file adds its runs to the history of the browser that opens it.
 */
export async function saveProjectWithRuns(): Promise<void> {
  const s = useStore.getState();
  const project = projectFileOf(s);
  try {
    const runs = await savedRuns();
    download(projectFileName(project.name), serializeProject({ ...project, runs }), 'application/json');
    s.showNotice({ kind: 'info', text: `Saved the project with ${runs.length} run${runs.length === 1 ? '' : 's'} of history.` });
  } catch (error) {
    s.showNotice({ kind: 'error', text: `The run history could not be read to save it (${messageOf(error)}).` });
  }
}
