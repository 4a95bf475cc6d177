import { expect, test } from '@playwright/test';
import { chooseField, node, selectNode } from './editor-helpers';
import { collectPageErrors } from './helpers';

// Issue 16's journey: the digits CNN trains with the views on; a conv layer shows its filters and
// the feature maps of a chosen sample; a second run with dense_1's kernel starting at zeros kills
// every ReLU in it, and the gradient flags say so on the nodes; the run list compares the two,
// reads the change, and restores the first.
test('looks inside the digits CNN while it learns, flags a dead layer, compares two runs and restores the first', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-cnn').click();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-digits').click();
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 20_000 });

  const train = async (runs: number) => {
    await page.getByTestId('tab-train').click();
    await expect(page.getByTestId('insight-settings').getByRole('checkbox')).toBeChecked();
    const epochs = page.getByLabel('Epochs', { exact: true });
    await epochs.fill('2');
    await epochs.press('Enter');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('progress-text')).toContainText('Finished after 2 epochs', { timeout: 90_000 });
    await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(runs);
  };
  await train(1);
  await expect(page.getByTestId('backend-name')).toHaveText(/wasm|webgl|cpu/);

  // The canvas: every trained layer has its spark, and no gradient is flagged on a healthy run.
  await page.getByTestId('tab-model').click();
  for (const name of ['conv2d_1', 'conv2d_2', 'dense_1', 'dense_2']) await expect(page.getByTestId(`insight-spark-${name}`)).toBeVisible();
  await expect(page.locator('[data-testid^="grad-flag-"]')).toHaveCount(0);

  // A conv layer's filters (16 of 3x3) and the feature maps of sample 0, then of sample 3.
  await selectNode(page, 'conv2d_1');
  const section = page.getByTestId('insight-section');
  await expect(section.getByTestId('insight-histogram')).toBeVisible();
  const conv = section.getByTestId('insight-conv');
  await expect(conv.getByTestId('insight-filters')).toHaveAttribute('data-count', '16');
  await expect(conv.getByTestId('insight-feature-maps')).toHaveAttribute('data-count', '16');
  const label = await section.getByTestId('insight-sample-label').textContent();
  await section.getByTestId('insight-sample-index').fill('3');
  await section.getByTestId('insight-sample-index').press('Enter');
  await expect(section.getByTestId('insight-sample-label')).not.toHaveText(label ?? '');
  await expect(conv.getByTestId('insight-feature-maps')).toHaveAttribute('data-count', '16');
  await page.screenshot({ path: 'scratch/inside-conv.png' });

  // Run 2: dense_1's kernel starts at zeros, so its ReLUs never open and no gradient flows back.
  await selectNode(page, 'dense_1');
  await chooseField(page, 'kernel_initializer', 'zeros');
  await train(2);
  await page.getByTestId('tab-model').click();
  for (const name of ['conv2d_1', 'conv2d_2', 'dense_1']) await expect(page.getByTestId(`grad-flag-${name}`)).toHaveAttribute('title', /vanishing/i);
  await selectNode(page, 'dense_1');
  await expect(page.getByTestId('insight-grad-flag')).toContainText(/vanishing/i);
  await expect(page.getByTestId('insight-dead')).toHaveText('100%');
  await page.screenshot({ path: 'scratch/inside-flags.png' });

  // Compare the two runs: overlaid curves, final metrics, and what changed.
  await page.getByTestId('tab-train').click();
  await page.getByTestId('run-row-1').getByTestId('run-select').check();
  await page.getByTestId('run-row-2').getByTestId('run-select').check();
  const compare = page.getByTestId('run-compare');
  await expect(compare.getByTestId('run-chart')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('run-diff').locator('li')).toHaveText(['dense_1: kernel_initializer glorot_uniform -> zeros']);
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'scratch/inside-compare.png' });

  // Restore run 1: its graph (glorot_uniform again) and weights, so the flags go with its views.
  await page.getByTestId('run-row-1').getByTestId('run-restore').click();
  await expect(page.getByTestId('notice')).toContainText("Restored Run 1's graph with its trained weights");
  await page.getByTestId('tab-model').click();
  await selectNode(page, 'dense_1');
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('kernel_initializer', { exact: true })).toHaveValue('glorot_uniform');
  await expect(node(page, 'dense_1')).toBeVisible();
  expect(errors).toEqual([]);
});
