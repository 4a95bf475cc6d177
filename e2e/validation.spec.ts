import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { seedOnIris } from './editor-helpers';
import { collectPageErrors } from './helpers';

const TWO_SPLITS_V4 = fileURLToPath(new URL('../src/project/fixtures/two-splits-v4.netloom.json', import.meta.url));
const IRIS = fileURLToPath(new URL('../public/samples/iris.csv', import.meta.url));

/** Types a value into a settings field and commits it with Enter, as a user does. */
async function setNumber(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/**
 * Issue 18.2's journey: one validation setting. Set 40% in the Data tab, see it in the Train tab
 * (and the other way round), train, and the evaluation scores the 60 of Iris's 150 rows it held out.
 */
test('one validation split: 40% set in the Data tab shows in the Train tab, and the evaluation scores 60 of 150 rows', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await seedOnIris(page);
  const split = page.getByTestId('data-split');
  await expect(split.getByLabel('Validation split', { exact: true })).toHaveValue('0.2');
  await setNumber(page, 'Validation split', '0.4');
  await page.screenshot({ path: 'test-results/screens/validation-data-tab.png' });

  await page.getByTestId('tab-train').click();
  await expect(page.getByLabel('Validation split', { exact: true })).toHaveValue('0.4');
  await page.screenshot({ path: 'test-results/screens/validation-train-tab.png' });
  await setNumber(page, 'Epochs', '3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('eval-count')).toHaveText('60');
  // The heading says what the report scored: the 40% held out, not the 20% default.
  await expect(page.getByTestId('evaluation')).toContainText('Evaluation on the validation data (60 samples)');

  // Edited in the Train tab, the Data tab shows it: there is one setting.
  await setNumber(page, 'Validation split', '0.1');
  await page.getByTestId('tab-data').click();
  await expect(split.getByLabel('Validation split', { exact: true })).toHaveValue('0.1');
  await page.getByTestId('tab-train').click();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('eval-count')).toHaveText('15');
  expect(errors).toEqual([]);
});

test('a version 4 project with Data 40% and Train 0.1 opens at 40%, and trains on it once its CSV is uploaded', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('open-file-input').setInputFiles(TWO_SPLITS_V4);
  await page.getByTestId('tab-train').click();
  await expect(page.getByLabel('Validation split', { exact: true })).toHaveValue('0.4');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('csv-input').setInputFiles(IRIS);
  await expect(page.getByTestId('data-split').getByLabel('Validation split', { exact: true })).toHaveValue('0.4');
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
  await page.getByTestId('tab-train').click();
  await setNumber(page, 'Epochs', '2');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 2 epochs', { timeout: 60_000 });
  await expect(page.getByTestId('eval-count')).toHaveText('60');
  expect(errors).toEqual([]);
});
