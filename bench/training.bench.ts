import type { Page } from '@playwright/test';
import { longTaskFigures, recordLongTasks, takeLongTasks, templateOnSample } from './app-steps';
import { startBenchApp } from './browser';

/** Trains `template` on `sample` in the app and reports main-thread long tasks and throughput. */
async function run(page: Page, url: string, label: string, template: string, sample: string, epochs: number, batch: number) {
  await page.goto(url);
  const backend = await templateOnSample(page, template, sample);
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
  await page.getByLabel('Batch size', { exact: true }).fill(String(batch));
  await recordLongTasks(page);
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
  const long = await takeLongTasks(page);
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
