import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seedOnIris } from './editor-helpers';
import { collectPageErrors } from './helpers';

/** Export > Copy link. */
async function copyLink(page: Page): Promise<void> {
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-copy-link').click();
}

/** The layer names the summary lists, in order. */
const layerNames = (page: Page): Promise<string[]> =>
  page.locator('[data-testid^="summary-row-"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.testid?.slice('summary-row-'.length) ?? ''));

test('Copy link carries the model to another browser, which asks before replacing its project', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await page.getByLabel('Epochs', { exact: true }).fill('7');
  await page.getByTestId('tab-model').click();
  const shared = await layerNames(page);
  expect(shared).toEqual(['input_1', 'dense_1', 'dense_2']);
  await copyLink(page);
  await expect(page.getByTestId('notice')).toContainText(
    /^Link copied: [\d,]+ characters, with the graph and settings of 3 layers \(no data, weights or run history\)/,
  );
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#project=[A-Za-z0-9_-]+$/);
  const length = Number(/([\d,]+) characters/.exec((await page.getByTestId('notice').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
  expect(length).toBe(link.length);

  // Another browser profile, with a project of its own (autosaved, so it is there on the next visit).
  const other = await browser.newContext();
  const first = await other.newPage();
  await first.goto('./');
  await first.getByTestId('toolbar-new').click();
  await first.getByTestId('template-cnn').click();
  const mine = await layerNames(first);
  expect(mine).not.toEqual(shared);
  await first.reload();
  await expect.poll(() => layerNames(first)).toEqual(mine);
  await first.close();

  // Opening the link asks; keeping leaves everything as it was, and the link is out of the address.
  const opened = await other.newPage();
  const errors = collectPageErrors(opened);
  await opened.goto(link);
  const dialog = opened.getByRole('dialog', { name: 'Open the shared model?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('share-dialog-keep')).toBeFocused();
  await expect(dialog).toContainText('The link holds “Dense classifier (Keras seed)” (3 layers), on the Iris flowers sample, with its training settings.');
  await expect(dialog).toContainText('It replaces “CNN for 28x28 images” (9 layers) in this tab.');
  expect(new URL(opened.url()).hash).toBe('');
  await opened.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opened.getByTestId('notice')).toContainText('Kept your project; the shared model was not opened.');
  expect(await layerNames(opened)).toEqual(mine);
  await opened.reload();
  await expect.poll(() => layerNames(opened)).toEqual(mine);
  await expect(dialog).toBeHidden();

  // The link pasted into the address bar of the open tab (only the hash changes): asked again, opened this time.
  await opened.goto(link);
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('share-dialog-open').click();
  await expect(dialog).toBeHidden();
  await expect(opened.getByTestId('notice')).toContainText(
    'Opened the shared link: “Dense classifier (Keras seed)” (3 layers). Undo brings back the previous graph.',
  );
  expect(await layerNames(opened)).toEqual(shared);
  expect(new URL(opened.url()).hash).toBe('');
  await opened.getByTestId('tab-data').click();
  await expect(opened.getByTestId('wiring-ok')).toBeVisible();
  await opened.getByTestId('tab-train').click();
  await expect(opened.getByLabel('Epochs', { exact: true })).toHaveValue('7');
  await opened.getByTestId('tab-model').click();

  // Undo and redo step across the replaced graph; autosave keeps the shared project.
  await opened.getByTestId('toolbar-undo').click();
  await expect.poll(() => layerNames(opened)).toEqual(mine);
  await opened.getByTestId('toolbar-redo').click();
  await expect.poll(() => layerNames(opened)).toEqual(shared);
  await opened.reload();
  await expect.poll(() => layerNames(opened)).toEqual(shared);
  await expect(dialog).toBeHidden();

  // A link cut short or tampered with says so and changes nothing.
  for (const [bad, message] of [
    [link.slice(0, -30), /^Shared link: it is (damaged or )?cut short.*\. Nothing was changed\./],
    [`${link.split('#')[0]}#project=not*base64`, 'Shared link: it is damaged: the project in it is not base64url text. Nothing was changed.'],
  ] as const) {
    await opened.goto(bad);
    await expect(opened.getByTestId('notice')).toContainText(message);
    await expect(dialog).toBeHidden();
    expect(await layerNames(opened)).toEqual(shared);
    expect(new URL(opened.url()).hash).toBe('');
  }
  expect(errors).toEqual([]);
  await other.close();
});

test('a link opened on an empty project loads at once, without asking', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-resnet').click();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await copyLink(page);
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const names = await layerNames(page);

  const fresh = await page.context().browser()?.newContext();
  if (!fresh) throw new Error('no browser');
  const opened = await fresh.newPage();
  await opened.goto(link);
  await expect(opened.getByTestId('notice')).toContainText('Opened the shared link: “Residual block”');
  await expect(opened.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => layerNames(opened)).toEqual(names);
  await fresh.close();
});
