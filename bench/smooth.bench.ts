// `npm run bench:smooth`: how often training makes the page stutter. Trains the Iris MLP (100 and
// 800 epochs) and the digits CNN in the app again and again, the kinds interleaved so drift on a
// shared machine hits all alike, and counts the runs with any main-thread task over 50 ms from the
// Train click to the finish. One JSON line per kind and one for all: runs, runs_with_long_tasks,
// worst_ms, with the median and spread of each run's worst task and time.
// Options: --rounds N (default 4; a round is 3 short Iris runs, 1 long one, 1 CNN run).
// BENCH_DEBUG=1 prints each long frame's scripts to stderr.
import { argv } from 'node:process';
import { startBenchApp } from './browser';
import { recordLongFrames, takeLongFrames } from './long-frames';
import { spreadFields } from './stats';
import { trainRun } from './train-run';
import type { TrainRunOptions, TrainRunResult } from './train-run';

const i = argv.indexOf('--rounds');
const ROUNDS = Math.max(1, Number(i >= 0 ? argv[i + 1] : 4));

const KINDS: Record<string, TrainRunOptions> = {
  'iris-mlp': { template: 'seed', sample: 'iris', epochs: 100, batch: 8 },
  'iris-mlp-long': { template: 'seed', sample: 'iris', epochs: 800, batch: 8 },
  'digits-cnn': { template: 'cnn', sample: 'digits', epochs: 8, batch: 64 },
};
const ROUND: (keyof typeof KINDS)[] = ['iris-mlp', 'iris-mlp-long', 'iris-mlp', 'digits-cnn', 'iris-mlp'];

const worst = (r: TrainRunResult) => Math.max(0, ...r.all.map(([, d]) => d));

function line(bench: string, results: readonly TrainRunResult[]) {
  return {
    bench,
    runs: results.length,
    runs_with_long_tasks: results.filter((r) => r.all.length > 0).length,
    worst_ms: Math.max(0, ...results.map(worst)),
    ...spreadFields('worst_task_ms', results.map(worst)),
    ...spreadFields(
      'seconds',
      results.map((r) => r.seconds),
      1,
    ),
  };
}

const started = Date.now();
const app = await startBenchApp(Number(process.env.NETLOOM_BENCH_PORT ?? 4337));
const byKind = new Map<string, TrainRunResult[]>();
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const kind of ROUND) {
      const options = KINDS[kind] as TrainRunOptions;
      const result = await trainRun(page, app.url, { ...options, beforeTrain: process.env.BENCH_DEBUG ? recordLongFrames : undefined });
      if (process.env.BENCH_DEBUG && result.all.length > 0) console.error(kind, JSON.stringify(result.all), JSON.stringify(await takeLongFrames(page)));
      byKind.set(kind, [...(byKind.get(kind) ?? []), result]);
    }
  }
} finally {
  await app.close();
}
for (const [kind, results] of byKind) console.log(JSON.stringify(line(`smooth-${kind}`, results)));
console.log(JSON.stringify({ ...line('smooth-training', [...byKind.values()].flat()), bench_seconds: Math.round((Date.now() - started) / 1000) }));
