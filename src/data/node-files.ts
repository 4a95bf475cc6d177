/**
 * Node-only file reading for the CLI and tests. Kept apart from `csv.ts` so that the page and the
 * workers, which import `csv.ts`, never pull in `node:fs`.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { UserFileError } from '../lib/errors';
import { streamCsv } from './csv';
import type { StreamCsvOptions } from './csv';
import type { Table } from './types';
import type { FileEntry } from './images/types';

/** Options for {@link readCsvFile}; the file name in messages defaults to the path's last part. */
export type ReadCsvFileOptions = Omit<StreamCsvOptions, 'totalBytes'>;

/**
 * Streams a CSV file from disk into a {@link Table}. The size limit is checked before reading;
 * a missing or unreadable file is a {@link UserFileError} too.
 */
export async function readCsvFile(path: string, options: ReadCsvFileOptions = {}): Promise<Table> {
  const fileName = options.fileName ?? basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserFileError('this is a folder, not a file', fileName);
    if (!info.isFile()) throw new UserFileError('this is not a regular file', fileName);
    size = info.size;
  } catch (error) {
    if (error instanceof UserFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserFileError(code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? String(error)})`, fileName);
  }
  // With the size known up front, streamCsv refuses an oversized file before reading a byte.
  return streamCsv(createReadStream(path), { ...options, fileName, totalBytes: size });
}

/**
 * Every file under `root`, with paths that start at the folder's own name, as a browser gives
 * them; and every folder (as `path/`), so that an empty class folder can be named.
 */
export async function folderEntries(root: string): Promise<FileEntry[]> {
  const names = await readdir(root, { recursive: true, withFileTypes: true });
  const out: FileEntry[] = [];
  const pathOf = (full: string) => [basename(root), ...relative(root, full).split(sep)].join('/');
  for (const d of names) {
    const full = join(d.parentPath, d.name);
    if (d.isDirectory()) {
      out.push({ path: `${pathOf(full)}/`, size: 0, read: () => Promise.reject(new UserFileError('is a folder, not a file')) });
      continue;
    }
    if (!d.isFile()) continue;
    const size = (await stat(full)).size;
    out.push({ path: pathOf(full), size, read: async () => new Uint8Array(await readFile(full)) });
  }
  return out;
}
