import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { seedOnIris } from './editor-helpers';
import { bufferedViolations, collectPageErrors, savedDownloads } from './helpers';

/** Trains the seed MLP on Iris with `?wasm-threads=<threads>` and returns the backend line and each epoch's loss (from the runs CSV). */
async function trainIris(page: Page, testInfo: TestInfo, threads: 'on' | 'off'): Promise<{ threadsText: string; losses: number[]; violations: string[] }> {
  const files = savedDownloads(page, testInfo);
  await seedOnIris(page, `./?wasm-threads=${threads}`);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 30_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('8');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 8 epochs', { timeout: 60_000 });
  await page.getByTestId('runs-csv').click();
  await expect.poll(() => files.length).toBe(1);
  const [header, ...rows] = readFileSync(files[0] ?? '', 'utf8')
    .trim()
    .split('\n');
  const lossAt = (header ?? '').split(',').indexOf('loss');
  const trainWorker = page.workers().find((w) => /train\.worker/.test(w.url()));
  const violations = [...(await bufferedViolations(page)), ...(trainWorker ? await bufferedViolations(trainWorker) : ['no training worker'])];
  return {
    threadsText: (await page.getByTestId('backend-threads').textContent()) ?? '',
    losses: rows.map((row) => Number(row.split(',')[lossAt])),
    violations,
  };
}

test("the built (minified) app trains on tfjs's threaded wasm build when asked, with the single-threaded build's losses", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  const threaded = await trainIris(page, testInfo, 'on');
  // At least two threads (two on a 2-core machine, half the cores on a bigger one), their pthreads
  // loading tfjs's own files under the page's policy.
  expect(threaded.threadsText).toMatch(/^, ([2-8]) threads$/);
  expect(page.workers().filter((w) => /tfjs-backend-wasm-threaded-simd\.worker/.test(w.url())).length).toBeGreaterThanOrEqual(2);
  expect(threaded.violations).toEqual([]);
  expect(threaded.losses).toHaveLength(8);
  expect(threaded.losses[7]).toBeLessThan((threaded.losses[0] ?? 0) * 0.9);
  await page.getByTestId('backend').screenshot({ path: 'scratch/backend-threads.png' });

  // The same seeded run on the single-threaded build, in a fresh context (its own run history).
  const context = await browser.newContext();
  try {
    const plain = await trainIris(await context.newPage(), testInfo, 'off');
    expect(plain.threadsText).toBe(', 1 thread');
    threaded.losses.forEach((loss, epoch) =>
      expect(Math.abs(loss - (plain.losses[epoch] ?? NaN)), `epoch ${epoch + 1}`).toBeLessThan(1e-4 * Math.max(1, loss)),
    );
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});
