import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { node } from './editor-helpers';
import { collectPageErrors } from './helpers';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

test('a built-in sample wires the seed model; a wider dataset offers the fix', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 4)');
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
  await expect(page.getByTestId('column-species')).toContainText('setosa');

  await page.getByTestId('sample-wine').click();
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 13)');
  await expect(page.getByTestId('wiring-bar')).toContainText('input_1 expects (None, 4)');
  await page.getByTestId('fit-model').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
  await page.getByTestId('tab-model').click();
  await expect(node(page, 'input_1').getByTestId('shape')).toHaveText('(None, 13)');
  expect(errors).toEqual([]);
});

test('uploads a CSV, shows its schema and preview, and the shapes follow the chosen columns', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('csv-input').setInputFiles(fixture('iris-small.csv'));
  await expect(page.getByTestId('data-source-name')).toHaveText('iris-small.csv');
  await expect(page.getByTestId('table-facts')).toContainText('30 rows · 5 columns');
  await expect(page.getByTestId('column-sepal_length').getByTestId('column-type')).toContainText('numeric');
  await expect(page.getByTestId('preview-table')).toContainText('versicolor');
  await expect(page.getByTestId('data-y-shape')).toHaveText('(None, 3)');
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  await page.getByLabel('sepal_length role').selectOption('ignore');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 3)');
  await expect(page.getByTestId('wiring-bar')).toContainText('input_1 expects (None, 4)');
});

test('a bad CSV gets a clear message and the data already loaded stays', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  await page.getByTestId('csv-input').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(page.getByTestId('data-error')).toHaveText('empty.csv: the file is empty');
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
});

test('uploads an image folder, previews each class, lists skipped files, and the CNN follows', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-cnn').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('folder-input').setInputFiles(fixture('digit-folders'));
  await expect(page.getByTestId('image-grid')).toBeVisible();
  for (const digit of ['0', '1', '2']) await expect(page.getByTestId(`class-count-${digit}`)).toHaveText('5 images');
  await expect(page.getByTestId('skipped-files')).toContainText('broken.png');
  await expect(page.getByTestId('skipped-files')).toContainText('notes.txt');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 28, 28, 1)');
  await expect(page.getByTestId('wiring-bar')).toContainText('the output must be (None, 3)');
  await page.getByTestId('fit-model').click();
  await page.getByTestId('tab-model').click();
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 3)');
  await page.getByTestId('tab-data').click();
  await page.screenshot({ path: 'test-results/screens/data-images.png' });
});

test('a reopened project fetches its sample again under the saved column plan', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await page.getByLabel('sepal_length role').selectOption('ignore');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 3)');
  await page.waitForTimeout(800);
  await page.reload();
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 3)');
});

test('images can become 32x32 RGB samples', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByLabel('Image size').selectOption('32');
  await page.getByLabel('Image colour').selectOption('3');
  await page.getByTestId('folder-input').setInputFiles(fixture('digit-folders'));
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 32, 32, 3)');
});

test('a separate validation file must match the training columns', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('csv-input').setInputFiles(fixture('iris-small.csv'));
  await expect(page.getByTestId('table-facts')).toContainText('30 rows');
  await page.getByTestId('validation-input').setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n') });
  await expect(page.getByTestId('data-error')).toContainText("other.csv: its columns (a, b) differ from the training file's");
  await page.getByTestId('validation-input').setInputFiles(fixture('iris-small.csv'));
  await expect(page.getByTestId('validation-file')).toHaveText('iris-small.csv (30 rows)');
  await expect(page.getByLabel('Validation data')).toHaveValue('file');
});
