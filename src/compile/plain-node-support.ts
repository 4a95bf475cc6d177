/**
 * Test support: runs `fixtures/plain-node-load.mjs` in a plain `node` child process (no tsx, no
 * Netloom code, only @tensorflow/tfjs and the export's own files) on an export folder, as a
 * user's program would load it, and returns what it predicts.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportFile } from './netloom-layers';

/** A tensor as the runner reads and prints it: its shape and row-major values. */
export interface PlainTensor {
  readonly shape: readonly number[];
  readonly values: readonly number[];
}

const RUNNER = fileURLToPath(new URL('./fixtures/plain-node-load.mjs', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/**
 * Predicts `inputs` with the model in `dir` through the runner, copied into a fresh folder that
 * sees the project's node_modules (for @tensorflow/tfjs) as a user's project would. The child
 * gets no NODE_OPTIONS, so no loader of the test runner's leaks into it.
 */
export async function predictInPlainNode(dir: string, inputs: readonly PlainTensor[]): Promise<PlainTensor[]> {
  const work = await mkdtemp(join(tmpdir(), 'netloom-plain-node-'));
  try {
    await symlink(NODE_MODULES, join(work, 'node_modules'), 'dir');
    await copyFile(RUNNER, join(work, 'load.mjs'));
    await writeFile(join(work, 'inputs.json'), JSON.stringify(inputs));
    const { NODE_OPTIONS: _dropped, ...env } = process.env;
    const child = spawn(process.execPath, [join(work, 'load.mjs'), dir, join(work, 'inputs.json')], { cwd: work, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`plain node exited with ${code}:\n${stderr}`);
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as PlainTensor[];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes an export's files into a fresh temporary folder; returns the folder. */
export async function writeExportFolder(files: readonly ExportFile[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'netloom-export-'));
  for (const f of files) await writeFile(join(dir, f.name), f.contents);
  return dir;
}
