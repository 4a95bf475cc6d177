import { describe, expect, it } from 'vitest';
import { readForWorker } from './send-files';
import type { FileEntry } from './types';

describe('readForWorker', () => {
  it('stops at once when cancelled, even while reads are still pending', async () => {
    const hung: FileEntry[] = Array.from({ length: 40 }, (_, i) => ({ path: `a/b/${i}.png`, size: 10, read: () => new Promise<Uint8Array>(() => undefined) }));
    const controller = new AbortController();
    const reading = readForWorker(hung, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(reading).rejects.toThrow();
    expect(controller.signal.aborted).toBe(true);
  });

  it('reads the images and leaves other files unread', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const entries: FileEntry[] = [
      { path: 'a/cats/1.png', size: 3, read: () => Promise.resolve(bytes) },
      { path: 'a/cats/notes.txt', size: 3, read: () => Promise.reject(new Error('not to be read')) },
    ];
    const sent = await readForWorker(entries);
    expect(sent.map((f) => f.bytes)).toEqual([bytes, null]);
  });
});
