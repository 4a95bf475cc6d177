// Figures 1 and 2: the app's training pipeline against plain tfjs, and the app's backend choice
// against tfjs's own, each side by side in one headless Chromium, in dedicated Web Workers.
// Builds bench/throughput/ (its own small page and workers) into bench-results/throughput-dist.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
// @ts-expect-error: a plain .mjs script without types; it exports findBrowser(): Promise<string>.
import { findBrowser } from '../scripts/find-browser.mjs';
import { spread, spreadFields } from './stats';
import type { BenchRequest, BenchResult } from './throughput/protocol';

const configFile = fileURLToPath(new URL('./throughput/vite.config.ts', import.meta.url));
const PORT = Number(process.env.NETLOOM_BENCH_PORT ?? 4331);
/**
 * `insight`: only the figures of the views' overhead; `pipeline`: only the pipeline figures (app
 * against raw tfjs); `threads`: only tfjs's threaded wasm build against its single-threaded one.
 */
const ONLY = process.env.NETLOOM_BENCH_ONLY;

const runIn = async (page: Page, kind: 'raw' | 'app', request: BenchRequest): Promise<BenchResult> =>
  (await page.evaluate(`window.runBench(${JSON.stringify(kind)}, ${JSON.stringify(request)})`)) as BenchResult;

const round = (v: number, digits = 0) => Number(v.toFixed(digits));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Pairs a side-by-side figure times (README: at least 5 a side); NETLOOM_BENCH_PAIRS for more. */
const PAIRS = Number(process.env.NETLOOM_BENCH_PAIRS ?? 5);

/**
 * `PAIRS` pairs of runs of two sides, the order within a pair alternating (a/b, b/a, a/b, ...), so
 * drift on this shared VM hits both sides alike; each pair's ratio compares runs next to each other.
 */
async function alternatingPairs(run: (side: 'a' | 'b') => Promise<BenchResult>, count = PAIRS): Promise<{ a: BenchResult; b: BenchResult }[]> {
  const pairs: { a: BenchResult; b: BenchResult }[] = [];
  for (let i = 0; i < count; i++) {
    const [first, second] = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    const x = await run(first);
    const y = await run(second);
    pairs.push(first === 'a' ? { a: x, b: y } : { a: y, b: x });
  }
  return pairs;
}

/**
 * Both sides' samples/s (`<a>_samples_per_s`, `<b>_samples_per_s`, each with `_low` and `_high`) and
 * `ratio`, the median pair's a / b, with the lowest and highest pair's (`pair_low`, `pair_high`).
 */
function pairFields(pairs: readonly { a: BenchResult; b: BenchResult }[], a: string, b: string) {
  const ratio = spreadFields(
    'ratio',
    pairs.map((p) => p.a.samplesPerSecond / p.b.samplesPerSecond),
    3,
  );
  return {
    ...spreadFields(
      `${a}_samples_per_s`,
      pairs.map((p) => p.a.samplesPerSecond),
    ),
    ...spreadFields(
      `${b}_samples_per_s`,
      pairs.map((p) => p.b.samplesPerSecond),
    ),
    ratio: ratio.ratio as number,
    pair_low: ratio.ratio_low as number,
    pair_high: ratio.ratio_high as number,
  };
}

/** The app pipeline against raw `model.fit` (a = app, b = raw): `ratio` is the median pair's app / raw. */
async function pipelineFigure(page: Page, label: string, request: Extract<BenchRequest, { task: 'fit' }>, count = PAIRS) {
  const pairs = await alternatingPairs((side) => runIn(page, side === 'a' ? 'app' : 'raw', request), count);
  for (const { a, b } of pairs) if (a.backend !== 'wasm' || b.backend !== 'wasm') throw new Error(`${label}: ran on ${a.backend}/${b.backend}, not wasm`);
  // The same architecture on both sides: the raw model's count is the app model's.
  const flops = pairs[0]?.b.flopsPerSample ?? NaN;
  const gflops = (rates: number[]) => rates.map((r) => (r * flops) / 1e9);
  const { ratio, pair_low, pair_high, ...rates } = pairFields(pairs, 'app', 'raw');
  console.log(
    JSON.stringify({
      bench: label,
      backend: 'wasm',
      batch_size: request.batchSize,
      samples: request.samples,
      timed_epochs: request.timedEpochs,
      ...rates,
      app_gflops: round(spread(gflops(pairs.map((p) => p.a.samplesPerSecond))).median, 2),
      raw_gflops: round(spread(gflops(pairs.map((p) => p.b.samplesPerSecond))).median, 2),
      ratio,
      pair_low,
      pair_high,
      pairs: pairs.length,
      app_progress_messages: pairs[0]?.a.progressMessages ?? 0,
    }),
  );
}

/**
 * Issue 16: the app pipeline with the views inside the network on against off (a = on, b = off).
 * `insight_overhead` is the median pair's on / off throughput (it must stay >= 0.9), with the lowest
 * and highest pair; `sampling_share` is the worker's own measure: the share of the timed run it
 * spent sampling.
 */
async function insightFigure(page: Page, label: string, request: Extract<BenchRequest, { task: 'fit' }>) {
  const pairs = await alternatingPairs((side) => runIn(page, 'app', { ...request, insight: side === 'a' }));
  if (process.env.BENCH_DEBUG)
    for (const { a, b } of pairs) console.error(label, a.snapshots ?? '-', round(a.samplesPerSecond), round(b.samplesPerSecond), round(a.insightMs ?? 0));
  const overhead = spreadFields(
    'overhead',
    pairs.map(({ a, b }) => a.samplesPerSecond / b.samplesPerSecond),
    3,
  );
  console.log(
    JSON.stringify({
      bench: label,
      backend: pairs[0]?.a.backend,
      batch_size: request.batchSize,
      samples: request.samples,
      timed_epochs: request.timedEpochs,
      on_samples_per_s: round(spread(pairs.map((p) => p.a.samplesPerSecond)).median),
      off_samples_per_s: round(spread(pairs.map((p) => p.b.samplesPerSecond)).median),
      insight_overhead: overhead.overhead,
      pair_low: overhead.overhead_low,
      pair_high: overhead.overhead_high,
      sampling_share: round(spread(pairs.map((p) => (p.a.insightMs ?? 0) / (p.a.seconds * 1000))).median, 3),
      pairs: pairs.length,
      snapshots: Math.round(mean(pairs.map((p) => p.a.snapshots ?? 0))),
    }),
  );
}

/**
 * Issue 17: the app pipeline on tfjs's threaded wasm build (forced on: half the cores, at least
 * 2) against the single-threaded SIMD build (a = threaded, b = single). `ratio` is the median
 * pair's threaded / single throughput; both sides must have run Netloom's own kernels.
 */
async function threadsFigure(page: Page, label: string, request: Extract<BenchRequest, { task: 'fit' }>) {
  const pairs = await alternatingPairs((side) => runIn(page, 'app', { ...request, wasmThreads: side === 'a' ? 'on' : 'off' }));
  for (const { a, b } of pairs) {
    if ((a.threads ?? 1) < 2 || b.threads !== 1) throw new Error(`${label}: ran on ${a.threads ?? '?'} / ${b.threads ?? '?'} threads, not threaded / single`);
    if (a.ownKernels !== true || b.ownKernels !== true)
      throw new Error(`${label}: Netloom's wasm kernels were not bound (threaded ${a.ownKernels}, single ${b.ownKernels})`);
  }
  console.log(
    JSON.stringify({
      bench: label,
      backend: 'wasm',
      threads: pairs[0]?.a.threads,
      cores: await page.evaluate(() => navigator.hardwareConcurrency),
      batch_size: request.batchSize,
      samples: request.samples,
      timed_epochs: request.timedEpochs,
      ...pairFields(pairs, 'threaded', 'single'),
      pairs: pairs.length,
    }),
  );
}

async function backendFigure(page: Page) {
  const request: BenchRequest = { task: 'backend', batchSize: 64, timeBoxMs: 2000, maxBatches: 300 };
  const tfjsDefault = await runIn(page, 'raw', request);
  const app = await runIn(page, 'app', request);
  console.log(
    JSON.stringify({
      bench: 'backend-choice-mlp',
      app_backend: app.backend,
      app_samples_per_s: round(app.samplesPerSecond),
      tfjs_default_backend: tfjsDefault.backend,
      tfjs_default_samples_per_s: round(tfjsDefault.samplesPerSecond),
      speedup: round(app.samplesPerSecond / tfjsDefault.samplesPerSecond, 2),
      timed_batches: `${app.samples / 64}/${tfjsDefault.samples / 64}`,
    }),
  );
  if (process.env.BENCH_DEBUG) console.error('app backend reason:', app.reason);
}

/** Every figure, or only some with NETLOOM_BENCH_ONLY=insight|pipeline|threads. */
async function figures(page: Page) {
  // Timed parts of about 3 s a run on the app side (several seconds on raw tfjs's), after a warm-up epoch.
  const mlp = { task: 'fit', model: 'mlp', samples: 5000, batchSize: 64, warmupEpochs: 1, timedEpochs: 10, seed: 1 } as const;
  const cnn = { task: 'fit', model: 'cnn', samples: 2000, batchSize: 64, warmupEpochs: 1, timedEpochs: 4, seed: 2 } as const;
  if (ONLY === 'threads') {
    await threadsFigure(page, 'wasm-threads-mlp', mlp);
    await threadsFigure(page, 'wasm-threads-cnn', cnn);
    return;
  }
  if (ONLY === 'insight') {
    await insightFigure(page, 'insight-overhead-mlp', mlp);
    await insightFigure(page, 'insight-overhead-cnn', cnn);
    return;
  }
  await pipelineFigure(page, 'pipeline-mlp', mlp);
  await pipelineFigure(page, 'pipeline-cnn', cnn);
  // Raw tfjs trains the Transformer at about 80 samples/s (25 s a run here): 3 pairs, not 5.
  await pipelineFigure(
    page,
    'pipeline-transformer',
    { task: 'fit', model: 'transformer', samples: 1000, batchSize: 32, warmupEpochs: 1, timedEpochs: 1, seed: 3 },
    Math.min(PAIRS, 3),
  );
  if (ONLY === 'pipeline') return;
  await backendFigure(page);
  await insightFigure(page, 'insight-overhead-mlp', mlp);
  await insightFigure(page, 'insight-overhead-cnn', cnn);
  await threadsFigure(page, 'wasm-threads-mlp', mlp);
  await threadsFigure(page, 'wasm-threads-cnn', cnn);
}

await build({ configFile, logLevel: 'error' });
const server = await preview({ configFile, preview: { port: PORT, strictPort: true } });
// Playwright's default launch arguments (software WebGL present), as a user's browser has it;
// --no-sandbox only because the bench may run as root.
const browser = await chromium.launch({ executablePath: (await findBrowser()) as string, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForFunction('typeof window.runBench === "function"');
  await figures(page);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
