import { get, set } from 'idb-keyval';
import { messageOf } from '../../src/lib/errors';
import { mergeRecordings, readRecordings, recordBytes, recordingsRecord, storedClip } from '../../src/data/audio/recordings-record';
import type { StoredClip } from '../../src/data/audio/recordings-record';
import type { Pcm } from '../../src/data/audio/types';
import type { RecordedClass } from './recording-slice';
import { useStore } from './store';

/** IndexedDB key of the microphone's recordings (a RecordingsRecord), apart from the project: they can be many MB. */
export const RECORDINGS_KEY = 'netloom:recordings';
/** Quiet time after the last change before saving: a class name being typed is one write. */
export const RECORDINGS_DELAY_MS = 300;

const KEEP = 'They stay while this tab is open; "Download .zip" keeps them.';
const clipCount = (list: readonly RecordedClass[]) => list.reduce((n, c) => n + c.clips.length, 0);
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const isQuota = (error: unknown) => typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';

/** What the recorder says when a save failed: a full storage apart from any other refusal. */
export function saveProblem(error: unknown, bytes: number): string {
  const lost = 'a reload would bring back only what was saved before.';
  return isQuota(error)
    ? `This browser's storage is full: the recordings (${megabytes(bytes)}) could not be saved here, so ${lost} ${KEEP}`
    : `The recordings could not be saved in this browser (${messageOf(error)}), so ${lost} ${KEEP}`;
}

/**
 * Reads the stored recordings into the recorder, class names and all; clips recorded while they
 * were read stay, after them. A record that does not read is left out with the reason, in the
 * recorder. Returns the classes storage holds, for the saver to tell whether it must write.
 */
export async function restoreRecordings(): Promise<readonly RecordedClass[]> {
  const { setRecordings, setRecordingsStorage } = useStore.getState();
  const before = useStore.getState().recordings;
  let stored: unknown;
  try {
    stored = await get<unknown>(RECORDINGS_KEY);
  } catch (error) {
    setRecordingsStorage({ kind: 'problem', text: `The recordings saved in this browser could not be read (${messageOf(error)}).` });
    return before;
  }
  if (stored === undefined) return before;
  let classes: readonly RecordedClass[];
  try {
    classes = readRecordings(stored);
  } catch (error) {
    const text = `The recordings saved in this browser could not be read (${messageOf(error)}) and are left out; the next recording replaces them.`;
    setRecordingsStorage({ kind: 'problem', text });
    return before;
  }
  setRecordings(mergeRecordings(classes, useStore.getState().recordings));
  setRecordingsStorage({ kind: 'saved', clips: clipCount(classes) });
  return classes;
}

/**
 * Saves the recordings to IndexedDB a moment after each change (a clip recorded or undone, a class
 * added, renamed or removed), and at once when the page is hidden or closed. `inStorage` is what
 * storage holds already (from `restoreRecordings`): anything else is saved on start. The outcome,
 * or why the browser refused, shows in the recorder. Returns a stop function.
 */
export function startRecordingsAutosave(inStorage: readonly RecordedClass[], delayMs = RECORDINGS_DELAY_MS): () => void {
  // A clip is encoded once, not on every save of the whole list.
  const encoded = new WeakMap<Pcm, StoredClip>();
  const encode = (pcm: Pcm): StoredClip => {
    const known = encoded.get(pcm);
    if (known) return known;
    const clip = storedClip(pcm);
    encoded.set(pcm, clip);
    return clip;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the newest save's outcome is shown: an older one can finish after it.
  let attempt = 0;

  const save = () => {
    timer = undefined;
    const { recordings } = useStore.getState();
    const record = recordingsRecord(recordings, encode);
    const mine = ++attempt;
    set(RECORDINGS_KEY, record).then(
      () => {
        if (mine === attempt) useStore.getState().setRecordingsStorage({ kind: 'saved', clips: clipCount(recordings) });
      },
      (error: unknown) => {
        if (mine === attempt) useStore.getState().setRecordingsStorage({ kind: 'problem', text: saveProblem(error, recordBytes(record)) });
      },
    );
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  // There is no synchronous journal as for the project (localStorage cannot take MBs): the write starts now.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };

  const unsubscribe = useStore.subscribe((state, prev) => {
    if (state.recordings !== prev.recordings) schedule();
  });
  if (useStore.getState().recordings !== inStorage) schedule();
  const target = typeof window === 'undefined' ? undefined : window;
  target?.addEventListener('pagehide', flush);
  target?.document.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    target?.removeEventListener('pagehide', flush);
    target?.document.removeEventListener('visibilitychange', onHidden);
    flush();
  };
}
