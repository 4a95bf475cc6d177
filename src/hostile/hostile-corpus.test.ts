/**
 * The hostile-input corpus, run through the CLI: every case is written to a temporary folder and
 * run in-process through `runCli` (what `npm run cli` runs), and its exit code, message, "nothing
 * lost" checks and sanity limits must be as the case says. A case with a known bad outcome runs
 * as `it.fails`: the suite stays green while the bug is there and turns red once it is fixed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, casePath, corpusCount, fragments, type HostileCase } from './case';
import { HOSTILE_CASES } from './index';
import { caseProblems, runCase } from './run-case';
import { writeCorpus } from './write';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'netloom-hostile-'));
  await writeCorpus(HOSTILE_CASES, root);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function problemsOf(c: HostileCase): Promise<string[]> {
  const dir = join(root, casePath(c));
  return caseProblems(c, await runCase(c, dir), dir);
}

describe.each(CASE_KINDS)('hostile %s inputs through the CLI', (kind) => {
  const cases = HOSTILE_CASES.filter((c) => c.kind === kind);
  const expected = cases.filter((c) => c.known === undefined);
  const known = cases.filter((c) => c.known !== undefined);

  it.each(expected)('$id: $what', async (c) => {
    expect(await problemsOf(c)).toEqual([]);
  });

  if (known.length > 0) {
    it.fails.each(known)('$id: $what (KNOWN: $known)', async (c) => {
      expect(await problemsOf(c)).toEqual([]);
    });
  }
});

describe('the corpus', () => {
  it('holds at least 100 cases, each with its own folder and a specific message to expect', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(100);
    const paths = HOSTILE_CASES.map(casePath);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    for (const c of HOSTILE_CASES) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(
        fragments(c.expect.says).every((f) => f.length >= 10),
        `${casePath(c)} expects too vague a message`,
      ).toBe(true);
    }
  });

  it('is counted in the README as it is', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const known = HOSTILE_CASES.filter((c) => c.known !== undefined).length;
    expect(readme.replace(/\s+/g, ' ')).toContain(corpusCount(HOSTILE_CASES));
    expect(readme.replace(/\s+/g, ' ')).toContain(`${HOSTILE_CASES.length - known} of ${HOSTILE_CASES.length} give their expected outcome`);
  });
});
