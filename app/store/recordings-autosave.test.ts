// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { clear, get, set } from 'idb-keyval';
import type * as IdbKeyval from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordingsRecord } from '../../src/data/audio/recordings-record';
import type { Pcm } from '../../src/data/audio/types';
import { RECORDINGS_DELAY_MS, RECORDINGS_KEY, restoreRecordings, startRecordingsAutosave } from './recordings-autosave';
import { useStore } from './store';

// A fake store: counts the recordings' writes (read-and-write updates) and can refuse them as a full disk would.
const idb = vi.hoisted(() => ({ writes: 0, refuse: undefined as Error | undefined }));
vi.mock('idb-keyval', async (importOriginal) => {
  const actual = await importOriginal<typeof IdbKeyval>();
  return {
    ...actual,
    update: (...args: Parameters<typeof actual.update>) => {
      if (args[0] !== 'netloom:recordings') return actual.update(...args);
      idb.writes += 1;
      return idb.refuse ? Promise.reject(idb.refuse) : actual.update(...args);
    },
  };
});

const s = () => useStore.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, RECORDINGS_DELAY_MS + 100));
const clip = (n: number, rate = 48000): Pcm => ({ samples: new Float32Array(n).fill(0.25), sampleRate: rate });
const shape = () => s().recordings.map((c) => [c.name, c.clips.map((p) => [p.sampleRate, p.samples.length])]);
const defaults = () => [
  { name: 'yes', clips: [] },
  { name: 'no', clips: [] },
];
let stop: (() => void) | undefined;
/** Puts a record in storage as an earlier page left it (not counted as a write of this one). */
const seed = async (value: unknown) => {
  await set(RECORDINGS_KEY, value);
  idb.writes = 0;
};

beforeEach(async () => {
  await clear();
  s().setRecordings(defaults());
  s().setRecordingsStorage({ kind: 'none' });
  idb.writes = 0;
  idb.refuse = undefined;
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

/** The page reloaded: the store back at its defaults, then the stored copy read. */
async function reload(): Promise<void> {
  stop?.();
  stop = undefined;
  s().setRecordings(defaults());
  stop = startRecordingsAutosave(await restoreRecordings());
}

describe('recordings autosave', () => {
  it('saves a burst of changes as one binary write and restores clips with their class names', async () => {
    stop = startRecordingsAutosave({ classes: s().recordings, revision: 0 });
    s().renameRecordedClass(1, 'hum');
    s().addRecordedClip(0, clip(48000));
    s().addRecordedClip(1, clip(16000, 16000));
    s().addRecordedClip(1, clip(16000, 16000));
    await settle();
    expect(idb.writes).toBe(1);
    const stored = await get<RecordingsRecord>(RECORDINGS_KEY);
    expect(stored?.classes[0]?.clips[0]?.pcm16).toBeInstanceOf(ArrayBuffer);
    expect(stored?.classes[0]?.clips[0]?.pcm16.byteLength).toBe(96000);
    expect(s().recordingsStorage).toEqual({ kind: 'saved', clips: 3 });

    await reload();
    expect(shape()).toEqual([
      ['yes', [[48000, 48000]]],
      [
        'hum',
        [
          [16000, 16000],
          [16000, 16000],
        ],
      ],
    ]);
    expect(s().recordings[0]?.clips[0]?.samples[5]).toBe(0.25);
    await settle();
    expect(idb.writes).toBe(1);
  });

  it('updates the saved copy when a clip is undone or a class removed', async () => {
    stop = startRecordingsAutosave({ classes: s().recordings, revision: 0 });
    s().addRecordedClass();
    s().addRecordedClip(0, clip(100));
    s().addRecordedClip(0, clip(200));
    s().addRecordedClip(2, clip(300));
    await settle();
    s().removeLastClip(0);
    s().removeRecordedClass(2);
    await settle();
    await reload();
    expect(shape()).toEqual([
      ['yes', [[48000, 100]]],
      ['no', []],
    ]);
  });

  it('ignores a corrupt stored record with the reason in the recorder, and replaces it on the next recording', async () => {
    await seed({ format: 'netloom-recordings', version: 1, classes: [{ name: 'yes', clips: [{ sampleRate: 16000, pcm16: [0, 1] }] }] });
    await reload();
    expect(shape()).toEqual([
      ['yes', []],
      ['no', []],
    ]);
    expect(s().recordingsStorage).toEqual({
      kind: 'problem',
      text: 'The recordings saved in this browser could not be read (recordings.classes[0].clips[0].pcm16: expected the samples as an ArrayBuffer) and are left out; the next recording replaces them.',
    });
    await settle();
    expect(idb.writes).toBe(0);
    s().addRecordedClip(0, clip(10));
    await settle();
    await reload();
    expect(shape()).toEqual([
      ['yes', [[48000, 10]]],
      ['no', []],
    ]);
  });

  it('says the storage is full and that Download .zip keeps them, and keeps the clips in memory', async () => {
    stop = startRecordingsAutosave({ classes: s().recordings, revision: 0 });
    idb.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    s().addRecordedClip(0, clip(48000));
    await settle();
    expect(s().recordingsStorage).toEqual({
      kind: 'problem',
      text: 'This browser\'s storage is full: the recordings (0.1 MB) could not be saved here, so a reload would bring back only what was saved before. They stay while this tab is open; "Download .zip" keeps them.',
    });
    expect(shape()).toEqual([
      ['yes', [[48000, 48000]]],
      ['no', []],
    ]);
    idb.refuse = new Error('the database connection is closing');
    s().addRecordedClip(1, clip(10));
    await settle();
    expect(s().recordingsStorage).toMatchObject({
      kind: 'problem',
      text: expect.stringMatching(/^The recordings could not be saved in this browser \(the database connection is closing\).*"Download \.zip" keeps them\.$/),
    });
    idb.refuse = undefined;
    s().renameRecordedClass(1, 'hum');
    await settle();
    expect(s().recordingsStorage).toEqual({ kind: 'saved', clips: 2 });
  });

  it('keeps clips recorded while storage was read, after the stored ones, and saves them', async () => {
    await seed({
      format: 'netloom-recordings',
      version: 1,
      classes: [
        { name: 'yes', clips: [{ sampleRate: 8000, pcm16: new ArrayBuffer(8) }] },
        { name: 'no', clips: [] },
      ],
    });
    const reading = restoreRecordings();
    s().addRecordedClip(0, clip(20));
    stop = startRecordingsAutosave(await reading);
    expect(shape()).toEqual([
      [
        'yes',
        [
          [8000, 4],
          [48000, 20],
        ],
      ],
      ['no', []],
    ]);
    await settle();
    expect(idb.writes).toBe(1);
  });

  it('writes a pending change at once when the page is hidden', async () => {
    stop = startRecordingsAutosave({ classes: s().recordings, revision: 0 }, 60_000);
    s().addRecordedClip(0, clip(10));
    window.dispatchEvent(new Event('pagehide'));
    expect(idb.writes).toBe(1);
    await vi.waitFor(() => expect(s().recordingsStorage).toEqual({ kind: 'saved', clips: 1 }));
  });
});
