/**
 * The CLI's real files and streams. Text is decoded as the page decodes a picked file
 * (`TextDecoder`, `Blob.text()`): UTF-8, with a leading byte-order mark dropped, so a project or
 * model.json saved by Windows Notepad opens in both.
 */
import { readFile } from 'node:fs/promises';
import { stderr, stdout } from 'node:process';
import type { CliIo } from './run-cli';

/** Reads a text file the way the page reads an uploaded one. */
export async function readTextFile(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readFile(path));
}

/** The CLI's io: files from disk, results on stdout, everything else on stderr. */
export const nodeIo: CliIo = {
  readText: readTextFile,
  out: (text) => void stdout.write(`${text}\n`),
  err: (text) => void stderr.write(`${text}\n`),
};
