import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Serious and critical WCAG 2 A/AA violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seed(page: Page) {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
}

test('Upload CSV is reached with Tab and opened with Enter', async ({ page }) => {
  await seed(page);
  await page.getByTestId('tab-data').click();
  const upload = page.getByRole('button', { name: 'Upload CSV' });
  await page.getByTestId('sample-iris').focus();
  for (let i = 0; i < 20 && !(await upload.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(upload).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(false);
});

test('canvas edges are named by layer names and shapes', async ({ page }) => {
  await seed(page);
  const edges = page.locator('.react-flow__edge');
  await expect(edges.first()).toHaveAttribute('aria-label', / to /);
  const names = await edges.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toMatch(/^\w+ (\(.*\) )?to \w+/);
  expect(names.join(' ')).not.toContain('node_');
});

test('Model, Data, Train and Export views have no serious or critical axe violations', async ({ page }) => {
  await seed(page);
  expect(await seriousViolations(page), 'Model tab').toEqual([]);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  expect(await seriousViolations(page), 'Data tab').toEqual([]);
  await page.getByTestId('tab-train').click();
  expect(await seriousViolations(page), 'Train tab').toEqual([]);
  await page.getByTestId('toolbar-export').click();
  expect(await seriousViolations(page), 'Export menu').toEqual([]);
});
