import { expect, test } from '@playwright/test';
import { selectNode } from './editor-helpers';
import { collectPageErrors } from './helpers';

// Keras's transfer-learning recipe from the Train view: freeze the base in the inspector, turn on
// the fine-tune preset, and one Train runs phase 1 (head only) then phase 2 (conv2d_2 unfrozen at
// 1e-5), the epochs counting on and the charts marking where phase 2 begins.
test('fine-tunes the digits CNN in two phases, the epochs counting on across them', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-cnn').click();
  for (const name of ['conv2d_1', 'conv2d_2']) {
    await selectNode(page, name);
    await page.getByTestId('inspector-trainable').uncheck();
  }
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-digits').click();
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('tab-train').click();
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('2');
  await epochs.press('Enter');
  const panel = page.getByTestId('fine-tune');
  await panel.getByLabel('Fine-tune in two phases').check();
  const unfreeze = panel.getByLabel('Layers to unfreeze');
  await unfreeze.fill('1');
  await unfreeze.press('Enter');
  const more = panel.getByLabel('Phase 2 epochs');
  await more.fill('1');
  await more.press('Enter');
  await expect(page.getByTestId('fine-tune-plan')).toHaveText(
    'Phase 1: 2 epochs with the frozen layers as marked. Phase 2: 1 more with conv2d_2 unfrozen (BatchNormalization stays frozen).',
  );
  await page.screenshot({ path: 'scratch/fine-tune-settings.png' });

  await page.getByTestId('train').click();
  await expect(page.getByTestId('phase')).toContainText('Phase 2 from epoch 3: fine-tuning conv2d_2', { timeout: 60_000 });
  await expect(page.getByTestId('progress-text')).toContainText('Epoch 3 of 3');
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 60_000 });
  // Three epochs on one chart, phase 2's marked at 2.5 (between epochs 2 and 3).
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '3');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-phase2', '2.5');
  await expect(page.getByTestId('chart-accuracy')).toHaveAttribute('data-phase2', '2.5');
  await expect(page.getByTestId('chart-loss').getByText('phase 2')).toBeVisible();
  await page.getByTestId('chart-loss').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'scratch/fine-tune-charts.png' });
  expect(errors).toEqual([]);
});
