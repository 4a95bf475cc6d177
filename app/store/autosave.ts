import { del, get, set, update } from 'idb-keyval';
import { parseProjectFile, serializeProject } from '../../src/project/project-file';
import { clearJournal, newTabId, readJournal, readRecord, writeJournal, type AutosaveRecord } from './autosave-record';
import { graphKeyOf, type ModelWeights } from './model-weights';
import { clearHistory, useStore } from './store';
import type { Store } from './store';
import { projectOf } from './graph-slice';
import { watchOtherTabs } from './tab-sync';
import { messageOf } from '../../src/lib/errors';

/** IndexedDB key of the autosaved project (an AutosaveRecord). */
export const AUTOSAVE_KEY = 'netloom:project';
/** Prefix of the keys where stored projects that no longer read are kept, one key each, never overwritten. */
export const BROKEN_AUTOSAVE_KEY = 'netloom:project:broken';
/** IndexedDB key of the model's weights, kept apart from the project text (binary, and rarely written). */
export const WEIGHTS_KEY = 'netloom:weights';
/** Quiet time after the last edit before saving: a drag or a burst of typing is one write. */
export const AUTOSAVE_DELAY_MS = 400;

const projectChanged = (a: Store, b: Store) =>
  a.name !== b.name || a.graph !== b.graph || a.training !== b.training || a.callbacks !== b.callbacks || a.fineTune !== b.fineTune || a.data !== b.data;

/** What `restoreAutosave` found: the revision it restored is where this tab's saves go on from. */
export type RestoreResult =
  | { readonly kind: 'restored'; readonly revision: number }
  | { readonly kind: 'empty'; readonly revision: number }
  /** The project was changed (a file opened, a template picked) before the stored copy was read: the change stands. */
  | { readonly kind: 'superseded'; readonly revision: number }
  | { readonly kind: 'error'; readonly error: string; readonly revision: number };

/**
 * Saves the project to IndexedDB a moment after each change to its name, graph, training settings,
 * callbacks or data config, from the revision `restoreAutosave` found. Every save is checked with
 * the reader first (what would not load is never written over a good copy); another tab's newer
 * save stops this tab's saves until the user chooses (theirs, or keep editing here); a page closed
 * or reloaded inside the quiet time leaves its last edit in a synchronous journal. Returns a stop
 * function.
 */
export function startAutosave(from = 0, delayMs = AUTOSAVE_DELAY_MS, since?: Store): () => void {
  const tab = newTabId();
  let revision = from;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let blocked = false;
  let warned = false;
  /** The text of a save whose IndexedDB write has not finished yet. */
  let inFlight: string | undefined;
  const notify = (text: string) => {
    if (warned) return;
    warned = true;
    useStore.getState().showNotice({ kind: 'error', text });
  };

  /** The current project as text, or undefined (and a notice) when the reader would refuse it. */
  const checkedText = (): string | undefined => {
    const text = serializeProject(projectOf(useStore.getState()));
    try {
      parseProjectFile(text);
      return text;
    } catch (error) {
      notify(`Autosave skipped this change, which would not load again (${messageOf(error)}); the last good copy is kept.`);
      return undefined;
    }
  };

  const save = () => {
    timer = undefined;
    const text = checkedText();
    if (text === undefined || blocked) return;
    let written: AutosaveRecord | undefined;
    inFlight = text;
    update(AUTOSAVE_KEY, (old: unknown) => {
      const stored = readRecord(old);
      // Another tab saved since this one last read or wrote: its work is not overwritten.
      if (stored && stored.revision > revision && stored.tab !== tab) return old;
      written = { revision: Math.max(stored?.revision ?? 0, revision) + 1, tab, savedAt: Date.now(), text };
      return written;
    }).then(
      () => {
        if (inFlight === text) inFlight = undefined;
        if (written === undefined) return conflict();
        revision = written.revision;
        clearJournal();
        sync.announce(revision);
      },
      (error: unknown) => notify(`Autosave failed (${messageOf(error)}); use "Save as" to keep your work.`),
    );
  };

  const conflict = () => {
    if (blocked) return;
    blocked = true;
    useStore.getState().showNotice({
      kind: 'error',
      text: "This project changed in another tab. Load that version here, or keep this one (it will overwrite the other tab's on the next save).",
      actions: [
        { label: "Load the other tab's", run: () => window.location.reload() },
        {
          label: 'Keep this one',
          run: () => {
            void get<unknown>(AUTOSAVE_KEY).then((stored) => {
              revision = readRecord(stored)?.revision ?? revision;
              blocked = false;
              useStore.getState().dismissNotice();
              save();
            });
          },
        },
      ],
    });
  };
  const sync = watchOtherTabs(tab, (theirs) => {
    if (theirs > revision) conflict();
  });

  /**
   * A page going away: the pending edit goes to the journal now, and to IndexedDB if there is
   * time. So does an edit whose IndexedDB write has started but not finished: a reload can cut
   * that write off, and then only the journal has it.
   */
  const flush = () => {
    if (timer === undefined) {
      if (inFlight !== undefined && !blocked) writeJournal({ revision: revision + 1, tab, savedAt: Date.now(), text: inFlight });
      return;
    }
    clearTimeout(timer);
    const text = checkedText();
    if (text !== undefined && !blocked) writeJournal({ revision: revision + 1, tab, savedAt: Date.now(), text });
    save();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  // A field commits its edit when it loses focus (the project name, the inspector's): the page
  // going away blurs it first, so an edit typed just before a reload is in the store when saved.
  const onPageHide = () => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement) focused.blur();
    flush();
  };

  const unsubscribe = useStore.subscribe((state, prev) => {
    if (state.modelWeights !== prev.modelWeights) saveWeights(state.modelWeights);
    if (!projectChanged(state, prev)) return;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  // A change made before this saver started (while the restore read storage) is saved too.
  if (since !== undefined && projectChanged(useStore.getState(), since)) timer = setTimeout(save, delayMs);
  const target = typeof window === 'undefined' ? undefined : window;
  target?.addEventListener('pagehide', onPageHide);
  target?.document.addEventListener('visibilitychange', onHidden);

  return () => {
    unsubscribe();
    sync.close();
    target?.removeEventListener('pagehide', onPageHide);
    target?.document.removeEventListener('visibilitychange', onHidden);
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
  const { key, weights, source, epochs } = stored as Partial<ModelWeights>;
  if (typeof key !== 'string' || !isWeightList(weights)) return null;
  if (key !== graphKeyOf(useStore.getState().graph)) return null;
  // Weights stored before the count was kept have none: unknown, not 0.
  const counted = typeof epochs === 'number' && Number.isInteger(epochs) && epochs >= 0 ? { epochs } : {};
  return { key, weights, source: source === 'trained' ? 'trained' : 'imported', ...counted };
}

/** Keeps an unreadable stored value under a key of its own, so no broken copy replaces another. */
async function keepAside(value: unknown): Promise<string> {
  const key = `${BROKEN_AUTOSAVE_KEY}:${new Date().toISOString()}`;
  return set(key, value).then(
    () => `a copy is kept in this browser's storage under "${key}"`,
    (keepError: unknown) => `it could not be copied aside either (${messageOf(keepError)})`,
  );
}

/**
 * Loads the autosaved project, if any, as the current project with a fresh undo history: the
 * journal of a page closed mid-edit when it is newer than IndexedDB's copy, else that copy; the
 * model's weights too when they fit. A copy that does not read is kept aside, with the message.
 */
export async function restoreAutosave(): Promise<RestoreResult> {
  const before = useStore.getState();
  let stored: unknown;
  try {
    stored = await get<unknown>(AUTOSAVE_KEY);
  } catch (error) {
    return { kind: 'error', error: `the browser's storage could not be read (${messageOf(error)})`, revision: 0 };
  }
  const record = readRecord(stored);
  const journal = readJournal();
  if (projectChanged(useStore.getState(), before)) {
    return { kind: 'superseded', revision: Math.max(record?.revision ?? 0, journal?.revision ?? 0) };
  }
  const newest = journal && (record === undefined || journal.revision > record.revision) ? journal : record;
  if (stored === undefined && newest === undefined) return { kind: 'empty', revision: 0 };
  try {
    if (newest === undefined) throw new Error('the stored value is not project text');
    const project = parseProjectFile(newest.text, 'autosaved project');
    useStore.getState().loadProject(project);
    clearHistory();
    if (newest === journal) {
      // The journal's edit never reached IndexedDB: it does now.
      await set(AUTOSAVE_KEY, newest).catch(() => undefined);
      clearJournal();
    }
    const weights = await restoredWeights();
    if (weights) useStore.getState().setModelWeights(weights);
    return { kind: 'restored', revision: newest.revision };
  } catch (error) {
    if (newest === journal) clearJournal();
    return { kind: 'error', error: `${messageOf(error)}; ${await keepAside(newest === journal ? journal?.text : stored)}`, revision: record?.revision ?? 0 };
  }
}
