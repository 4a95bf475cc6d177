// npm run bench: runs every benchmark, prints one JSON line per figure and a table at the end.
// NETLOOM_BENCH_ONLY=scale,csv runs only the benches whose file name holds one of those words.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const benches = [
  'bench/analyze.bench.ts',
  'bench/canvas.bench.ts',
  'bench/canvas-groups.bench.ts',
  'bench/csv.bench.ts',
  'bench/wide-table.bench.ts',
  'bench/training.bench.ts',
  'bench/throughput.bench.ts',
  'bench/frozen-base.bench.ts',
  'bench/cold-start.bench.ts',
  'bench/open-large.bench.ts',
  'bench/text-accuracy.bench.ts',
  'bench/transfer-digits.bench.ts',
  'bench/scale.bench.ts',
];
const only = (process.env.NETLOOM_BENCH_ONLY ?? '')
  .split(',')
  .map((w) => w.trim())
  .filter(Boolean);
const chosen = only.length === 0 ? benches : benches.filter((file) => only.some((word) => file.includes(word)));
if (chosen.length === 0) {
  console.error(`NETLOOM_BENCH_ONLY=${process.env.NETLOOM_BENCH_ONLY} names none of: ${benches.join(', ')}`);
  process.exit(2);
}

// Browser benchmarks measure the production build, as users get it.
const build = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const figures = [];
for (const file of chosen) {
  const run = spawnSync(tsx, [file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) {
    process.stdout.write(run.stdout ?? '');
    console.error(`bench ${file} failed with exit code ${run.status}`);
    process.exit(1);
  }
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    console.log(line);
    figures.push(JSON.parse(line));
  }
}

const width = Math.max(5, ...figures.map((f) => String(f.bench).length)) + 2;
console.log(`\n${'bench'.padEnd(width)}figures`);
for (const f of figures) {
  const { bench, ...rest } = f;
  const label = Object.entries(rest)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`${String(bench).padEnd(width)}${label}`);
}
