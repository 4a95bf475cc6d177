/**
 * The autosaved project as IndexedDB holds it: its text with a revision number, so two tabs can
 * tell whose save is newer, and a journal in localStorage that a page being closed or reloaded
 * can write synchronously (an IndexedDB write started then may never complete).
 */

/** One autosave: the project text, its revision and the tab that wrote it. */
export interface AutosaveRecord {
  readonly revision: number;
  /** The tab that wrote it (a random id per page load). */
  readonly tab: string;
  readonly savedAt: number;
  readonly text: string;
}

/** localStorage key of the journal: the last edit, written synchronously when the page goes away. */
export const JOURNAL_KEY = 'netloom:project:journal';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored value as a record: records as written; a bare string (what Netloom stored before
 * revisions) as revision 0; anything else undefined, for the caller to keep aside.
 */
export function readRecord(stored: unknown): AutosaveRecord | undefined {
  if (typeof stored === 'string') return { revision: 0, tab: '', savedAt: 0, text: stored };
  if (!isRecord(stored)) return undefined;
  const { revision, tab, savedAt, text } = stored;
  if (typeof revision !== 'number' || typeof text !== 'string') return undefined;
  return { revision, tab: typeof tab === 'string' ? tab : '', savedAt: typeof savedAt === 'number' ? savedAt : 0, text };
}

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Writes the journal; false when the browser refuses (quota, private mode). */
export function writeJournal(record: AutosaveRecord): boolean {
  try {
    storage()?.setItem(JOURNAL_KEY, JSON.stringify(record));
    return storage() !== undefined;
  } catch {
    return false;
  }
}

/** The journal, when there is a readable one. */
export function readJournal(): AutosaveRecord | undefined {
  try {
    const text = storage()?.getItem(JOURNAL_KEY);
    return text == null ? undefined : readRecord(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Forgets the journal once IndexedDB holds what it held. */
export function clearJournal(): void {
  try {
    storage()?.removeItem(JOURNAL_KEY);
  } catch {
    // Nothing to clear where storage is refused.
  }
}

/** A new id for this page load, to tell its saves from another tab's. */
export const newTabId = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
