import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { node, settled } from './editor-helpers';
import { collectPageErrors } from './helpers';

// A first visit: nothing stored, not even the "seen" flag playwright.config.ts gives every other journey.
test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });

const card = (page: Page) => page.getByRole('region', { name: 'Start here' });
const restored = (page: Page) => expect(page.getByTestId('app-root')).toHaveAttribute('aria-busy', 'false');

/** True when the two boxes share any pixel. */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [await a.boundingBox(), await b.boundingBox()];
  if (!p || !q) throw new Error('a box to compare is not visible');
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

test('a first visit starts here: the Iris sample, the Keras example and training in three visible steps, never shown again', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(card(page)).toBeVisible();
  // Clear of the toolbar, the palette and the canvas controls.
  for (const covered of [page.locator('.shell__top'), page.getByRole('navigation', { name: 'Layer palette' }), page.locator('.react-flow__controls')]) {
    expect(await overlaps(card(page), covered)).toBe(false);
  }
  await page.screenshot({ path: 'scratch/start-here-first.png' });

  // 1: the data, shown in the Data view as it loads.
  await card(page).getByRole('button', { name: '1. Load the Iris sample' }).click();
  await expect(page.getByTestId('tab-data')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('start-step-data')).toContainText('Load the Iris sample (done)');
  await expect(page.getByTestId('start-detail-data')).toHaveText('Loaded Iris flowers: 4 measurements, 3 species.');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 4)');
  await page.screenshot({ path: 'scratch/start-here-data.png' });

  // 2: the Keras example on the canvas, fitted to the data; the keyboard is already on its button.
  const build = card(page).getByRole('button', { name: '2. Build the Keras example' });
  await expect(build).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab-model')).toHaveAttribute('aria-selected', 'true');
  await expect(node(page, 'input_1').getByTestId('shape')).toHaveText('(None, 4)');
  await expect(node(page, 'dense_1').getByTestId('shape')).toHaveText('(None, 64)');
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 3)');
  await expect(page.getByTestId('start-detail-model')).toHaveText('On the canvas: Input(4) → Dense(64, relu) → Dense(3, softmax).');
  expect(await overlaps(card(page), node(page, 'dense_2'))).toBe(false);
  await settled(node(page, 'dense_2'));
  await page.screenshot({ path: 'test-results/screens/start-here.png' });

  // 3: the Train view, training with Keras's defaults until the accuracy shows.
  await expect(card(page).getByRole('button', { name: '3. Train it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab-train')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 10 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('eval-accuracy')).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(page.getByTestId('start-detail-train')).toHaveText(/^Validation accuracy \d+% after 10 epochs\. More epochs train it further\.$/);
  await expect(page.getByTestId('start-step-train')).toContainText('Train it (done)');
  await page.screenshot({ path: 'scratch/start-here-trained.png' });
  await expect(card(page).getByRole('button', { name: 'Dismiss Start here' })).toBeFocused();

  await page.reload();
  await restored(page);
  await expect(node(page, 'dense_2')).toBeVisible();
  await expect(card(page)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('netloom:start-here'))).toBe('finished');
  expect(errors).toEqual([]);
});

test('dismissed with its × (from the keyboard), the card stays away even though the project is still empty', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(card(page)).toBeVisible();
  await card(page).getByRole('button', { name: 'Dismiss Start here' }).focus();
  await page.keyboard.press('Enter');
  await expect(card(page)).toHaveCount(0);
  await page.reload();
  await restored(page);
  await expect(page.getByTestId('canvas-empty')).toBeVisible();
  await expect(card(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});
