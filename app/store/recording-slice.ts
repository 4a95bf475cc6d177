import type { StateCreator } from 'zustand';
import type { Pcm } from '../../src/data/audio/types';
import type { Store } from './store';

/** One class of clips recorded in the Data view. */
export interface RecordedClass {
  readonly name: string;
  readonly clips: readonly Pcm[];
}

/** Whether the browser's storage holds the recordings: the last save's outcome, or why it does not. */
export type RecordingsStorage =
  { readonly kind: 'none' } | { readonly kind: 'saved'; readonly clips: number } | { readonly kind: 'problem'; readonly text: string };

/**
 * Clips recorded with the microphone, per class, kept in the browser's storage under their own key
 * (app/store/recordings-autosave.ts), never in the project.
 */
export interface RecordingSlice {
  readonly recordings: readonly RecordedClass[];
  readonly recordingsStorage: RecordingsStorage;
  /** Replaces every class, as restored from storage. */
  setRecordings(recordings: readonly RecordedClass[]): void;
  setRecordingsStorage(storage: RecordingsStorage): void;
  addRecordedClip(index: number, clip: Pcm): void;
  removeLastClip(index: number): void;
  renameRecordedClass(index: number, name: string): void;
  addRecordedClass(): void;
  removeRecordedClass(index: number): void;
}

const at = (list: readonly RecordedClass[], index: number, change: (c: RecordedClass) => RecordedClass) => list.map((c, i) => (i === index ? change(c) : c));

/** A name no class has yet: `class 3`, `class 4`, ... */
function freshName(list: readonly RecordedClass[]): string {
  for (let n = list.length + 1; ; n++) if (!list.some((c) => c.name === `class ${n}`)) return `class ${n}`;
}

export const createRecordingSlice: StateCreator<Store, [], [], RecordingSlice> = (set) => ({
  recordings: [
    { name: 'yes', clips: [] },
    { name: 'no', clips: [] },
  ],
  recordingsStorage: { kind: 'none' },
  setRecordings: (recordings) => set({ recordings }),
  setRecordingsStorage: (recordingsStorage) => set({ recordingsStorage }),
  addRecordedClip: (index, clip) => set((s) => ({ recordings: at(s.recordings, index, (c) => ({ ...c, clips: [...c.clips, clip] })) })),
  removeLastClip: (index) => set((s) => ({ recordings: at(s.recordings, index, (c) => ({ ...c, clips: c.clips.slice(0, -1) })) })),
  renameRecordedClass: (index, name) => set((s) => ({ recordings: at(s.recordings, index, (c) => ({ ...c, name })) })),
  addRecordedClass: () => set((s) => ({ recordings: [...s.recordings, { name: freshName(s.recordings), clips: [] }] })),
  removeRecordedClass: (index) => set((s) => ({ recordings: s.recordings.filter((_, i) => i !== index) })),
});
