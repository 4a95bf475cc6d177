import { expect, test } from '@playwright/test';
import { collectPageErrors } from './helpers';

test('the app loads cleanly and is cross-origin isolated', async ({ page }) => {
  const errors = collectPageErrors(page);

  const response = await page.goto('./');
  expect(response, 'navigation response').not.toBeNull();
  expect(response?.status()).toBe(200);

  const headers = response?.headers() ?? {};
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');

  await expect(page).toHaveTitle('Netloom');
  await expect(page.getByTestId('app-root')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Netloom' })).toBeVisible();
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);

  await page.waitForLoadState('load');
  expect(errors).toEqual([]);
});

test('shows live shapes and parameter counts for each template', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('summary-row-dense_1')).toContainText('(None, 64)');
  await expect(page.getByTestId('summary-row-dense_2')).toContainText('(None, 3)');
  await expect(page.getByTestId('summary-totals')).toContainText('Total params: 515');

  await page.getByLabel('Start from').selectOption({ label: 'CNN for 28x28 images' });
  await expect(page.getByTestId('summary-row-conv2d_1')).toContainText('(None, 26, 26, 16)');
  await expect(page.getByTestId('summary-row-flatten_1')).toContainText('(None, 800)');

  await page.getByLabel('Start from').selectOption({ label: 'Residual block' });
  await expect(page.getByTestId('summary-row-add_1')).toContainText('conv2d_1[0][0], conv2d_3[0][0]');
  await page.screenshot({ path: 'test-results/summary-page.png', fullPage: true });
});
