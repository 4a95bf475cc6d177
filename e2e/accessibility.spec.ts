import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { dragConnection, seedOnIris } from './editor-helpers';

/**
 * Serious and critical WCAG 2 A/AA violations on the page as it is now, one line each, in the
 * light and the dark colour scheme (the app follows the system's, and axe sees only one at a time).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const lines: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') lines.push(`${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return lines;
}

/**
 * Where the page's heading outline skips a level (an h3 straight under the h1, say), one line
 * each: a screen reader's list of headings should read as a tree.
 */
async function headingSkips(page: Page): Promise<string[]> {
  const headings = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((els) => els.map((el) => ({ level: Number(el.tagName.slice(1)), text: (el.textContent ?? '').trim().slice(0, 40) })));
  return headings.flatMap((h, i) => {
    const before = i === 0 ? { level: 0, text: '(top)' } : headings[i - 1]!;
    return h.level > before.level + 1 ? [`h${before.level} ${before.text} → h${h.level} ${h.text}`] : [];
  });
}

/** A screenshot of `target` (the whole page when none) in the dark colour scheme, saved as test-results/screens/`name`.png. */
async function darkScreenshot(page: Page, name: string, target?: Locator): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  const path = `test-results/screens/${name}.png`;
  await (target ? target.screenshot({ path }) : page.screenshot({ path }));
  await page.emulateMedia({ colorScheme: null });
}

/** Presses `key` until `target` has the focus (at most `presses` times), and expects it to. */
async function tabTo(page: Page, target: Locator, presses = 20, key: 'Tab' | 'Shift+Tab' | 'ArrowDown' = 'Tab'): Promise<void> {
  for (let i = 0; i < presses && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
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
  await tabTo(page, upload);
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

test('Model, Data, Train and Export views have no serious or critical axe violations, and headings that skip no level', async ({ page }) => {
  test.setTimeout(90_000);
  await seed(page);
  expect(await seriousViolations(page), 'Model tab').toEqual([]);
  expect(await headingSkips(page), 'Model tab').toEqual([]);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  expect(await seriousViolations(page), 'Data tab').toEqual([]);
  expect(await headingSkips(page), 'Data tab').toEqual([]);
  await page.getByTestId('tab-train').click();
  expect(await seriousViolations(page), 'Train tab').toEqual([]);
  expect(await headingSkips(page), 'Train tab').toEqual([]);
  await page.getByTestId('toolbar-export').click();
  expect(await seriousViolations(page), 'Export menu').toEqual([]);
});

test('the Train view after runs (charts, report, confusion matrix, try-it, run history and compare) has no serious or critical axe violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  for (const runs of [1, 2]) {
    await page.getByTestId('train').click();
    await expect(page.getByTestId('progress-text')).toContainText('Finished after 2 epochs', { timeout: 60_000 });
    await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(runs);
  }
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, 0.2');
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('prediction').locator('li').first()).toBeVisible();
  await page.getByTestId('run-row-1').getByTestId('run-select').check();
  await page.getByTestId('run-row-2').getByTestId('run-select').check();
  await expect(page.getByTestId('run-compare').getByTestId('run-chart')).toBeVisible();
  // Each chart is a Tab stop (Recharts' keyboard layer): named by its title, not by its tick labels.
  await expect(page.getByTestId('chart-loss').getByRole('application', { name: 'Loss per epoch' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore Run 1' })).toBeVisible();
  expect(await seriousViolations(page), 'Train tab after two runs').toEqual([]);
  expect(await headingSkips(page), 'Train tab after two runs').toEqual([]);
  // The dark scheme's primary buttons have dark text on the light accent now.
  await page.getByTestId('train').scrollIntoViewIfNeeded();
  await darkScreenshot(page, 'a11y-train-dark');
});

test('the Data view with the digits images and with the speech sounds has no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-digits').click();
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 20_000 });
  expect(await seriousViolations(page), 'Data tab, digits images').toEqual([]);
  expect(await headingSkips(page), 'Data tab, digits images').toEqual([]);
  await page.getByTestId('sample-speech-commands').click();
  await expect(page.getByTestId('audio-grid')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /^Spectrogram of / }).first()).toBeVisible();
  expect(await seriousViolations(page), 'Data tab, speech sounds').toEqual([]);
  expect(await headingSkips(page), 'Data tab, speech sounds').toEqual([]);
});

test('the shared-link dialog takes the focus, keeps Tab inside, closes with Escape and gives the focus back', async ({ page }) => {
  test.setTimeout(60_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await seedOnIris(page);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-copy-link').click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const hash = new URL(await page.evaluate(() => navigator.clipboard.readText())).hash;

  // The link pasted into this tab's address bar, with the keyboard on the Data tab.
  const opener = page.getByTestId('tab-data');
  await opener.focus();
  await page.evaluate((h) => (location.hash = h), hash);
  const dialog = page.getByRole('dialog', { name: 'Open the shared model?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('share-dialog-keep')).toBeFocused();
  expect(await seriousViolations(page), 'shared-link dialog').toEqual([]);
  await darkScreenshot(page, 'a11y-share-dialog-dark');
  // Tab goes round the dialog's three buttons and never to the page behind it; past the last one
  // the native modal dialog lets the focus out to the browser's own controls (the body, here).
  const reached = new Set<string>();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) return 'browser';
      return active.closest('dialog') ? ((active as HTMLElement).dataset.testid ?? 'unnamed') : `behind: ${active.outerHTML.slice(0, 80)}`;
    });
    expect(at, `Tab ${i + 1}`).not.toMatch(/^behind/);
    reached.add(at);
  }
  expect([...reached].sort()).toEqual(['browser', 'share-dialog-keep', 'share-dialog-open', 'share-dialog-save']);
  await expect(dialog.getByTestId('share-dialog-keep')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Asked again; Open with Enter on its button also closes it and hands the focus back.
  await page.evaluate((h) => (location.hash = h), hash);
  await expect(dialog.getByTestId('share-dialog-keep')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('share-dialog-open')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('Opened the shared link');
  await expect(opener).toBeFocused();
});

test('the New menu and a layer card menu open from the keyboard, pass axe, and close with Escape back to their button', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./');
  // New is reached with Tab from the top of the page.
  const newButton = page.getByTestId('toolbar-new');
  await tabTo(page, newButton);
  await page.keyboard.press('Enter');
  const newMenu = page.getByRole('menu', { name: 'New' });
  await expect(newMenu.getByRole('menuitem').first()).toBeFocused();
  expect(await seriousViolations(page), 'New menu').toEqual([]);
  await page.keyboard.press('ArrowDown');
  await expect(newMenu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(newMenu).toBeHidden();
  await expect(newButton).toBeFocused();
  // The seed template picked with the arrows and Enter.
  await page.keyboard.press('Enter');
  await tabTo(page, newMenu.getByTestId('template-seed'), 20, 'ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-dense_1')).toBeVisible();

  // A layer card's surgery menu: Tab from the card (a focusable group) into its menu button.
  const surgery = page.getByTestId('node-dense_1').getByRole('button', { name: 'Model surgery for dense_1' });
  await page.getByRole('group', { name: /^Dense layer dense_1 / }).focus();
  await tabTo(page, surgery, 10);
  await page.keyboard.press('Enter');
  const cardMenu = page.getByRole('menu', { name: 'Model surgery for dense_1' });
  await expect(cardMenu.getByRole('menuitem').first()).toBeFocused();
  expect(await seriousViolations(page), 'layer card menu').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(cardMenu).toBeHidden();
  await expect(surgery).toBeFocused();
});

test('the hint shown while dragging a refused connection passes axe in both colour schemes', async ({ page }) => {
  await seed(page);
  await dragConnection(page, 'dense_2', 'dense_1');
  const hint = page.getByTestId('connection-hint');
  await expect(hint).toContainText('dense_1 takes one input');
  expect(await seriousViolations(page), 'connection hint').toEqual([]);
  await darkScreenshot(page, 'a11y-connection-hint-dark', hint);
  await page.mouse.up();
});

test.describe('on a first visit', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the Start here card passes axe and is dismissed with the keyboard', async ({ page }) => {
    await page.goto('./');
    const card = page.getByRole('region', { name: 'Start here' });
    await expect(card).toBeVisible();
    expect(await seriousViolations(page), 'Start here card').toEqual([]);
    await darkScreenshot(page, 'a11y-start-here-dark', card);
    const dismiss = card.getByRole('button', { name: 'Dismiss Start here' });
    // The card comes last on the page: Shift+Tab from the top of a fresh page reaches it first.
    await tabTo(page, dismiss, 10, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(card).toBeHidden();
  });
});
