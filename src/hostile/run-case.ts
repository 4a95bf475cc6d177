/**
 * Runs a case through the CLI in-process (the same `runCli` the `npm run cli` process calls, with
 * the real file reader) and checks what came of it against the case's expected outcome.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextFile } from '../cli/node-io';
import { runCli } from '../cli/run-cli';
import { assertNever } from '../lib/assert-never';
import { cliArgs, DEFAULT_MEGABYTES, DEFAULT_SECONDS, fragments, type HostileCase, type Kept } from './case';

/** What one run printed and cost. */
export interface CaseRun {
  readonly exit: number;
  readonly out: string;
  readonly err: string;
  readonly seconds: number;
  readonly megabytes: number;
  /** Input files whose bytes the run changed. */
  readonly changed: readonly string[];
}

/** What no message may be, whatever the input: a crash, a stack, a value that was never set. */
const NEVER = [/\n\s+at .+\(?.+:\d+:\d+\)?/, /Maximum call stack size exceeded/, /\bundefined\b/, /\[object Object\]/, /^error: invalid input$/im];

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const path = join(d.parentPath, d.name);
    out.set(
      path,
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return out;
}

const allocated = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Runs `c`, already written in `dir`, through the CLI. */
export async function runCase(c: HostileCase, dir: string): Promise<CaseRun> {
  const before = await hashes(dir);
  const out: string[] = [];
  const err: string[] = [];
  const memory = allocated();
  const started = performance.now();
  const exit = await runCli(cliArgs(c.command, dir), { readText: readTextFile, out: (t) => out.push(t), err: (t) => err.push(t) });
  const seconds = (performance.now() - started) / 1000;
  const megabytes = Math.max(0, allocated() - memory) / 1e6;
  const after = await hashes(dir);
  const changed = [...before].filter(([path, hash]) => after.get(path) !== hash).map(([path]) => path);
  return { exit, out: out.join('\n'), err: err.join('\n'), seconds, megabytes, changed };
}

/** Why `kept` does not hold in `dir`, or undefined when it does. */
function keptProblem(kept: Kept, dir: string): string | undefined {
  const path = join(dir, kept.path);
  switch (kept.kind) {
    case 'not-written':
      return existsSync(path) ? `${kept.path} was written, though the input was refused` : undefined;
    case 'written': {
      if (!existsSync(path)) return `${kept.path} was not written`;
      if (kept.holds === undefined || statSync(path).isDirectory()) return undefined;
      return readFileSync(path, 'utf8').includes(kept.holds) ? undefined : `${kept.path} does not hold ${JSON.stringify(kept.holds)}`;
    }
    case 'no-line': {
      if (!existsSync(path)) return `${kept.path} was not written`;
      const pattern = new RegExp(kept.pattern);
      const line = readFileSync(path, 'utf8')
        .split(/\r\n|\r|\n/)
        .find((l) => pattern.test(l));
      return line === undefined ? undefined : `${kept.path} has the line ${JSON.stringify(line.slice(0, 120))}`;
    }
    default:
      return assertNever(kept, 'kept check');
  }
}

/** Everything about `run` that is not what `c` expects; empty when the outcome is as expected. */
export function caseProblems(c: HostileCase, run: CaseRun, dir: string): string[] {
  const { expect } = c;
  const printed = `${run.out}\n${run.err}`;
  const problems: string[] = [];
  if (run.exit !== expect.exit) problems.push(`exit code ${run.exit}, expected ${expect.exit}`);
  for (const f of fragments(expect.says)) if (!printed.includes(f)) problems.push(`does not say ${JSON.stringify(f)}`);
  for (const f of expect.never ?? []) if (printed.includes(f)) problems.push(`says ${JSON.stringify(f)}`);
  for (const pattern of NEVER) if (pattern.test(run.err)) problems.push(`prints ${pattern.source}`);
  for (const kept of expect.kept ?? []) {
    const problem = keptProblem(kept, dir);
    if (problem) problems.push(problem);
  }
  for (const path of run.changed) problems.push(`changed its input ${path}`);
  const seconds = expect.seconds ?? DEFAULT_SECONDS;
  if (run.seconds > seconds) problems.push(`took ${run.seconds.toFixed(1)} s, over ${seconds} s`);
  const megabytes = expect.megabytes ?? DEFAULT_MEGABYTES;
  if (run.megabytes > megabytes) problems.push(`left ${Math.round(run.megabytes)} MB allocated, over ${megabytes} MB`);
  return problems;
}
