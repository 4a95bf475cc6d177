import { expect, test } from '@playwright/test';
import { selectNode } from './editor-helpers';
import { collectPageErrors } from './helpers';

// The Playground's view of a toy problem, on the Keras seed fitted to the circles sample: the
// output's decision over the plane in the Train tab while it learns, and each hidden unit's map
// with its layer selected.
test('draws the decision boundary of the output and of each hidden unit on a 2-D toy sample', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-circles').click();
  await page.getByTestId('fit-model').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  await page.getByTestId('tab-train').click();
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('40');
  await epochs.press('Enter');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.03');
  await page.getByTestId('train').click();
  const panel = page.getByTestId('train-boundary');
  await expect(panel.getByTestId('insight-boundary')).toHaveAttribute('data-output', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 40 epochs', { timeout: 90_000 });
  await expect(page.getByTestId('eval-accuracy')).toHaveText(/^(9\d|100)(\.\d)?%$/);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'scratch/inside-toy-train.png' });

  await page.getByTestId('tab-model').click();
  await selectNode(page, 'dense_1');
  const maps = page.getByTestId('insight-section').getByTestId('insight-boundary');
  await expect(maps).toHaveAttribute('data-output', 'false');
  await expect(maps.getByTestId('insight-boundary-unit')).toHaveCount(64);
  await expect(maps).toContainText('What each of its 64 units computes over the plane');
  await maps.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'scratch/inside-toy-units.png' });
  expect(errors).toEqual([]);
});
