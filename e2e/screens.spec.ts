import { expect, test } from '@playwright/test';
import { connect, dragLayer, node, seedOnIris, selectNode, setField } from './editor-helpers';

// The main screens as a person sees them, in light and dark; kept in test-results/screens for
// review, and the best copied to docs/screenshots for the README.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`main screens render in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('./');
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/empty-${colorScheme}.png` });

    await page.getByTestId('toolbar-new').click();
    await page.getByTestId('template-cnn').click();
    await expect(node(page, 'dense_2')).toBeVisible();
    await selectNode(page, 'conv2d_1');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/screens/cnn-${colorScheme}.png` });
  });
}

test('a diagnostic with its fix, on the node and in the inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await dragLayer(page, 'Input', { x: 420, y: 40 });
  await setField(page, 'shape', '28, 28, 1');
  await dragLayer(page, 'Conv2D', { x: 420, y: 170 });
  await dragLayer(page, 'Dense', { x: 420, y: 300 });
  await connect(page, 'input_1', 'conv2d_1');
  await connect(page, 'conv2d_1', 'dense_1');
  await selectNode(page, 'dense_1');
  await expect(node(page, 'dense_1').getByTestId('diagnostic')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/diagnostic-light.png' });
});

test('the training view after a run', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await page.getByLabel('Epochs', { exact: true }).fill('60');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screens/training.png', fullPage: true });
});
