import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { seedOnIris } from './editor-helpers';
import { collectPageErrors, dismissNotice } from './helpers';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

test('picked metrics are charted per epoch, and a continued run goes on along the same curves', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });

  // Categorical cross-entropy offers accuracy, AUC and top-k; precision and recall wait for a sigmoid output.
  const picker = page.getByTestId('metric-picker');
  await expect(picker.locator('input[type=checkbox]')).toHaveCount(3);
  await expect(picker).toContainText('Precision and recall are offered for one sigmoid output');
  await page.getByLabel('Metric AUC', { exact: true }).check();
  await page.getByLabel('Metric top-k accuracy', { exact: true }).check();
  await expect(page.getByTestId('top-k-covers-all')).toHaveText('k = 5 covers all 3 classes, so top-5 accuracy is always 100%.');
  await page.getByLabel('Top-k k', { exact: true }).fill('2');
  await page.getByLabel('Top-k k', { exact: true }).blur();
  await expect(page.getByTestId('top-k-covers-all')).toHaveCount(0);
  // Drawn empty before the first run, one chart per picked metric.
  await expect(page.getByTestId('chart-auc')).toBeVisible();
  await expect(page.getByTestId('chart-top_k_categorical_accuracy')).toBeVisible();

  await page.getByLabel('Epochs', { exact: true }).fill('4');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toHaveText('Finished after 4 epochs', { timeout: 60_000 });
  for (const id of ['chart-loss', 'chart-accuracy', 'chart-auc', 'chart-top_k_categorical_accuracy']) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-points', '4');
    await expect(page.getByTestId(id)).toHaveAttribute('data-x-range', '1-4');
  }
  await expect(page.getByTestId('chart-auc')).toContainText('val_auc');
  await expect(page.getByTestId('chart-top_k_categorical_accuracy')).toContainText('Top-2 accuracy per epoch');
  // An info notice goes by itself after a few seconds; under load it may already have gone.
  await page
    .getByTestId('notice')
    .getByLabel('Dismiss message')
    .click({ timeout: 2_000 })
    .catch(() => undefined);
  await page.getByTestId('training-view').screenshot({ path: 'test-results/screens/metrics-picker.png' });

  // Continue: epochs 5 to 7 on the same curves, not a restart at epoch 1.
  await page.getByLabel('continue from the current weights').check();
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toHaveText('Finished after 3 more epochs (7 in all)', { timeout: 60_000 });
  for (const id of ['chart-loss', 'chart-auc']) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-points', '7');
    await expect(page.getByTestId(id)).toHaveAttribute('data-x-range', '1-7');
  }
  // The batch curve goes on too: 4 + 3 epochs of 4 batches (120 training samples, batches of 32).
  await expect(page.getByTestId('chart-batch')).toHaveAttribute('data-x-range', '1-28');
  // Each run's record holds its own epochs: 4, then 3 counted on from the first's.
  await expect(page.getByTestId('run-epochs')).toHaveText(['4', '3 (5–7)']);

  // A fresh start restarts the curves at epoch 1.
  await page.getByLabel('continue from the current weights').uncheck();
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toHaveText('Finished after 2 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-x-range', '1-2');

  // Early stopping may watch any quantity the run logs: AUC is picked, so val_auc is offered (and should rise).
  await page.getByLabel('Early stopping', { exact: true }).check();
  await page.getByLabel('Early stopping monitor', { exact: true }).selectOption('val_auc');
  await expect(page.getByTestId('monitor-note-earlyStopping')).toHaveText('Improvement: val_auc should rise (mode auto).');
  // Unticking AUC keeps the monitor as set, and Train says why it is off until one or the other changes.
  await page.getByLabel('Metric AUC', { exact: true }).uncheck();
  await expect(page.getByTestId('monitor-problem-earlyStopping')).toContainText('AUC is not among the compiled metrics');
  await expect(page.getByTestId('train')).toBeDisabled();
  await expect(page.getByTestId('train-problems')).toContainText('Early stopping monitors val_auc');
  await page.getByLabel('Metric AUC', { exact: true }).check();
  await expect(page.getByTestId('train')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a backend that cannot start says why and offers the fallback; a small validation set is said; try-it clears on a bad row', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const consoleText: string[] = [];
  page.on('console', (message) => consoleText.push(message.text()));
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('csv-input').setInputFiles(fixture('iris-small.csv'));
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  // Headless Chromium has no WebGPU adapter.
  await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
  const failed = page.getByTestId('backend-failed');
  await expect(failed).toContainText(
    /^WebGPU could not start: this browser (has no WebGPU adapter \(no usable GPU\)|does not offer WebGPU)\. Training on wasm instead\./,
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await dismissNotice(page);
  await page.getByTestId('backend-panel').scrollIntoViewIfNeeded();
  await page.locator('.train-settings').screenshot({ path: 'scratch/backend-fallback.png' });
  await page.locator('.train-settings').screenshot({ path: 'test-results/screens/backend-fallback.png' });
  await page.getByTestId('backend-fallback').click();
  await expect(page.getByLabel('Backend', { exact: true })).toHaveValue('wasm');
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });

  // 30 rows, 20% held out: 6 validation samples, 2 of each class.
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toHaveText('Finished after 3 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('small-validation')).toContainText('Only 6 validation samples: one sample moves the accuracy by 17%');
  await expect(page.getByTestId('small-validation')).toContainText('Fewer than 5 validation samples of 3 classes');

  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, 0.2');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('prediction').locator('li')).toHaveCount(3);
  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('try-it').getByRole('alert')).toHaveText(/^enter 4 values \(.*\), got 3$/);
  await expect(page.getByTestId('prediction')).toHaveCount(0);
  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, tall');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('try-it').getByRole('alert')).toHaveText(/is not a number$/);
  await expect(page.getByTestId('prediction')).toHaveCount(0);

  expect(consoleText.filter((t) => /reading 'features'|Initialization of backend webgpu failed/.test(t))).toEqual([]);
  expect(errors).toEqual([]);
});
