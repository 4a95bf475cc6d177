import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { collectPageErrors } from './helpers';

// Hostile and degenerate inputs, generated here rather than committed (some are megabytes).
const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const digit = (d: number, i: number) => readFileSync(fixture(`digit-folders/${d}/${i}.png`));

/** A CSV of `columns` numeric columns and a class label, `rows` rows. */
function wideCsv(columns: number, rows: number): string {
  const names = [...Array.from({ length: columns - 1 }, (_, j) => `f${j + 1}`), 'label'];
  const lines = Array.from({ length: rows }, (_, i) => [...Array.from({ length: columns - 1 }, (_, j) => String((i * 7 + j) % 13)), `c${i % 3}`].join(','));
  return `${[names.join(','), ...lines].join('\n')}\n`;
}

/** The Data view with the Iris sample loaded: the data that a bad file must leave in place. */
async function withIris(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 4)');
}

async function expectIrisStays(page: Page): Promise<void> {
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  await expect(page.getByTestId('table-facts')).toContainText('150 rows · 5 columns');
}

test('a 30 MB file on one line is refused at once, naming the line and the limit; Iris stays', async ({ page }) => {
  const errors = collectPageErrors(page);
  await withIris(page);
  // Made in the page: handing Playwright 30 MB to upload takes longer than the test.
  await page.getByTestId('csv-input').evaluate((input: HTMLInputElement) => {
    const files = new DataTransfer();
    files.items.add(new File(['a,'.repeat(15 * 1024 * 1024)], 'one-line.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByTestId('data-error')).toHaveText(
    'one-line.csv: line 1 is longer than 1,000,000 characters, the limit for one line; a CSV has one row per line, so check that this is a CSV file with a line break after each row',
    { timeout: 15_000 },
  );
  await expectIrisStays(page);
  expect(errors).toEqual([]);
});

test('a 10,000-column file is refused; a 2,000-column one shows with only the rows and columns in view', async ({ page }) => {
  await withIris(page);
  await page.getByTestId('csv-input').setInputFiles(csv('wide.csv', wideCsv(10_000, 20)));
  await expect(page.getByTestId('data-error')).toHaveText(
    'wide.csv: the file has 10,000 columns (line 1), over the limit of 2,000; remove the columns you do not need (in a spreadsheet, or with pandas) and try again',
  );
  await expectIrisStays(page);

  await page.getByTestId('csv-input').setInputFiles(csv('allowed.csv', wideCsv(2000, 40)));
  await expect(page.getByTestId('table-facts')).toContainText('40 rows · 2000 columns');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 1999)');
  const planRows = page.getByRole('table', { name: 'Columns' }).locator('tbody tr:not(.data-spacer)');
  expect(await planRows.count()).toBeLessThan(80);
  expect(await page.getByTestId('preview-table').locator('thead th:not(.data-spacer)').count()).toBeLessThan(60);

  // The last column is there once scrolled to, and its plan can be changed.
  await page.getByTestId('column-plan-scroll').evaluate((box) => (box.scrollTop = box.scrollHeight));
  await expect(page.getByTestId('column-label')).toBeVisible();
  await page.getByTestId('column-plan-scroll').evaluate((box) => (box.scrollTop = 0));
  await page.getByLabel('f1 role', { exact: true }).selectOption('ignore');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 1998)');
});

test('one row, constant features and ±1e308 each get their own answer', async ({ page }) => {
  await withIris(page);
  await page.getByTestId('csv-input').setInputFiles(csv('one-row.csv', 'x,z,y\n1,2,0\n'));
  await expect(page.getByTestId('data-error')).toHaveText('the file has only 1 row of data; training needs at least 2 (one to train on, one to validate)');
  await page.getByTestId('csv-input').setInputFiles(csv('constant.csv', 'x,colour,y\n1,red,0\n1,red,1\n1,red,0\n1,red,1\n'));
  await expect(page.getByTestId('data-error')).toHaveText(
    'every feature column has the same value in every row ("x" is always 1, "colour" is always red); there is nothing to learn from',
  );

  // Huge values standardise, and the autosaved project (fitted numbers included) reads back.
  await page.getByTestId('csv-input').setInputFiles(csv('huge.csv', 'x,y\n1e308,0\n-1e308,1\n1e308,0\n-1e308,1\n5,0\n6,1\n'));
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 1)');
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await page.getByLabel('x transform').selectOption('minmax');
  await expect(page.getByTestId('data-error')).toContainText('column "x" has values from -1e+308 to 1e+308, too large to scale to 0..1');
  await page.getByLabel('x transform').selectOption('standardize');
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await page.waitForTimeout(800);
  await page.reload();
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('data-info')).toHaveText('This project was trained on huge.csv; upload it again to use it (its column plan is kept).');
});

test('an empty class folder, a folder of other files and a zip inside the zip are named; Iris stays', async ({ page }) => {
  await withIris(page);
  const pngs = (d: number) => Object.fromEntries([0, 1, 2].map((i) => [`digits/${d}/${i}.png`, new Uint8Array(digit(d, i))]));

  await page.getByTestId('zip-input').setInputFiles({
    name: 'digits.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync({ ...pngs(0), ...pngs(1), 'digits/7/': new Uint8Array() })),
  });
  await expect(page.getByTestId('data-error')).toHaveText('class folder "7" has no images: add some or remove the folder');
  await expectIrisStays(page);

  // A picked folder never lists an empty subfolder, but one holding only other files shows.
  const dir = mkdtempSync(join(tmpdir(), 'netloom-e2e-'));
  cpSync(fixture('digit-folders'), join(dir, 'digits'), { recursive: true });
  mkdirSync(join(dir, 'digits', '7'));
  writeFileSync(join(dir, 'digits', '7', 'todo.txt'), 'draw some sevens');
  await page.getByTestId('folder-input').setInputFiles(join(dir, 'digits'));
  await expect(page.getByTestId('data-error')).toHaveText('class folder "7" has no images (it holds only todo.txt): add some or remove the folder');
  await expectIrisStays(page);

  const inner = zipSync(pngs(0));
  await page
    .getByTestId('zip-input')
    .setInputFiles({ name: 'outer.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'data/inner.zip': inner })) });
  await expect(page.getByTestId('data-error')).toHaveText(
    'the folder has no images (PNG, JPEG, WebP, GIF or BMP); data/inner.zip is a zip inside it, and a zip inside an upload is not read: unzip it, or upload it on its own',
  );
  await expectIrisStays(page);
});

test('an image whose header claims 10,000 x 10,000 pixels is skipped before decoding, with its size', async ({ page }) => {
  const png = new Uint8Array(digit(2, 0));
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  view.setUint32(16, 10_000);
  view.setUint32(20, 10_000);
  view.setUint32(29, crc32(png.subarray(12, 29)));
  const dir = mkdtempSync(join(tmpdir(), 'netloom-e2e-'));
  cpSync(fixture('digit-folders'), join(dir, 'digits'), { recursive: true });
  writeFileSync(join(dir, 'digits', '2', 'huge.png'), png);
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('folder-input').setInputFiles(join(dir, 'digits'));
  await expect(page.getByTestId('skipped-files')).toContainText(
    'digits/2/huge.png: 10,000 x 10,000 pixels (100 megapixels), over the 40-megapixel limit for one image; shrink it to use it',
  );
  await expect(page.getByTestId('class-count-2')).toHaveText('5 images');
});
