// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { clear, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingsRecord } from '../../src/data/audio/recordings-record';
import type { RecordingsRecord } from '../../src/data/audio/recordings-record';
import type { Pcm } from '../../src/data/audio/types';
import type { RecordedClass } from './recording-slice';
import { RECORDINGS_DELAY_MS, RECORDINGS_KEY, restoreRecordings, startRecordingsAutosave } from './recordings-autosave';
import { useStore } from './store';

// Two tabs of one browser share the recordings' IndexedDB key: the other tab is played here by
// its writes to storage and its announcement on the tabs' BroadcastChannel.
const s = () => useStore.getState();
const settle = () => new Promise((resolve) => setTimeout(resolve, RECORDINGS_DELAY_MS + 100));
const clip = (n: number): Pcm => ({ samples: new Float32Array(n).fill(0.5), sampleRate: 16000 });
const counts = () => s().recordings.map((c) => [c.name, c.clips.map((p) => p.samples.length)]);
const storedCounts = async () => (await get<RecordingsRecord>(RECORDINGS_KEY))?.classes.map((c) => [c.name, c.clips.map((p) => p.pcm16.byteLength / 2)]);
let stop: (() => void) | undefined;

/** The other tab saves `classes` at `revision` and says so. */
async function otherTabSaves(classes: readonly RecordedClass[], revision: number): Promise<void> {
  await set(RECORDINGS_KEY, { ...recordingsRecord(classes), revision, tab: 'the-other-tab' });
  const channel = new BroadcastChannel('netloom:recordings');
  channel.postMessage({ type: 'saved', tab: 'the-other-tab', revision });
  channel.close();
}

beforeEach(async () => {
  await clear();
  s().setRecordings([
    { name: 'yes', clips: [] },
    { name: 'no', clips: [] },
  ]);
  s().setRecordingsStorage({ kind: 'none' });
  s().dismissNotice();
  stop = startRecordingsAutosave(await restoreRecordings());
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('recordings in two tabs', () => {
  it('a tab with nothing unsaved takes in the other tab’s newer recordings, writing nothing back', async () => {
    s().addRecordedClip(0, clip(10));
    await settle();
    expect(await storedCounts()).toEqual([
      ['yes', [10]],
      ['no', []],
    ]);
    await otherTabSaves(
      [
        { name: 'yes', clips: [clip(10), clip(20)] },
        { name: 'no', clips: [clip(30)] },
      ],
      5,
    );
    await vi.waitFor(() =>
      expect(counts()).toEqual([
        ['yes', [10, 20]],
        ['no', [30]],
      ]),
    );
    await settle();
    expect((await get<RecordingsRecord>(RECORDINGS_KEY))?.tab).toBe('the-other-tab');
    expect(s().notice).toBeNull();
  });

  it('a tab with clips of its own never writes over the other tab’s: it asks, and keeps what the user picks', async () => {
    await otherTabSaves([{ name: 'dog', clips: [clip(40)] }], 3);
    await vi.waitFor(() => expect(counts()).toEqual([['dog', [40]]]));
    // Both tabs record now: the other tab saves first.
    s().addRecordedClip(0, clip(50));
    await otherTabSaves([{ name: 'dog', clips: [clip(40), clip(60)] }], 4);
    await vi.waitFor(() => expect(s().notice?.text).toContain('The recordings changed in another tab'));
    await settle();
    expect(await storedCounts()).toEqual([['dog', [40, 60]]]);
    expect(s().recordingsStorage).toEqual({ kind: 'problem', text: expect.stringContaining('Not saved: another tab saved its recordings since') });
    // More clips here still wait for the choice, which comes back if it was closed.
    s().dismissNotice();
    s().addRecordedClip(0, clip(70));
    await settle();
    expect(await storedCounts()).toEqual([['dog', [40, 60]]]);
    expect(s().notice?.text).toContain('The recordings changed in another tab');

    s()
      .notice?.actions?.find((a) => a.label === "Keep this tab's")
      ?.run();
    await vi.waitFor(async () => expect(await storedCounts()).toEqual([['dog', [40, 50, 70]]]));
    const kept = await get<RecordingsRecord>(RECORDINGS_KEY);
    expect(kept?.revision).toBe(5);
    expect(kept?.tab).not.toBe('the-other-tab');
    expect(s().notice).toBeNull();
  });

  it('loads the other tab’s recordings in place of this tab’s when the user picks them', async () => {
    s().addRecordedClip(1, clip(80));
    await otherTabSaves([{ name: 'cat', clips: [clip(90)] }], 2);
    await vi.waitFor(() => expect(s().notice?.actions?.map((a) => a.label)).toEqual(["Load the other tab's", "Keep this tab's"]));
    s()
      .notice?.actions?.find((a) => a.label === "Load the other tab's")
      ?.run();
    await vi.waitFor(() => expect(counts()).toEqual([['cat', [90]]]));
    await settle();
    expect(await storedCounts()).toEqual([['cat', [90]]]);
    expect((await get<RecordingsRecord>(RECORDINGS_KEY))?.tab).toBe('the-other-tab');
    expect(s().recordingsStorage).toEqual({ kind: 'saved', clips: 1 });
  });
});
