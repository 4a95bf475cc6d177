import { UserFileError } from '../../lib/errors';
import { collectableImage } from './formats';
import type { SentFile } from './image-protocol';
import type { FileEntry } from './types';

/**
 * Reads the entries' bytes for the image worker. Only files `collectImageFiles` would keep, and
 * zips to open there, are read; a folder or another file goes as `null` (it is listed or skipped
 * by name alone). A read that fails is sent as its reason, so the worker skips that file as the
 * page decoder would; a zip that cannot be read fails the load.
 */
export async function readForWorker(entries: readonly FileEntry[], signal?: AbortSignal): Promise<SentFile[]> {
  const out: SentFile[] = [];
  for (const entry of entries) {
    signal?.throwIfAborted();
    const { path, size } = entry;
    if (entry.zip === true) {
      out.push({ path, size, bytes: await entry.read(), zip: true });
      continue;
    }
    if (path.endsWith('/') || !collectableImage(path)) {
      out.push({ path, size, bytes: null });
      continue;
    }
    try {
      out.push({ path, size, bytes: await entry.read() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      out.push({ path, size, bytes: null, failure: { message, userFacing: error instanceof UserFileError } });
    }
  }
  // A cancel during the last read still stops the load before anything is sent.
  signal?.throwIfAborted();
  return out;
}
