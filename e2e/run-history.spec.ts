import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { node, seedOnIris, selectNode, setField } from './editor-helpers';
import { collectPageErrors, savedDownloads } from './helpers';

test('every run is kept: train twice with a changed layer, compare, read the diff, restore, export CSV, reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const files = savedDownloads(page, testInfo);
  await seedOnIris(page);

  const trainFor = async (runs: number) => {
    await page.getByTestId('tab-train').click();
    await page.getByLabel('Epochs', { exact: true }).fill('6');
    await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('progress-text')).toContainText('Finished after 6 epochs', { timeout: 60_000 });
    await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(runs);
  };
  await trainFor(1);
  await expect(page.getByTestId('run-row-1').getByTestId('run-name')).toHaveText('Run 1');
  await expect(page.getByTestId('run-row-1')).toContainText('kept');

  await page.getByTestId('tab-model').click();
  await selectNode(page, 'dense_1');
  await setField(page, 'units', '16');
  await trainFor(2);

  await page.getByTestId('run-row-1').getByTestId('run-select').check();
  await page.getByTestId('run-row-2').getByTestId('run-select').check();
  const compare = page.getByTestId('run-compare');
  await expect(compare.getByTestId('run-chart')).toHaveAttribute('data-points', '6');
  await expect(compare.getByTestId('run-final')).toContainText('Run 2');
  // Which backend each run trained on (with its threads on wasm) and how long an epoch took, side by side.
  await expect(compare.getByTestId('run-backend')).toHaveText([/^(wasm, \d+ threads?|webgl|webgpu|cpu)$/, /^(wasm, \d+ threads?|webgl|webgpu|cpu)$/]);
  await expect(compare.getByTestId('run-duration').first()).toContainText('an epoch)');
  await expect(page.getByTestId('run-diff').locator('li')).toHaveText(['dense_1: units 64 -> 16']);
  await compare.getByTestId('run-metric-picker').selectOption('val_accuracy');
  await expect(compare.getByTestId('run-chart')).toContainText('val_accuracy per epoch');
  await compare.scrollIntoViewIfNeeded();
  await compare.screenshot({ path: 'scratch/run-compare.png' });
  await page.getByTestId('run-history').screenshot({ path: 'scratch/run-history.png' });

  // Run 1's graph and weights come back; its prediction is the trained model's.
  await page.getByTestId('run-row-1').getByTestId('run-restore').click();
  await expect(page.getByTestId('notice')).toContainText("Restored Run 1's graph with its trained weights");
  await page.getByTestId('tab-model').click();
  await expect(node(page, 'dense_1')).toContainText('64');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, 0.2');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('prediction').locator('li').first()).toContainText('setosa');

  await page.getByTestId('runs-csv').click();
  await expect.poll(() => files.length).toBe(1);
  const csv = readFileSync(files[0] ?? '', 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('run,name,epoch,loss,accuracy,val_loss,val_accuracy');
  expect(csv).toHaveLength(13);

  // The history outlives a reload.
  await page.reload();
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('run-row-1').getByTestId('run-delete').click();
  await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(1);
  await page.reload();
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('run-row-1').getByTestId('run-name')).toHaveText('Run 2');
  expect(errors).toEqual([]);
});
