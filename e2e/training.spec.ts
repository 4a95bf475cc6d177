import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { node, seedOnIris, setField } from './editor-helpers';
import { collectPageErrors } from './helpers';

test('trains the seed example on Iris in a worker, with live charts, stop, evaluation and a prediction', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await seedOnIris(page);

  await page.getByTestId('tab-train').click();
  // Headless Chromium offers only software WebGL here: the app must pick wasm and say why.
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('20');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 20 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '20');
  await expect(page.getByTestId('chart-accuracy')).toBeVisible();
  const accuracy = Number((await page.getByTestId('eval-accuracy').textContent())?.replace('%', ''));
  expect(accuracy).toBeGreaterThan(70);
  await expect(page.getByTestId('confusion-matrix')).toContainText('setosa');

  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, 0.2');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('prediction').locator('li').first()).toContainText('setosa');

  // A long run stops within a batch when asked, keeping the weights so far.
  await page.getByLabel('Epochs', { exact: true }).fill('500');
  await page.getByLabel('Batch size', { exact: true }).fill('1');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Epoch', { timeout: 20_000 });
  // The charts redraw while it runs: the curve gains points between two looks.
  const epochPoints = async () => Number(await page.getByTestId('chart-loss').getAttribute('data-points'));
  await expect.poll(epochPoints, { timeout: 20_000 }).toBeGreaterThan(1);
  const seen = await epochPoints();
  await expect.poll(epochPoints, { timeout: 20_000 }).toBeGreaterThan(seen);
  await expect(page.getByTestId('chart-batch').locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+(C|L)/);
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('progress-text')).toContainText('Stopped', { timeout: 20_000 });
  const stoppedAt = Number(/after (\d+) epoch/.exec((await page.getByTestId('progress-text').textContent()) ?? '')?.[1]);
  expect(stoppedAt).toBeLessThan(500);
  expect(errors).toEqual([]);
});

test('the Keras seed as written, Dense(2, softmax) + categorical cross-entropy, trains on a two-class sample', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-breast-cancer').click();
  await page.getByTestId('fit-model').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  // Two units without softmax: the output says so and offers both forms a two-class target takes.
  await page.getByTestId('tab-model').click();
  await node(page, 'dense_2').click();
  await setField(page, 'units', '2');
  await expect(node(page, 'dense_2').getByTestId('diagnostic')).toContainText('an output of 2 units should use softmax');
  const fixes = page.getByTestId('inspector-form').locator('.insp-fix');
  await expect(fixes).toHaveText(['Use softmax', 'Use 1 unit, sigmoid (binary crossentropy)']);
  await fixes.first().click();
  await expect(node(page, 'dense_2').getByTestId('diagnostic')).toHaveCount(0);

  await page.getByTestId('tab-train').click();
  await expect(page.getByLabel('Loss', { exact: true })).toHaveValue('categorical_crossentropy');
  await page.getByLabel('Epochs', { exact: true }).fill('10');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 10 epochs', { timeout: 60_000 });
  expect(Number((await page.getByTestId('eval-accuracy').textContent())?.replace('%', ''))).toBeGreaterThan(85);
  // The target follows the model: one-hot rows for two softmax units.
  await page.getByTestId('tab-data').click();
  await expect(page.getByLabel('Target encoding')).toHaveValue('onehot');
  expect(errors).toEqual([]);
});

test('saved weights keep their epoch count: opened in another browser, continuing counts on from epoch 3, and a reload keeps it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 2 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('weights-state')).toHaveText('Current weights: trained for 2 epochs');
  const download = page.waitForEvent('download');
  await page.getByTestId('toolbar-save').click();
  const saved = testInfo.outputPath('trained.netloom.json');
  await (await download).saveAs(saved);

  // Another browser profile: nothing of the first one's but the file.
  const other = await browser.newContext();
  const opened = await other.newPage();
  const openedErrors = collectPageErrors(opened);
  await opened.goto('./');
  await opened.getByTestId('open-file-input').setInputFiles(saved);
  await expect(opened.getByTestId('notice')).toContainText('with its weights (trained for 2 epochs)', { timeout: 20_000 });
  await opened.getByTestId('tab-train').click();
  await expect(opened.getByTestId('weights-state')).toHaveText('Current weights: trained for 2 epochs');
  await expect(opened.getByLabel('continue from the current weights')).toBeChecked();
  await opened.getByLabel('Epochs', { exact: true }).fill('1');
  await expect(opened.getByTestId('train')).toBeEnabled({ timeout: 20_000 });
  await opened.getByTestId('train').click();
  await expect(opened.getByTestId('progress-text')).toHaveText('Finished after 1 more epoch (3 in all)', { timeout: 60_000 });
  // The charts go on from epoch 3, as Keras's fit(initial_epoch=2).
  await expect(opened.getByTestId('chart-loss')).toHaveAttribute('data-x-range', '3-3');
  await expect(opened.getByTestId('weights-state')).toHaveText('Current weights: trained for 3 epochs');
  // Export > Project with weights writes the new count.
  const exported = opened.waitForEvent('download');
  await opened.getByTestId('toolbar-export').click();
  await opened.getByTestId('export-project-weights').click();
  const exportedPath = testInfo.outputPath('exported.netloom.json');
  await (await exported).saveAs(exportedPath);
  expect((JSON.parse(readFileSync(exportedPath, 'utf8')) as { weights: { epochs: number } }).weights.epochs).toBe(3);

  // The autosaved weights keep their count too.
  await opened.reload();
  await opened.getByTestId('tab-train').click();
  await expect(opened.getByTestId('weights-state')).toHaveText('Current weights: trained for 3 epochs', { timeout: 20_000 });
  await other.close();
  expect(errors).toEqual([]);
  expect(openedErrors).toEqual([]);
});
