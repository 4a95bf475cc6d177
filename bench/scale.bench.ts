// Issue 17's scale, in the built app: `npx tsx bench/scale.bench.ts [idx] [csv] [folder]` (all
// three by default; run `npm run build` first). Each part runs in a fresh browser context, so its
// workers start empty:
//   idx    - 60,000 28x28 images as a Fashion-MNIST-sized IDX pair (generated here): load time,
//            then 1 epoch of an MLP 784-64-10 (batch 128): seconds and samples/s;
//   csv    - a 1,000,000-row CSV (bench/csv.bench.ts's columns): load and plan-fit time, then 1
//            epoch of the Keras seed MLP fitted to it (batch 128);
//   folder - 10,000 28x28 PNGs in 10 class folders: load time.
// With each, the memory of the page and of every worker (V8 heap, ArrayBuffers, tfjs tensors and
// wasm heap) at its peak while loading and while training, and the tab's renderer process's
// resident memory (bench/worker-memory.ts). One JSON line per figure set, as the other benches.
// A part that crashes or times out prints `error` with where it was, and the bench exits 1.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { GraphBuilder } from '../src/analysis/builder';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { trainingConfigSchema } from '../src/settings/training';
import { writeBenchCsv, writeScaleIdx, writeScalePngFolder } from '../scripts/scale-data';
import { startBenchApp } from './browser';
import { memoryFields, watchMemory } from './worker-memory';
import type { MemoryWatch } from './worker-memory';

const parts = process.argv.slice(2).filter((a) => ['idx', 'csv', 'folder'].includes(a));
const run = (part: string) => parts.length === 0 || parts.includes(part);
const BATCH = 128;
const SAMPLE_MS = 500;
const dir = await mkdtemp(join(tmpdir(), 'netloom-scale-'));
const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(2));

/** A project of `graph` set to train one epoch in batches of `BATCH`, written where the page can open it. */
async function projectFile(name: string, build: (b: GraphBuilder) => void): Promise<string> {
  const b = new GraphBuilder();
  build(b);
  const path = join(dir, `${name}.netloom.json`);
  await writeFile(path, serializeProject({ ...emptyProject(name), graph: b.graph, training: trainingConfigSchema.parse({ epochs: 1, batchSize: BATCH }) }));
  return path;
}

/** A fresh context and page on the app, watched, with `project` opened; a crash of its tab is printed as `bench`'s. */
async function openApp(browser: Browser, url: string, bench: string, project?: string): Promise<{ page: Page; memory: MemoryWatch; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('crash', () => console.log(JSON.stringify({ bench, crashed: 'the tab crashed' })));
  await page.goto(url);
  const memory = await watchMemory(page);
  if (project !== undefined) await page.getByTestId('open-file-input').setInputFiles(project);
  await page.getByTestId('tab-data').click();
  return {
    page,
    memory,
    async close() {
      await memory.close().catch(() => undefined);
      await context.close();
    },
  };
}

/** Samples memory while `work` runs; returns its result with the peaks of that span. */
async function peakDuring<T>(memory: MemoryWatch, work: () => Promise<T>): Promise<{ result: T; peaks: ReturnType<MemoryWatch['peaks']> }> {
  memory.resetPeaks();
  const sampling = memory.sample(SAMPLE_MS);
  try {
    const result = await work();
    await memory.read();
    return { result, peaks: memory.peaks() };
  } finally {
    await sampling.stop();
  }
}

/**
 * Trains one epoch from the Train tab: the seconds from the click to "Finished" (sending the
 * samples, the epoch, the validation pass), and the samples trained on (batches per epoch x batch
 * size, as shown) per second of that.
 */
async function trainOneEpoch(page: Page): Promise<{ seconds: number; samples: number; samplesPerSecond: number; accuracy: number | null }> {
  await page.getByTestId('tab-train').click();
  await page.getByTestId('backend-name').waitFor({ timeout: 60_000 });
  const start = performance.now();
  await page.getByTestId('train').click();
  let batches = 0;
  const text = page.getByTestId('progress-text');
  for (;;) {
    const shown = (await text.textContent({ timeout: 5_000 }).catch(() => '')) ?? '';
    const of = /batch [\d,]+ of ([\d,]+)/.exec(shown)?.[1];
    if (of !== undefined) batches = Number(of.replace(/,/g, ''));
    if (/Finished|Stopped|failed|diverged/i.test(shown)) break;
    if (performance.now() - start > 600_000) throw new Error(`training did not finish in 600 s (last: ${shown})`);
    const notice = await page
      .getByTestId('notice')
      .textContent({ timeout: 100 })
      .catch(() => null);
    if (notice !== null && /error|could not|stopped unexpectedly/i.test(notice)) throw new Error(`training: ${notice}`);
    await page.waitForTimeout(250);
  }
  const took = seconds(start);
  const finished = (await text.textContent()) ?? '';
  if (!/Finished after 1 epoch/.test(finished)) throw new Error(`training ended as: ${finished}`);
  const accuracy = await page
    .getByTestId('eval-accuracy')
    .textContent({ timeout: 10_000 })
    .then((t) => Number(t?.replace('%', '')))
    .catch(() => null);
  const samples = batches * BATCH;
  return { seconds: took, samples, samplesPerSecond: Math.round(samples / took), accuracy };
}

/** The image count the data view shows ("60,000 images · (28, 28, 1) each · 10 classes"). */
async function imagesShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('data-view').textContent()) ?? '';
  return Number(/([\d,]+) images ·/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
}

/** Trains one epoch while sampling memory, and prints the line `bench` of it. */
async function trainAndReport(page: Page, memory: MemoryWatch, bench: string, model: string): Promise<void> {
  const trained = await peakDuring(memory, () => trainOneEpoch(page));
  const { samples, seconds: epochSeconds, samplesPerSecond, accuracy } = trained.result;
  console.log(
    JSON.stringify({
      bench,
      model,
      batch: BATCH,
      train_samples: samples,
      epoch_seconds: epochSeconds,
      samples_per_s: samplesPerSecond,
      val_accuracy_pct: accuracy,
      ...memoryFields('peak', trained.peaks),
    }),
  );
}

let failed = false;
/** Runs one part; a failure prints where it happened and marks the bench failed. */
async function part(bench: string, body: (step: (name: string) => void) => Promise<void>): Promise<void> {
  let at = 'start';
  try {
    await body((name) => (at = name));
  } catch (error) {
    failed = true;
    console.log(JSON.stringify({ bench, error: error instanceof Error ? error.message.split('\n')[0] : String(error), at }));
  }
}

const app = await startBenchApp();
try {
  if (run('idx')) {
    await part('scale-idx-60k', async (step) => {
      step('generating');
      let t = performance.now();
      const pair = await writeScaleIdx(dir);
      const generateSeconds = seconds(t);
      const project = await projectFile('mlp', (b) =>
        b.chain(b.input([28, 28, 1]), ['Flatten'], ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 10, activation: 'softmax' }]),
      );
      const { page, memory, close } = await openApp(app.browser, app.url, 'scale-idx-60k', project);
      try {
        step('loading');
        const load = await peakDuring(memory, async () => {
          t = performance.now();
          await page.getByTestId('idx-input').setInputFiles([pair.images, pair.labels]);
          await page.getByTestId('data-source-name').getByText('train-images-idx3-ubyte.gz').waitFor({ timeout: 120_000 });
          return seconds(t);
        });
        const images = await imagesShown(page);
        console.log(
          JSON.stringify({
            bench: 'scale-idx-60k-load',
            images,
            generate_seconds: generateSeconds,
            load_seconds: load.result,
            ...memoryFields('peak', load.peaks),
          }),
        );
        step('training');
        await trainAndReport(page, memory, 'scale-idx-60k-train', 'mlp-784-64-10');
      } finally {
        await close();
      }
    });
  }

  if (run('csv')) {
    await part('scale-csv-1m', async (step) => {
      step('generating');
      let t = performance.now();
      const file = join(dir, 'rows.csv');
      const bytes = await writeBenchCsv(file, { rows: 1_000_000 });
      const generateSeconds = seconds(t);
      // 8 numbers and a 3-way one-hot colour: 11 features; 4 classes.
      const project = await projectFile('seed', (b) =>
        b.chain(b.input([11]), ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 4, activation: 'softmax' }]),
      );
      const { page, memory, close } = await openApp(app.browser, app.url, 'scale-csv-1m', project);
      try {
        step('loading');
        const load = await peakDuring(memory, async () => {
          t = performance.now();
          await page.getByTestId('csv-input').setInputFiles(file);
          await page.getByTestId('table-facts').waitFor({ timeout: 300_000 });
          const read = seconds(t);
          await page.getByTestId('data-x-shape').waitFor({ timeout: 300_000 });
          return { read, fitted: seconds(t) };
        });
        const facts = (await page.getByTestId('table-facts').textContent()) ?? '';
        const rows = Number(/([\d,]+) rows/.exec(facts)?.[1]?.replace(/,/g, '') ?? 0);
        console.log(
          JSON.stringify({
            bench: 'scale-csv-1m-load',
            rows,
            megabytes: Number((bytes / 1e6).toFixed(1)),
            generate_seconds: generateSeconds,
            read_seconds: load.result.read,
            seconds_to_plan_fitted: load.result.fitted,
            ...memoryFields('peak', load.peaks),
          }),
        );
        if (await page.getByTestId('fit-model').isVisible()) await page.getByTestId('fit-model').click();
        step('training');
        await trainAndReport(page, memory, 'scale-csv-1m-train', 'mlp-11-64-4');
      } finally {
        await close();
      }
    });
  }

  if (run('folder')) {
    await part('scale-folder-10k', async (step) => {
      step('generating');
      let t = performance.now();
      const folder = await writeScalePngFolder(dir);
      const generateSeconds = seconds(t);
      const { page, memory, close } = await openApp(app.browser, app.url, 'scale-folder-10k');
      try {
        step('loading');
        const load = await peakDuring(memory, async () => {
          t = performance.now();
          await page.getByTestId('folder-input').setInputFiles(folder);
          // The page reads the files, then the worker's first progress report names the total.
          await page
            .getByTestId('data-loading')
            .getByText(/of 10,000/)
            .waitFor({ timeout: 300_000 });
          const readOnPage = seconds(t);
          await page.getByTestId('image-grid').waitFor({ timeout: 300_000 });
          return { readOnPage, loaded: seconds(t) };
        });
        const images = await imagesShown(page);
        console.log(
          JSON.stringify({
            bench: 'scale-folder-10k-load',
            images,
            generate_seconds: generateSeconds,
            seconds_to_first_decode: load.result.readOnPage,
            load_seconds: load.result.loaded,
            ...memoryFields('peak', load.peaks),
          }),
        );
      } finally {
        await close();
      }
    });
  }
} finally {
  await app.close();
}
if (failed) process.exit(1);
