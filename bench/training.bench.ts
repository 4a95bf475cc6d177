import type { Page } from '@playwright/test';
import { startBenchApp } from './browser';

const START = `(() => {
  const b = (window.__bench = { long: [], t0: performance.now() });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.long.push([Math.round(e.startTime - b.t0), Math.round(e.duration)]); }).observe({ type: 'longtask' });
})()`;

/** Trains `template` on `sample` in the app and reports main-thread long tasks and throughput. */
async function run(page: Page, url: string, label: string, template: string, sample: string, epochs: number, batch: number) {
  await page.goto(url);
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId(`template-${template}`).click();
  // The "New project" notice sits over the bottom of the page; dismiss it so clicks land.
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId(`sample-${sample}`).click();
  await page.getByTestId('data-loading').waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByTestId('wiring-bar').waitFor();
  await page.waitForTimeout(300);
  if (await page.getByTestId('fit-model').isVisible()) await page.getByTestId('fit-model').click();
  await page.getByTestId('tab-train').click();
  await page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
  const backend = await page.getByTestId('backend-name').textContent();
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
  await page.getByLabel('Batch size', { exact: true }).fill(String(batch));
  await page.evaluate(START);
  const start = Date.now();
  await page.getByTestId('train').click();
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
  const long = ((await page.evaluate('window.__bench.long')) as [number, number][]).map(([, d]) => d);
  if (process.env.BENCH_DEBUG) console.error(label, JSON.stringify(await page.evaluate('window.__bench.long')), 'run ms', seconds * 1000);
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
      main_thread_long_tasks: long.length,
      worst_main_thread_task_ms: Math.round(Math.max(0, ...long)),
    }),
  );
}

const app = await startBenchApp(4323);
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await run(page, app.url, 'train-iris-mlp', 'seed', 'iris', 100, 8);
  // A long run fills the charts past the points they draw, so their thinning is measured too.
  await run(page, app.url, 'train-iris-mlp-long', 'seed', 'iris', 800, 8);
  await run(page, app.url, 'train-digits-cnn', 'cnn', 'digits', 8, 64);
} finally {
  await app.close();
}
