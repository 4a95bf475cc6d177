// Figures 1 and 2: the app's training pipeline against plain tfjs, and the app's backend choice
// against tfjs's own, each side by side in one headless Chromium, in dedicated Web Workers.
// Builds bench/throughput/ (its own small page and workers) into bench-results/throughput-dist.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
// @ts-expect-error: a plain .mjs script without types; it exports findBrowser(): Promise<string>.
import { findBrowser } from '../scripts/find-browser.mjs';
import type { BenchRequest, BenchResult } from './throughput/protocol';

const configFile = fileURLToPath(new URL('./throughput/vite.config.ts', import.meta.url));
const PORT = Number(process.env.NETLOOM_BENCH_PORT ?? 4331);
/** `insight`: only the figures of the views' overhead; `pipeline`: only the pipeline figures (app against raw tfjs). */
const ONLY = process.env.NETLOOM_BENCH_ONLY;

const runIn = async (page: Page, kind: 'raw' | 'app', request: BenchRequest): Promise<BenchResult> =>
  (await page.evaluate(`window.runBench(${JSON.stringify(kind)}, ${JSON.stringify(request)})`)) as BenchResult;

const round = (v: number, digits = 0) => Number(v.toFixed(digits));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Raw and app alternately (raw, app, app, raw) so drift on this shared VM hits both alike. */
async function pipelineFigure(page: Page, label: string, request: Extract<BenchRequest, { task: 'fit' }>) {
  const raw: BenchResult[] = [];
  const app: BenchResult[] = [];
  for (const kind of ['raw', 'app', 'app', 'raw'] as const) (kind === 'raw' ? raw : app).push(await runIn(page, kind, request));
  for (const r of [...raw, ...app]) if (r.backend !== 'wasm') throw new Error(`${label}: ran on ${r.backend}, not wasm`);
  const rawRate = mean(raw.map((r) => r.samplesPerSecond));
  const appRate = mean(app.map((r) => r.samplesPerSecond));
  // The same architecture on both sides: the raw model's count is the app model's.
  const gflops = (rate: number) => round((rate * (raw[0]?.flopsPerSample ?? NaN)) / 1e9, 2);
  // Each raw run against the app run next to it (raw, app | app, raw): the spread of the ratio.
  const pairRatios = app.map((a, i) => a.samplesPerSecond / (raw[i]?.samplesPerSecond ?? NaN)).sort((x, y) => x - y);
  console.log(
    JSON.stringify({
      bench: label,
      backend: 'wasm',
      batch_size: request.batchSize,
      samples: request.samples,
      timed_epochs: request.timedEpochs,
      app_samples_per_s: round(appRate),
      raw_samples_per_s: round(rawRate),
      app_gflops: gflops(appRate),
      raw_gflops: gflops(rawRate),
      ratio: round(appRate / rawRate, 3),
      pair_low: round(pairRatios[0] ?? NaN, 3),
      pair_high: round(pairRatios[pairRatios.length - 1] ?? NaN, 3),
      runs_each: raw.length,
      app_progress_messages: app[0]?.progressMessages ?? 0,
    }),
  );
}

/**
 * Issue 16: the app pipeline with the views inside the network on against off, in pairs whose
 * order alternates (off/on, on/off, off/on), so drift on this shared VM hits both sides alike.
 * `insight_overhead` is the median of the pairs' on / off throughput (it must stay >= 0.9), with
 * the lowest and highest pair; `sampling_share` is the worker's own measure: the share of the
 * timed run it spent sampling.
 */
async function insightFigure(page: Page, label: string, request: Extract<BenchRequest, { task: 'fit' }>) {
  const pairs: { on: BenchResult; off: BenchResult }[] = [];
  for (const onFirst of [false, true, false]) {
    const first = await runIn(page, 'app', { ...request, insight: onFirst });
    const second = await runIn(page, 'app', { ...request, insight: !onFirst });
    pairs.push(onFirst ? { on: first, off: second } : { on: second, off: first });
  }
  if (process.env.BENCH_DEBUG)
    for (const { on, off } of pairs)
      console.error(label, on.snapshots ?? '-', round(on.samplesPerSecond), round(off.samplesPerSecond), round(on.insightMs ?? 0));
  const ratios = pairs.map(({ on, off }) => on.samplesPerSecond / off.samplesPerSecond).sort((x, y) => x - y);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(
    JSON.stringify({
      bench: label,
      backend: pairs[0]?.on.backend,
      batch_size: request.batchSize,
      samples: request.samples,
      timed_epochs: request.timedEpochs,
      on_samples_per_s: round(median(pairs.map((p) => p.on.samplesPerSecond))),
      off_samples_per_s: round(median(pairs.map((p) => p.off.samplesPerSecond))),
      insight_overhead: round(median(ratios), 3),
      pair_low: round(ratios[0] ?? NaN, 3),
      pair_high: round(ratios[ratios.length - 1] ?? NaN, 3),
      sampling_share: round(median(pairs.map((p) => (p.on.insightMs ?? 0) / (p.on.seconds * 1000))), 3),
      pairs: pairs.length,
      snapshots: Math.round(mean(pairs.map((p) => p.on.snapshots ?? 0))),
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

/** Every figure, or only some with NETLOOM_BENCH_ONLY=insight|pipeline. */
async function figures(page: Page) {
  const mlp = { task: 'fit', model: 'mlp', samples: 5000, batchSize: 64, warmupEpochs: 1, timedEpochs: 2, seed: 1 } as const;
  const cnn = { task: 'fit', model: 'cnn', samples: 2000, batchSize: 64, warmupEpochs: 1, timedEpochs: 1, seed: 2 } as const;
  if (ONLY === 'insight') {
    await insightFigure(page, 'insight-overhead-mlp', mlp);
    await insightFigure(page, 'insight-overhead-cnn', cnn);
    return;
  }
  await pipelineFigure(page, 'pipeline-mlp', mlp);
  await pipelineFigure(page, 'pipeline-cnn', cnn);
  await pipelineFigure(page, 'pipeline-transformer', {
    task: 'fit',
    model: 'transformer',
    samples: 2000,
    batchSize: 32,
    warmupEpochs: 1,
    timedEpochs: 1,
    seed: 3,
  });
  if (ONLY === 'pipeline') return;
  await backendFigure(page);
  await insightFigure(page, 'insight-overhead-mlp', mlp);
  await insightFigure(page, 'insight-overhead-cnn', cnn);
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
