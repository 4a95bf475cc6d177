import { UserFileError } from '../../lib/errors';
import type { FileEntry } from './types';

/** The part of a DOM `File` used here (structural, so tests can pass plain objects). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  /** Set by `<input type="file" webkitdirectory>`: `picked/cats/1.png`. */
  readonly webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file from a dropped folder, with its path from the dropped folder's name. */
export interface DroppedFile {
  readonly file: FileLike;
  readonly relativePath: string;
}

/** A folder met while walking a drop (`pets/cats`), so that an empty one can be named. */
export interface DroppedFolder {
  readonly folder: string;
}

/** What a walk of dropped entries yields: browser files with their paths, and the folders. */
export type DroppedItem = (DroppedFile & { readonly file: File }) | DroppedFolder;

/**
 * Entries from picked or dropped files and folders. A `.zip` among them is marked `zip`, for the
 * image worker to open and list in its place; any other file keeps its `webkitRelativePath` (or
 * `relativePath`, when given by the caller, e.g. from a dropped folder) or its bare name.
 */
export function entriesFromFiles(files: Iterable<FileLike | DroppedFile | DroppedFolder>): FileEntry[] {
  const out: FileEntry[] = [];
  for (const item of files) {
    if ('folder' in item) {
      out.push({ path: `${item.folder}/`, size: 0, read: () => Promise.reject(new UserFileError('is a folder, not a file')) });
      continue;
    }
    const file = 'file' in item ? item.file : item;
    const path = 'file' in item ? item.relativePath : file.webkitRelativePath || file.name;
    const read = async () => new Uint8Array(await file.arrayBuffer());
    out.push(/\.zip$/i.test(file.name) ? { path, size: file.size, read, zip: true } : { path, size: file.size, read });
  }
  return out;
}

/** The part of a `FileSystemEntry` (from `DataTransferItem.webkitGetAsEntry()`) used here. */
export type DroppedEntry =
  | { readonly isFile: true; readonly isDirectory: false; readonly fullPath: string; file(ok: (f: File) => void, fail: (e: unknown) => void): void }
  | {
      readonly isFile: false;
      readonly isDirectory: true;
      readonly fullPath: string;
      createReader(): { readEntries(ok: (entries: DroppedEntry[]) => void, fail: (e: unknown) => void): void };
    };

/**
 * Walks dropped folders and files to `{file, relativePath}` pairs (and `{folder}` for each folder)
 * for `entriesFromFiles`. Call `webkitGetAsEntry()` on every `DataTransferItem` synchronously in
 * the drop handler (the list is emptied once the handler returns), then pass the entries here.
 */
export async function filesFromDroppedEntries(entries: readonly DroppedEntry[]): Promise<DroppedItem[]> {
  const out: DroppedItem[] = [];
  const walk = async (entry: DroppedEntry): Promise<void> => {
    const relativePath = entry.fullPath.replace(/^\/+/, '');
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => entry.file(ok, fail));
      out.push({ file, relativePath });
      return;
    }
    out.push({ folder: relativePath });
    const reader = entry.createReader();
    // readEntries hands out a directory in batches (100 in Chromium) until it returns none.
    for (;;) {
      const batch = await new Promise<DroppedEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}
