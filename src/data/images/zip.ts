import { unzipSync } from 'fflate';
import type { UnzipFileInfo } from 'fflate';
import { UserFileError } from '../../lib/errors';
import { collectableImage } from './formats';
import type { FileEntry } from './types';

/** What a zip may hold before it is refused unread: guards against zip bombs. */
export interface ZipLimits {
  readonly maxEntries: number;
  /** Total uncompressed bytes of the images to extract. */
  readonly maxTotalBytes: number;
  /** Largest uncompressed-to-compressed ratio for an entry over 1 MB; images barely compress. */
  readonly maxRatio: number;
}

/** The default limits: enough for MNIST as PNGs (70,000 files would need a raised count). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 1e9, maxRatio: 100 };

// Small entries compress absurdly well when blank; only big ones are worth suspecting.
const RATIO_FLOOR = 1e6;

/** Bytes as people read them: `3.2 GB`, `512 KB`. */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1e9 ? ['GB', 1e9] : bytes >= 1e6 ? ['MB', 1e6] : ['KB', 1e3];
  return `${Number((bytes / size).toFixed(1)).toLocaleString('en')} ${unit}`;
}

/**
 * Lists a zip's files and folders (a folder as `name/`) as entries for `collectImageFiles`. The central directory is read first,
 * and the zip refused from its declared sizes before anything is inflated; inflating writes
 * into a buffer of the declared size, so a lying header cannot make it grow either. Images are
 * extracted at once (one pass over the zip); other files only if read. `collectable` says which files
 * are the data (images by default, sound clips for an audio zip).
 */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, collectable: (path: string) => boolean = collectableImage): FileEntry[] {
  const infos = readDirectory(bytes, limits.maxEntries);
  // Files in a compression we can inflate are extracted up front; others are read (and fail) one by one if at all.
  const wanted = (info: UnzipFileInfo) => collectable(info.name) && (info.compression === 0 || info.compression === 8);
  const images = infos.filter(wanted);
  const total = images.reduce((sum, info) => sum + info.originalSize, 0);
  if (total > limits.maxTotalBytes) {
    throw new UserFileError(`the zip would expand to ${formatBytes(total)}, over the ${formatBytes(limits.maxTotalBytes)} limit`);
  }
  for (const info of images) {
    const ratio = info.originalSize / Math.max(info.size, 1);
    if (info.originalSize > RATIO_FLOOR && ratio > limits.maxRatio) {
      throw new UserFileError(
        `${info.name} in the zip would expand ${Math.round(ratio).toLocaleString('en')} times (over the ${limits.maxRatio} times limit), which looks like a zip bomb`,
      );
    }
  }

  const extracted = extractAll(bytes, wanted);
  // Folder entries stay (as `name/`, with nothing to read): an empty class folder can be named.
  return infos.map((info) => ({
    path: info.name,
    size: info.originalSize,
    read: info.name.endsWith('/')
      ? () => Promise.reject(new UserFileError('is a folder, not a file'))
      : () => Promise.resolve().then(() => extracted?.[info.name] ?? extractOne(bytes, info)),
  }));
}

/** Names and sizes from the central directory; nothing is inflated. */
function readDirectory(bytes: Uint8Array, maxEntries: number): UnzipFileInfo[] {
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        // Thrown from inside the walk so a forged entry count cannot keep it going.
        if (infos.length >= maxEntries) throw new TooManyEntries();
        infos.push(info);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof TooManyEntries) {
      throw new UserFileError(`the zip has more than ${maxEntries.toLocaleString('en')} files, over the limit`);
    }
    throw new UserFileError('this is not a zip file');
  }
  return infos;
}

class TooManyEntries extends Error {}

/** One pass for all images; undefined when some entry is damaged, so each is tried alone. */
function extractAll(bytes: Uint8Array, filter: (info: UnzipFileInfo) => boolean): Record<string, Uint8Array> | undefined {
  try {
    return unzipSync(bytes, { filter });
  } catch {
    return undefined;
  }
}

function extractOne(bytes: Uint8Array, target: UnzipFileInfo): Uint8Array {
  if (target.compression !== 0 && target.compression !== 8) {
    throw new UserFileError(`uses zip compression method ${target.compression}, which cannot be read here`);
  }
  let seen = false;
  const out = unzipSync(bytes, {
    // The first match only: a zip may repeat a name, and the pass that found it took the first.
    filter: (info) => !seen && info.name === target.name && (seen = true),
  });
  const file = out[target.name];
  if (file === undefined) throw new UserFileError('is missing from the zip');
  return file;
}
