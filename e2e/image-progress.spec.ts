import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { writeScalePngFolder } from '../scripts/scale-data';
import { collectPageErrors } from './helpers';

const CLASSES = ['circle', 'square', 'stripe'];
const PER_CLASS = 700;

/** A folder of `PER_CLASS` noisy 48x48 PNGs in each of three class folders, made here rather than committed. */
function manyPngs(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'netloom-images-')), 'shapes');
  let seed = 1;
  const noise = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
  CLASSES.forEach((name, c) => {
    mkdirSync(join(root, name), { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) {
      const png = new PNG({ width: 48, height: 48 });
      for (let p = 0; p < 48 * 48; p++) png.data.set([(noise() + c * 80) % 256, noise(), noise(), 255], p * 4);
      writeFileSync(join(root, name, `${i}.png`), PNG.sync.write(png));
    }
  });
  return root;
}

test('a folder of 2,100 images loads with a progress bar; a second load is cancelled and the first stays', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const folder = manyPngs();
  await page.goto('./');
  await page.getByTestId('tab-data').click();

  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.getByTestId('image-progress')).toBeVisible();
  await expect(page.getByTestId('data-loading')).toContainText(/Reading images \([\d,]+ of 2,100\)/);
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 30_000 });
  for (const name of CLASSES) await expect(page.getByTestId(`class-count-${name}`)).toHaveText(`${PER_CLASS} images`);
  await expect(page.getByTestId('image-progress')).toHaveCount(0);

  // Again at 32x32 RGB, cancelled while it runs: the 28x28 grayscale images stay.
  await page.getByLabel('Image colour').selectOption('3');
  await page.getByTestId('folder-input').setInputFiles(folder);
  await page.getByTestId('image-cancel').click();
  await expect(page.getByTestId('data-info')).toHaveText('Loading was cancelled; the data shown before is kept.');
  await expect(page.getByTestId('image-progress')).toHaveCount(0);
  await expect(page.getByTestId('data-source-name')).toHaveText('shapes');
  await expect(page.getByTestId('data-x-shape')).toHaveText('(None, 28, 28, 1)');
  for (const name of CLASSES) await expect(page.getByTestId(`class-count-${name}`)).toHaveText(`${PER_CLASS} images`);
  expect(errors).toEqual([]);
});

test('a folder of 10,000 images: the bar advances, and Cancel stops the load with nothing replaced', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const folder = await writeScalePngFolder(mkdtempSync(join(tmpdir(), 'netloom-10k-')));
  await page.goto('./');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');

  await page.getByTestId('folder-input').setInputFiles(folder);
  const loading = page.getByTestId('data-loading');
  // The page reads the files, then the image worker decodes them: both count up to 10,000.
  await expect(loading).toContainText(/\([\d,]+ of 10,000\)/, { timeout: 60_000 });
  const done = async () => Number(/\(([\d,]+) of 10,000\)/.exec((await loading.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 'NaN');
  const first = await done();
  await expect.poll(done, { timeout: 30_000 }).toBeGreaterThan(first);
  await expect(page.getByTestId('image-progress')).toHaveAttribute('max', '10000');
  await page.getByTestId('image-cancel').click();
  // The reads or decodes already in flight finish first: on a busy machine that takes seconds.
  await expect(page.getByTestId('data-info')).toHaveText('Loading was cancelled; the data shown before is kept.', { timeout: 30_000 });
  await expect(page.getByTestId('image-progress')).toHaveCount(0);
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
  expect(errors).toEqual([]);
});
