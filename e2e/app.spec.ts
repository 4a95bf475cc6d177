import { expect, test } from '@playwright/test';
import { collectPageErrors } from './helpers';

test('the app loads cleanly, cross-origin isolated, with an empty canvas that says what to do', async ({ page }) => {
  const errors = collectPageErrors(page);
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  await expect(page).toHaveTitle('Netloom');
  await expect(page.getByTestId('canvas-empty')).toContainText('Drag a layer here');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await page.waitForLoadState('load');
  expect(errors).toEqual([]);
});
