/**
 * Test support for `train`: the CLI run in memory (stdout lines, stderr as one text; `files` stand
 * in for files on disk), and image folders of dark and light 8x8 squares, one subfolder a class.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makePng } from '../data/images/test-images';
import { runCli } from './run-cli';

/** Runs the CLI with in-memory stdout/stderr; `files` stand in for files on disk. */
export async function cli(args: string[], files: Record<string, string> = {}): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    readText: async (path) => files[path] ?? readFile(path, 'utf8'),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out, err: err.join('\n') };
}

/** Writes `root/dark/` and `root/light/` with `perClass` 8x8 PNGs each (black and white squares). */
export async function writeShapeFolders(root: string, perClass: number): Promise<void> {
  for (const [cls, on] of [
    ['dark', 0],
    ['light', 255],
  ] as const) {
    await mkdir(join(root, cls), { recursive: true });
    for (let i = 0; i < perClass; i++)
      await writeFile(
        join(root, cls, `${i}.png`),
        makePng(8, 8, () => [on, on, on, 255]),
      );
  }
}
