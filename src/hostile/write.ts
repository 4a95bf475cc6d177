/**
 * Puts the corpus on disk (Node only): each case in a folder of its own, named by its id, and a
 * `cases.json` manifest that says for each what it is, the command and what must come of it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { casePath, cliArgs, type HostileCase } from './case';

/** Writes the files of `c` under `root/<kind>/<id>/`, in place of whatever was there, and returns that folder. */
export async function writeCase(c: HostileCase, root: string): Promise<string> {
  const dir = join(root, casePath(c));
  // Outputs of an earlier run would pass for this run's.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const f of c.files) {
    if ('folder' in f) {
      await mkdir(join(dir, f.folder), { recursive: true });
      continue;
    }
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.content());
  }
  return dir;
}

/** One line of the manifest: the case without its file contents, with its command line. */
function manifestEntry(c: HostileCase) {
  const files = c.files.map((f) => ('folder' in f ? `${f.folder}/` : f.path));
  const command = ['npm', 'run', '-s', 'cli', '--', ...cliArgs(c.command, casePath(c))];
  return { id: casePath(c), kind: c.kind, what: c.what, files, command, expect: c.expect, ...(c.known ? { known: c.known } : {}) };
}

/** Writes every case of `cases` under `root`, and `root/cases.json`. */
export async function writeCorpus(cases: readonly HostileCase[], root: string): Promise<void> {
  for (const c of cases) await writeCase(c, root);
  await writeFile(join(root, 'cases.json'), `${JSON.stringify(cases.map(manifestEntry), null, 2)}\n`);
}
