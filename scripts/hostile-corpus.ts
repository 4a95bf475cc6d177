// `npm run -s corpus -- <folder> [--check]`: writes the hostile-input corpus (src/hostile/) into
// the folder, one subfolder a case and a cases.json manifest; with --check, also runs every case
// through the CLI and prints its outcome, then how many of them came out as expected.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { argv, exit, stderr, stdout } from 'node:process';
import { corpusCount } from '../src/hostile/case';
import { casePath, HOSTILE_CASES } from '../src/hostile/index';
import { caseProblems, runCase } from '../src/hostile/run-case';
import { writeCorpus } from '../src/hostile/write';

const args = argv.slice(2);
const check = args.includes('--check');
const [folder, ...rest] = args.filter((a) => a !== '--check');
if (folder === undefined || rest.length > 0) {
  stderr.write('Usage: npm run -s corpus -- <folder> [--check]\n');
  exit(2);
}
const root = resolve(folder);
await mkdir(root, { recursive: true });
await writeCorpus(HOSTILE_CASES, root);
stdout.write(`wrote ${corpusCount(HOSTILE_CASES)} to ${root} (what each is and expects: ${join(root, 'cases.json')})\n`);
if (!check) exit(0);

// The CLI's tfjs prints a banner through console.warn; the outcomes are what this prints.
console.warn = () => undefined;
let expected = 0;
for (const c of HOSTILE_CASES) {
  const dir = join(root, casePath(c));
  const run = await runCase(c, dir);
  const problems = caseProblems(c, run, dir);
  if (problems.length === 0) expected++;
  const mark = problems.length === 0 ? 'ok  ' : c.known ? 'KNOWN' : 'FAIL';
  stdout.write(`${mark} ${casePath(c)} (exit ${run.exit}, ${run.seconds.toFixed(2)} s)${problems.map((p) => `\n       ${p}`).join('')}\n`);
}
stdout.write(`${expected} of ${HOSTILE_CASES.length} cases give their expected outcome\n`);
exit(expected === HOSTILE_CASES.length ? 0 : 1);
