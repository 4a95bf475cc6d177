// `npm run bench:gpu`: the MLP, the digits CNN and the Transformer template trained through the
// app's trainer service on each GPU backend this machine really has and on wasm, interleaved, in
// headless Chromium launched as a hardware GPU needs it. One JSON line per model and backend with
// samples/s (median and spread) and the ratio to wasm; then the app's automatic choice per model
// and whether it is the faster. Without a hardware GPU it says so (`hardware_gpu: false` and why)
// and times the software GPU backends under names of their own (`software-gpu-*`), never as GPU figures.
// Options: --runs N (default 3 of each backend per model), --no-software.
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { build, preview } from 'vite';
// @ts-expect-error: a plain .mjs script without types; it exports findBrowser(): Promise<string>.
import { findBrowser } from '../scripts/find-browser.mjs';
import { GPU_LAUNCH_PROFILES, gpuBackendsOf } from './gpu/launch';
import type { GpuBackends, LaunchProfile } from './gpu/launch';
import type { BenchModel, FitResult, GpuBenchRequest, ProbeResult } from './gpu/protocol';
import { spread, spreadFields } from './stats';

const configFile = fileURLToPath(new URL('./gpu/vite.config.ts', import.meta.url));
const PORT = Number(process.env.NETLOOM_BENCH_PORT ?? 4336);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Math.max(1, Number(option('runs', '3')));
const SOFTWARE = !argv.includes('--no-software');
/** A run that takes longer than this is a hung backend, not a slow one. */
const RUN_TIMEOUT_MS = 120_000;

type Fit = Extract<GpuBenchRequest, { task: 'fit' }>;
/** Sizes that give a GPU a few hundred steps after its shader-compiling warm-up epoch. */
const MODELS: Record<BenchModel, Omit<Fit, 'task' | 'backend'>> = {
  mlp: { model: 'mlp', samples: 8192, batchSize: 64, warmupEpochs: 1, timedEpochs: 2, seed: 1 },
  cnn: { model: 'cnn', samples: 2048, batchSize: 64, warmupEpochs: 1, timedEpochs: 1, seed: 2 },
  transformer: { model: 'transformer', samples: 2048, batchSize: 32, warmupEpochs: 1, timedEpochs: 1, seed: 3 },
};
/** Software GPU backends are 3-50x slower than wasm: an eighth of the samples, one run, enough to show it. */
const SOFTWARE_SHARE = 8;

async function inWorker<T>(page: Page, request: GpuBenchRequest): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${JSON.stringify(request)} took over ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([page.evaluate(`window.runGpuBench(${JSON.stringify(request)})`), timeout])) as T;
  } finally {
    clearTimeout(timer);
  }
}

async function fitOn(page: Page, request: Fit): Promise<FitResult> {
  const result = await inWorker<FitResult>(page, request);
  if (request.backend !== 'auto' && result.backend !== request.backend) {
    throw new Error(`${request.model}: asked for ${request.backend}, trained on ${result.backend} (${result.reason})`);
  }
  return result;
}

/** Launches Chromium with `profile`'s flags and opens the bench page. */
async function open(profile: LaunchProfile): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: (await findBrowser()) as string, args: ['--no-sandbox', ...profile.args] });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForFunction('typeof window.runGpuBench === "function"');
  return { browser, page };
}

/**
 * The first launch profile under which a hardware GPU backend shows up; without one, the profile
 * under which tfjs trains on the most software GPU backends (to time them, labelled as software).
 */
async function pickProfile(): Promise<{ browser: Browser; page: Page; profile: LaunchProfile; backends: GpuBackends }> {
  let best: { browser: Browser; page: Page; profile: LaunchProfile; backends: GpuBackends } | undefined;
  for (const profile of GPU_LAUNCH_PROFILES) {
    const { browser, page } = await open(profile);
    const backends = gpuBackendsOf(await inWorker<ProbeResult>(page, { task: 'probe' }));
    console.log(JSON.stringify({ bench: 'gpu-probe', profile: profile.name, ...backends.summary }));
    if (backends.hardware.length > 0) {
      await best?.browser.close();
      return { browser, page, profile, backends };
    }
    const offers = (b: GpuBackends, p: LaunchProfile) => (p.softwareTimings ? b.software.length : -1);
    if (best === undefined || offers(backends, profile) > offers(best.backends, best.profile)) {
      await best?.browser.close();
      best = { browser, page, profile, backends };
    } else await browser.close();
  }
  if (best === undefined) throw new Error('no launch profile');
  return best;
}

/** Each backend `RUNS` times, the order reversed every round so drift on a shared machine hits all alike. */
async function timeModel(page: Page, model: BenchModel, backends: GpuBackends): Promise<Map<string, number[]>> {
  const rates = new Map<string, number[]>();
  const sides: Fit['backend'][] = ['wasm', ...backends.hardware];
  for (let round = 0; round < RUNS; round += 1) {
    for (const backend of round % 2 === 0 ? sides : [...sides].reverse()) {
      const result = await fitOn(page, { task: 'fit', backend, ...MODELS[model] });
      rates.set(backend, [...(rates.get(backend) ?? []), result.samplesPerSecond]);
    }
  }
  return rates;
}

async function report(page: Page, model: BenchModel, backends: GpuBackends): Promise<void> {
  const rates = await timeModel(page, model, backends);
  const wasm = rates.get('wasm') ?? [];
  const wasmMedian = spread(wasm).median;
  const base = { model, batch_size: MODELS[model].batchSize, samples: MODELS[model].samples, runs: RUNS };
  console.log(JSON.stringify({ bench: `gpu-train-${model}`, backend: 'wasm', hardware: false, ...base, ...spreadFields('samples_per_s', wasm) }));
  for (const backend of backends.hardware) {
    const values = rates.get(backend) ?? [];
    const fields = { ...spreadFields('samples_per_s', values), ratio_vs_wasm: Number((spread(values).median / wasmMedian).toFixed(2)) };
    console.log(JSON.stringify({ bench: `gpu-train-${model}`, backend, hardware: true, device: backends.device[backend], ...base, ...fields }));
  }
  if (SOFTWARE) {
    for (const backend of backends.software) {
      const sizes = { ...MODELS[model], samples: MODELS[model].samples / SOFTWARE_SHARE };
      const line = { bench: `software-gpu-train-${model}`, backend, hardware: false, device: backends.device[backend], model, samples: sizes.samples, runs: 1 };
      try {
        const result = await fitOn(page, { task: 'fit', backend, ...sizes });
        const ratio = Number((result.samplesPerSecond / wasmMedian).toFixed(2));
        console.log(JSON.stringify({ ...line, samples_per_s: Math.round(result.samplesPerSecond), ratio_vs_wasm: ratio }));
      } catch (e) {
        // A software backend that fails is a fact about it, not a failed bench.
        console.log(JSON.stringify({ ...line, error: e instanceof Error ? e.message.split('\n')[0] : String(e) }));
      }
    }
  }
  // The app's own choice: it races a hardware GPU backend against wasm on the model and keeps the faster.
  const auto = await fitOn(page, { task: 'fit', backend: 'auto', ...MODELS[model] });
  const faster = [...rates].map(([name, values]) => [name, spread(values).median] as const).sort((a, b) => b[1] - a[1])[0]?.[0];
  console.log(
    JSON.stringify({
      bench: `gpu-auto-${model}`,
      app_backend: auto.backend,
      faster_measured: faster,
      picks_faster: auto.backend === faster,
      reason: auto.reason,
    }),
  );
}

const started = Date.now();
await build({ configFile, logLevel: 'error' });
const server = await preview({ configFile, preview: { port: PORT, strictPort: true } });
try {
  const { browser, page, profile, backends } = await pickProfile();
  try {
    if (backends.hardware.length === 0) {
      console.log(
        JSON.stringify({
          bench: 'gpu',
          hardware_gpu: false,
          why: backends.why,
          profiles_tried: GPU_LAUNCH_PROFILES.map((p) => p.name),
          software_timed_under: profile.name,
        }),
      );
    } else {
      console.log(JSON.stringify({ bench: 'gpu', hardware_gpu: true, profile: profile.name, backends: backends.hardware, device: backends.device }));
    }
    for (const model of ['mlp', 'cnn', 'transformer'] as const) {
      try {
        await report(page, model, backends);
      } catch (e) {
        // One model's failure (a backend that breaks on it) still leaves the others' figures.
        console.log(JSON.stringify({ bench: `gpu-train-${model}`, error: e instanceof Error ? e.message.split('\n')[0] : String(e) }));
        process.exitCode = 1;
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
console.log(JSON.stringify({ bench: 'gpu-bench-time', seconds: Math.round((Date.now() - started) / 1000) }));
