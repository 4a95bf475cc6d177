import { get, update } from 'idb-keyval';
import { messageOf } from '../../src/lib/errors';
import { mergeRecordings, readRecordings, recordBytes, recordingsRecord, recordStamp, storedClip } from '../../src/data/audio/recordings-record';
import type { RecordingsRecord, StoredClip } from '../../src/data/audio/recordings-record';
import type { Pcm } from '../../src/data/audio/types';
import type { RecordedClass } from './recording-slice';
import { newTabId } from './autosave-record';
import { useStore } from './store';
import { watchOtherTabs } from './tab-sync';

/** IndexedDB key of the microphone's recordings (a RecordingsRecord), apart from the project: they can be many MB. */
export const RECORDINGS_KEY = 'netloom:recordings';
/** Quiet time after the last change before saving: a class name being typed is one write. */
export const RECORDINGS_DELAY_MS = 300;
/** BroadcastChannel on which tabs tell each other of their recordings' saves. */
const RECORDINGS_CHANNEL = 'netloom:recordings';

/** What storage held when the page read it: the classes, and the revision they were saved at. */
export interface StoredRecordings {
  readonly classes: readonly RecordedClass[];
  readonly revision: number;
}

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
 * recorder. Returns the classes storage holds and their revision, for the saver to tell whether
 * it must write, and whether another tab wrote since.
 */
export async function restoreRecordings(): Promise<StoredRecordings> {
  const { setRecordings, setRecordingsStorage } = useStore.getState();
  const before = useStore.getState().recordings;
  let stored: unknown;
  try {
    stored = await get<unknown>(RECORDINGS_KEY);
  } catch (error) {
    setRecordingsStorage({ kind: 'problem', text: `The recordings saved in this browser could not be read (${messageOf(error)}).` });
    return { classes: before, revision: 0 };
  }
  const { revision } = recordStamp(stored);
  if (stored === undefined) return { classes: before, revision };
  let classes: readonly RecordedClass[];
  try {
    classes = readRecordings(stored);
  } catch (error) {
    const text = `The recordings saved in this browser could not be read (${messageOf(error)}) and are left out; the next recording replaces them.`;
    setRecordingsStorage({ kind: 'problem', text });
    return { classes: before, revision };
  }
  setRecordings(mergeRecordings(classes, useStore.getState().recordings));
  setRecordingsStorage({ kind: 'saved', clips: clipCount(classes) });
  return { classes, revision };
}

/**
 * Saves the recordings to IndexedDB a moment after each change (a clip recorded or undone, a class
 * added, renamed or removed), and at once when the page is hidden or closed. `inStorage` is what
 * storage holds already (from `restoreRecordings`): anything else is saved on start. The outcome,
 * or why the browser refused, shows in the recorder. Another tab's newer save is never written
 * over: a tab with nothing unsaved takes it in; one with changes of its own asks which to keep.
 * Returns a stop function.
 */
export function startRecordingsAutosave(inStorage: StoredRecordings, delayMs = RECORDINGS_DELAY_MS): () => void {
  // A clip is encoded once, not on every save of the whole list.
  const encoded = new WeakMap<Pcm, StoredClip>();
  const encode = (pcm: Pcm): StoredClip => {
    const known = encoded.get(pcm);
    if (known) return known;
    const clip = storedClip(pcm);
    encoded.set(pcm, clip);
    return clip;
  };
  const tab = newTabId();
  let revision = inStorage.revision;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the newest save's outcome is shown: an older one can finish after it.
  let attempt = 0;
  /** The recordings storage holds as this tab last read or wrote them. */
  let saved: readonly RecordedClass[] = inStorage.classes;
  /** Set while another tab's newer save waits for the user's choice: nothing is written meanwhile. */
  let blocked = false;

  const save = () => {
    timer = undefined;
    if (blocked) {
      // A change made after the question was put away asks it again: nothing here is saved until then.
      if (useStore.getState().notice === null) conflict();
      return;
    }
    const { recordings } = useStore.getState();
    const mine = ++attempt;
    let next: number | undefined;
    update(RECORDINGS_KEY, (old: unknown): unknown => {
      const theirs = recordStamp(old);
      if (theirs.revision > revision && theirs.tab !== tab) return old;
      next = Math.max(theirs.revision, revision) + 1;
      return { ...recordingsRecord(recordings, encode), revision: next, tab } satisfies RecordingsRecord;
    }).then(
      () => {
        if (next === undefined) {
          void theirsArrived();
          return;
        }
        revision = next;
        saved = recordings;
        sync.announce(revision);
        if (mine === attempt) useStore.getState().setRecordingsStorage({ kind: 'saved', clips: clipCount(recordings) });
      },
      (error: unknown) => {
        const bytes = recordBytes(recordingsRecord(recordings, encode));
        if (mine === attempt) useStore.getState().setRecordingsStorage({ kind: 'problem', text: saveProblem(error, bytes) });
      },
    );
  };

  /** Takes storage's recordings as this tab's, without saving them back. */
  const loadTheirs = async () => {
    const stored = await get<unknown>(RECORDINGS_KEY);
    const classes = readRecordings(stored);
    revision = recordStamp(stored).revision;
    saved = classes;
    useStore.getState().setRecordings(classes);
    clearTimeout(timer);
    timer = undefined;
    useStore.getState().setRecordingsStorage({ kind: 'saved', clips: clipCount(classes) });
  };

  /** Another tab saved recordings newer than this tab's copy. */
  const theirsArrived = async () => {
    if (blocked) return;
    if (useStore.getState().recordings === saved) {
      // Nothing recorded here since: the other tab's are simply the newest.
      await loadTheirs().catch(() => conflict());
      return;
    }
    conflict();
  };

  const conflict = () => {
    blocked = true;
    const { setRecordingsStorage, showNotice, dismissNotice } = useStore.getState();
    setRecordingsStorage({
      kind: 'problem',
      text: 'Not saved: another tab saved its recordings since, and this tab does not write over them until you choose.',
    });
    showNotice({
      kind: 'error',
      text: "The recordings changed in another tab. Load that tab's recordings here, or keep this tab's (they replace the other tab's).",
      actions: [
        {
          label: "Load the other tab's",
          run: () => {
            blocked = false;
            dismissNotice();
            void loadTheirs().catch((error: unknown) =>
              setRecordingsStorage({ kind: 'problem', text: `The other tab's recordings could not be read (${messageOf(error)}).` }),
            );
          },
        },
        {
          label: "Keep this tab's",
          run: () => {
            void get<unknown>(RECORDINGS_KEY).then((stored) => {
              revision = recordStamp(stored).revision;
              blocked = false;
              dismissNotice();
              save();
            });
          },
        },
      ],
    });
  };
  const sync = watchOtherTabs(
    tab,
    (theirs) => {
      if (theirs > revision) void theirsArrived();
    },
    RECORDINGS_CHANNEL,
  );
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
  if (useStore.getState().recordings !== inStorage.classes) schedule();
  const target = typeof window === 'undefined' ? undefined : window;
  target?.addEventListener('pagehide', flush);
  target?.document.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    sync.close();
    target?.removeEventListener('pagehide', flush);
    target?.document.removeEventListener('visibilitychange', onHidden);
    flush();
  };
}
