import type { Page } from '@playwright/test';
import { longTaskFigures, recordLongTasks, takeLongTasks, templateOnSample } from './app-steps';
import { startBenchApp } from './browser';

/** Trains `template` on `sample` in the app and reports main-thread long tasks and throughput. */
async function run(page: Page, url: string, label: string, template: string, sample: string, epochs: number, batch: number, watch?: string, viewsOff = false) {
  await page.goto(url);
  const backend = await templateOnSample(page, template, sample);
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
  await page.getByLabel('Batch size', { exact: true }).fill(String(batch));
  if (viewsOff) await page.getByTestId('insight-settings').getByRole('checkbox').uncheck();
  await recordLongTasks(page);
  const start = Date.now();
  await page.getByTestId('train').click();
  let switched: [number, number][] = [];
  let watched: [number, number][] = [];
  if (watch !== undefined) {
    // Watch the run from the canvas, one layer's views open: sparks on every node, and the
    // inspector redrawing the layer's plots and pictures with each sample.
    await page.getByTestId('tab-model').click();
    await page.getByTestId(`node-${watch}`).locator('.layer-node__head').click();
    await page
      .getByTestId('insight-section')
      .getByTestId(viewsOff ? 'insight-empty' : 'insight-histogram')
      .waitFor({ timeout: 60_000 });
    // The switch to the canvas mounts React Flow, a cost of the tab, not of the views: counted apart.
    switched = await takeLongTasks(page);
    await page.waitForTimeout(15_000);
    watched = await takeLongTasks(page);
    await page.getByTestId('tab-train').click();
  }
  let best = 0;
  // Sample the worker's own samples/s figure while it runs.
  while (!(await page.getByTestId('progress-text').textContent())?.includes('Finished')) {
    const text = (await page.getByTestId('progress-text').textContent()) ?? '';
    const m = /([\d,]+) samples\/s/.exec(text);
    if (m) best = Math.max(best, Number(m[1]?.replace(/,/g, '')));
    if (Date.now() - start > 240_000) throw new Error(`${label}: did not finish in 240 s`);
    await page.waitForTimeout(250);
  }
  const seconds = (Date.now() - start) / 1000;
  const long = [...switched, ...watched, ...(await takeLongTasks(page))];
  if (process.env.BENCH_DEBUG) console.error(label, JSON.stringify(long), 'run ms', seconds * 1000);
  const accuracy = await page.getByTestId('eval-accuracy').textContent();
  console.log(
    JSON.stringify({
      bench: label,
      backend,
      epochs,
      batch_size: batch,
      seconds: Number(seconds.toFixed(1)),
      peak_samples_per_s: best,
      val_accuracy: accuracy,
      ...longTaskFigures(long),
      ...(watch === undefined
        ? {}
        : {
            watched_long_tasks: watched.length,
            worst_watched_task_ms: Math.max(0, ...watched.map(([, d]) => d)),
            tab_switch_long_tasks: switched.length,
          }),
    }),
  );
}

const app = await startBenchApp(4323);
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (process.env.NETLOOM_BENCH_ONLY !== 'views') {
    await run(page, app.url, 'train-iris-mlp', 'seed', 'iris', 100, 8);
    // A long run fills the charts past the points they draw, so their thinning is measured too.
    await run(page, app.url, 'train-iris-mlp-long', 'seed', 'iris', 800, 8);
    await run(page, app.url, 'train-digits-cnn', 'cnn', 'digits', 8, 64);
  }
  // NETLOOM_BENCH_ONLY=views: only these two. The same run watched from the canvas with conv2d_1's filters and feature maps open.
  await run(page, app.url, 'train-digits-cnn-views-open', 'cnn', 'digits', 8, 64, 'conv2d_1');
  // And with the views off: what the tab switches cost without them.
  await run(page, app.url, 'train-digits-cnn-views-off', 'cnn', 'digits', 8, 64, 'conv2d_1', true);
} finally {
  await app.close();
}
