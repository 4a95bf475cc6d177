import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { node, seedOnIris, selectNode, setField } from './editor-helpers';

// Fault journeys: what a user made survives a reload mid-edit, a second tab, a training worker
// that dies mid-run, and a damaged autosave record.

/** Writes `value` under `key` in the app's IndexedDB store (idb-keyval's defaults). */
function putStored(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(v, k);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

/** The keys in the app's IndexedDB store. */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('keyval').objectStore('keyval').getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('an edit typed just before a reload is kept: the name without Enter, a parameter', async ({ page }) => {
  await seedOnIris(page);
  await page.getByTestId('tab-model').click();
  await selectNode(page, 'dense_1');
  await setField(page, 'units', '123');
  const name = page.getByTestId('project-name');
  await name.click();
  await name.fill('renamed just now');
  // No Enter, no pause: the reload comes while the field still has focus.
  await page.reload();
  await expect(page.getByTestId('project-name')).toHaveValue('renamed just now');
  await expect(node(page, 'dense_1').getByTestId('params')).toContainText(`${(4 * 123 + 123).toLocaleString('en-US')} params`);
});

test('two tabs: the stale tab does not overwrite the other tab’s save, and says so', async ({ context }) => {
  const first = await context.newPage();
  await seedOnIris(first);
  await first.getByTestId('tab-model').click();
  const second = await context.newPage();
  await second.goto('./');
  await expect(second.getByTestId('project-name')).toHaveValue(await first.getByTestId('project-name').inputValue());

  await second.getByTestId('project-name').fill('from the second tab');
  await second.getByTestId('project-name').press('Enter');
  // The first tab hears of the newer save at once and stops saving until the user chooses.
  await expect(first.getByTestId('notice')).toContainText('This project changed in another tab');
  await first.getByTestId('project-name').fill('stale edit');
  await first.getByTestId('project-name').press('Enter');
  await first.waitForTimeout(1000);

  const third = await context.newPage();
  await third.goto('./');
  await expect(third.getByTestId('project-name')).toHaveValue('from the second tab');
  // "Load the other tab's" brings the newer save into the stale tab.
  await first.getByTestId('notice-action').filter({ hasText: "Load the other tab's" }).click();
  await expect(first.getByTestId('project-name')).toHaveValue('from the second tab');
});

test('a training worker that dies mid-run: the run fails with a message, the model, data and last weights stay, Train works again', async ({ page }) => {
  test.setTimeout(120_000);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('15');
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 15 epochs', { timeout: 60_000 });
  await page.getByTestId('try-row').fill('5.1, 3.5, 1.4, 0.2');
  await page.getByTestId('try-predict').click();
  const before = await page.getByTestId('prediction').locator('li').first().textContent();

  await page.getByLabel('Epochs', { exact: true }).fill('500');
  await page.getByLabel('Batch size', { exact: true }).fill('1');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Epoch', { timeout: 20_000 });
  const trainer = page.workers().find((w) => w.url().includes('train.worker'));
  expect(trainer).toBeDefined();
  // The worker ends itself, as one killed for memory would: no error event reaches the page.
  await trainer?.evaluate(() => setTimeout(() => self.close(), 0));
  await expect(page.getByTestId('run-message')).toContainText('The training worker stopped (it ended unexpectedly), so the run ended', { timeout: 10_000 });
  await expect(page.getByTestId('train')).toBeEnabled();

  // The last finished run's weights answer as before, from a new worker.
  await page.getByTestId('try-predict').click();
  await expect(page.getByTestId('prediction').locator('li').first()).toHaveText(before ?? '');
  await page.getByTestId('tab-model').click();
  await expect(node(page, 'dense_1')).toBeVisible();
  await page.getByTestId('tab-train').click();
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByLabel('Batch size', { exact: true }).fill('32');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 60_000 });
});

test('a damaged autosave record on start: the app opens, says what happened and keeps the record aside', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('project-name')).toBeVisible();
  await putStored(page, 'netloom:project', { revision: 3, tab: 't', savedAt: 1, text: '{"format":"netloom-project","version":3,"graph":{"nodes":[{"id":1}]}' });
  await page.reload();
  await expect(page.getByTestId('notice')).toContainText('Your last session could not be restored');
  await expect(page.getByTestId('notice')).toContainText('netloom:project:broken:');
  expect((await storedKeys(page)).filter((k) => k.startsWith('netloom:project:broken:'))).toHaveLength(1);
  // The app works: a template opens and is saved over the damaged record, the copy stays.
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await expect(node(page, 'dense_1')).toBeVisible();
  await page.reload();
  await expect(node(page, 'dense_1')).toBeVisible();
  expect((await storedKeys(page)).filter((k) => k.startsWith('netloom:project:broken:'))).toHaveLength(1);
});
