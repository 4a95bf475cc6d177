import { del, get, set } from 'idb-keyval';
import { parseProjectFile, serializeProject } from '../../src/graph/project-file';
import { graphKeyOf, type ModelWeights } from './model-weights';
import { clearHistory, useStore } from './store';
import type { Store } from './store';
import { projectOf } from './graph-slice';

/** IndexedDB key of the autosaved project text. */
export const AUTOSAVE_KEY = 'netloom:project';
/** Where a stored project that no longer reads is kept, so it is never silently lost. */
export const BROKEN_AUTOSAVE_KEY = 'netloom:project:broken';
/** IndexedDB key of the model's weights, kept apart from the project text (binary, and rarely written). */
export const WEIGHTS_KEY = 'netloom:weights';
/** Quiet time after the last edit before saving: a drag or a burst of typing is one write. */
export const AUTOSAVE_DELAY_MS = 400;

const projectChanged = (a: Store, b: Store) =>
  a.name !== b.name || a.graph !== b.graph || a.training !== b.training || a.data !== b.data;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Saves the project to IndexedDB a moment after each change to its name, graph, training or data
 * config (selection, notices and measured sizes are not the project and do not write). Returns a
 * stop function that writes any save still pending. Call it after `restoreAutosave` has settled,
 * so the restore is not raced by an edit.
 */
export function startAutosave(delayMs = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;

  const save = () => {
    timer = undefined;
    const text = serializeProject(projectOf(useStore.getState()));
    set(AUTOSAVE_KEY, text).catch((error: unknown) => {
      // Once per session: private windows may refuse IndexedDB on every write.
      if (warned) return;
      warned = true;
      useStore.getState().showNotice({
        kind: 'error',
        text: `Autosave failed (${messageOf(error)}); use "Save as" to keep your work.`,
      });
    });
  };
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };

  const unsubscribe = useStore.subscribe((state, prev) => {
    if (state.modelWeights !== prev.modelWeights) saveWeights(state.modelWeights);
    if (!projectChanged(state, prev)) return;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  // Closing the tab inside the debounce window would otherwise lose the last edit.
  const target = typeof window === 'undefined' ? undefined : window;
  target?.addEventListener('pagehide', flush);

  return () => {
    unsubscribe();
    target?.removeEventListener('pagehide', flush);
    flush();
  };
}

/**
 * Keeps the model's weights in IndexedDB as typed arrays (no base64, no text), written only when
 * they change: after a run, an import or an open.
 */
function saveWeights(weights: ModelWeights | null): void {
  const write = weights === null ? del(WEIGHTS_KEY) : set(WEIGHTS_KEY, weights);
  write.catch((error: unknown) => {
    useStore.getState().showNotice({
      kind: 'error',
      text: `Autosave could not keep the model's weights (${messageOf(error)}); use "Save as" to keep them with the project.`,
    });
  });
}

const isWeightList = (value: unknown): value is ModelWeights['weights'] =>
  Array.isArray(value) &&
  value.every(
    (w: unknown) =>
      typeof w === 'object' && w !== null && typeof (w as { name?: unknown }).name === 'string' && (w as { values?: unknown }).values instanceof Float32Array,
  );

/** The stored weights, when they are well formed and belong to the restored project's model. */
async function restoredWeights(): Promise<ModelWeights | null> {
  const stored = await get<unknown>(WEIGHTS_KEY).catch(() => undefined);
  if (typeof stored !== 'object' || stored === null) return null;
  const { key, weights, source } = stored as Partial<ModelWeights>;
  if (typeof key !== 'string' || !isWeightList(weights)) return null;
  if (key !== graphKeyOf(useStore.getState().graph)) return null;
  return { key, weights, source: source === 'trained' ? 'trained' : 'imported' };
}

/**
 * Loads the autosaved project, if any, as the current project with a fresh undo history.
 * Resolves to 'empty' when nothing was saved, or to `{error}` when the saved project cannot be
 * read: a message for the user (to follow "Your last session could not be restored: "), and the
 * unreadable copy is kept under BROKEN_AUTOSAVE_KEY.
 */
export async function restoreAutosave(): Promise<'restored' | 'empty' | { error: string }> {
  let stored: unknown;
  try {
    stored = await get<unknown>(AUTOSAVE_KEY);
  } catch (error) {
    return { error: `the browser's storage could not be read (${messageOf(error)})` };
  }
  if (stored === undefined) return 'empty';
  try {
    if (typeof stored !== 'string') throw new Error('the stored value is not project text');
    const project = parseProjectFile(stored, 'autosaved project');
    useStore.getState().loadProject(project);
    clearHistory();
    // The trained (or imported) model comes back too, when its weights fit the restored graph.
    const weights = await restoredWeights();
    if (weights) useStore.setState({ modelWeights: weights });
    return 'restored';
  } catch (error) {
    const kept = await set(BROKEN_AUTOSAVE_KEY, stored).then(
      () => `a copy is kept in this browser's storage under "${BROKEN_AUTOSAVE_KEY}"`,
      (keepError: unknown) => `it could not be copied aside either (${messageOf(keepError)})`,
    );
    return { error: `${messageOf(error)}; ${kept}` };
  }
}
