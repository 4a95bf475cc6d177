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
