import { UserFileError } from '../../lib/errors';
import { collectableImage } from './formats';
import type { SentFile } from './image-protocol';
import type { FileEntry } from './types';

// Reads in flight at once: one at a time, 10,000 small files took seconds of round trips.
const READS_IN_FLIGHT = 16;

/** The entry as sent, its bytes read when the worker needs them. */
async function send(entry: FileEntry, collectable: (path: string) => boolean): Promise<SentFile> {
  const { path, size } = entry;
  if (entry.zip === true) return { path, size, bytes: await entry.read(), zip: true };
  if (path.endsWith('/') || !collectable(path)) return { path, size, bytes: null };
  try {
    return { path, size, bytes: await entry.read() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { path, size, bytes: null, failure: { message, userFacing: error instanceof UserFileError } };
  }
}

/**
 * Reads the entries' bytes for the image worker, a few at a time, in their order. Only files
 * `collectImageFiles` would keep, and zips to open there, are read; a folder or another file goes
 * as `null` (it is listed or skipped by name alone). A read that fails is sent as its reason, so
 * the worker skips that file as the page decoder would; a zip that cannot be read fails the load.
 * `onRead` hears entries done of total now and then. `collectable` names the data files (images by
 * default; sound clips for an audio folder).
 */
export async function readForWorker(
  entries: readonly FileEntry[],
  signal?: AbortSignal,
  onRead?: (done: number, total: number) => void,
  collectable: (path: string) => boolean = collectableImage,
): Promise<SentFile[]> {
  const out = new Array<SentFile>(entries.length);
  let next = 0;
  let done = 0;
  const reader = async () => {
    for (let i = next++; i < entries.length; i = next++) {
      signal?.throwIfAborted();
      // A read the browser is slow to finish must not hold a Cancel up: the abort wins the race.
      out[i] = await untilAborted(send(entries[i] as FileEntry, collectable), signal);
      done++;
      if (done % 100 === 0 || done === entries.length) onRead?.(done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, entries.length) }, reader));
  // A cancel during the last read still stops the load before anything is sent.
  signal?.throwIfAborted();
  return out;
}

/**
 * A worker's entry over bytes the page sent; a read the page could not do fails the same way
 * there. `reader` names the worker in the message for a file it was never sent.
 */
export function sentEntry(file: SentFile, reader: string): FileEntry {
  const { path, size, bytes, failure } = file;
  return {
    path,
    size,
    read: () => {
      if (bytes !== null) return Promise.resolve(bytes);
      if (failure?.userFacing === true) return Promise.reject(new UserFileError(failure.message));
      return Promise.reject(new Error(failure?.message ?? `${path}: not sent to the ${reader}`));
    },
  };
}

/** `work`'s result, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
