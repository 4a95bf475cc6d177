import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import pngjs from 'pngjs';
import { node, selectNode } from './editor-helpers';
import { collectPageErrors, savedDownloads } from './helpers';
import { predictInPlainPage } from './plain-tfjs-page';

const UCI = fileURLToPath(new URL('./fixtures/uci-digits/', import.meta.url));
const accuracy = async (page: Page) => Number((await page.getByTestId('eval-accuracy').textContent())?.replace('%', '')) / 100;

async function setNumber(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/**
 * Issue 15's journey: the pretrained digits base (shipped, no download), frozen, a new head for an
 * uploaded folder of other digits, Keras's two fine-tuning phases, a better validation accuracy
 * than the same network from scratch, and the export predicting the same in a plain page's tfjs.
 */
test('transfer learning: the pretrained base, frozen with a new head, beats training from scratch on a small image folder, and its export predicts the same', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-pretrained-digits').click();
  await expect(node(page, 'flatten_1')).toBeVisible();

  // All 50 UCI digits a class in one zip; training takes a tenth of them (5 a class), as
  // transfer learning is for: the other 450 judge it.
  const entries: Record<string, Uint8Array> = {};
  for (const part of ['train', 'test']) {
    for (const digit of await readdir(`${UCI}${part}`)) {
      for (const file of await readdir(`${UCI}${part}/${digit}`))
        entries[`uci-digits/${digit}/${part}-${file}`] = new Uint8Array(await readFile(`${UCI}${part}/${digit}/${file}`));
    }
  }
  await page.getByTestId('tab-data').click();
  await page.getByTestId('zip-input').setInputFiles({ name: 'uci-digits.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) });
  await expect(page.getByTestId('image-grid')).toBeVisible({ timeout: 20_000 });

  // Freeze the base (flatten_1 and everything before it), then a head sized for the ten digits.
  await page.getByTestId('tab-model').click();
  await selectNode(page, 'flatten_1');
  await page.keyboard.press('f');
  for (const name of ['conv2d_1', 'conv2d_2']) await expect(node(page, name).getByTestId('frozen')).toBeVisible();
  await node(page, 'flatten_1').getByRole('button', { name: 'Model surgery for flatten_1' }).click();
  // flatten_1 is the canvas's lowest card: its menu opens above it, inside the canvas.
  await expect(page.getByRole('menu', { name: 'Model surgery for flatten_1' })).toHaveClass(/opens-up/);
  await page.getByTestId('node-menu-attach-head').click();
  await expect(node(page, 'head_dense').getByTestId('shape')).toHaveText('(None, 10)');

  // Phase 1: the head on the frozen base; phase 2: conv2d_2 unfrozen at 1e-5.
  await page.getByTestId('tab-train').click();
  await setNumber(page, 'Epochs', '20');
  await setNumber(page, 'Batch size', '16');
  await setNumber(page, 'Validation split', '0.9');
  await expect(page.getByLabel('continue from the current weights')).toBeChecked();
  const panel = page.getByTestId('fine-tune');
  await panel.getByLabel('Fine-tune in two phases').check();
  await setNumber(page, 'Layers to unfreeze', '1');
  await setNumber(page, 'Phase 2 epochs', '3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('notice')).toContainText('Going on from the current weights of 2 layers (conv2d_1, conv2d_2); 1 starts fresh (head_dense).');
  await expect(page.getByTestId('phase')).toContainText('Phase 2 from epoch 21', { timeout: 120_000 });
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 23 epochs', { timeout: 120_000 });
  const pretrained = await accuracy(page);
  await page.screenshot({ path: 'test-results/screens/transfer-learning.png', fullPage: true });

  // The app's prediction for one held-out digit, through try-it.
  const digit = `${UCI}test/7/0.png`;
  await page.getByTestId('try-image').setInputFiles(digit);
  const bars = page.getByTestId('prediction').locator('li');
  await expect(bars).toHaveCount(10);
  const appSays = await bars.evaluateAll((items) =>
    items.map((li) => [li.getAttribute('data-class') ?? '', Number(li.getAttribute('data-probability'))] as const),
  );

  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-tfjs-zip').click();
  await expect.poll(() => downloads.length).toBe(1);
  await expect.poll(async () => (await readFile(downloads[0] as string).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);
  const zip = unzipSync(new Uint8Array(await readFile(downloads[0] as string)));
  const png = pngjs.PNG.sync.read(await readFile(digit));
  const pixels = Array.from({ length: 28 * 28 }, (_, i) => (png.data[i * 4] ?? 0) / 255);
  const plain = await page.context().newPage();
  const [out] = await predictInPlainPage(plain, { modelJson: new TextDecoder().decode(zip['model.json']), weights: zip['model.weights.bin'] as Uint8Array }, [
    { shape: [1, 28, 28, 1], values: pixels },
  ]);
  await plain.close();
  const classes = JSON.parse(new TextDecoder().decode(zip['model.json'])).userDefinedMetadata.netloom.classNames as string[];
  for (const [name, p] of appSays) expect(Math.abs((out?.values[classes.indexOf(name)] ?? Number.NaN) - p)).toBeLessThan(1e-4);

  // The same network and settings from scratch: nothing frozen, fresh weights, one phase.
  await panel.getByLabel('Fine-tune in two phases').uncheck();
  await page.getByLabel('continue from the current weights').uncheck();
  await page.getByTestId('tab-model').click();
  await selectNode(page, 'flatten_1');
  await page.keyboard.press('Shift+F');
  await expect(node(page, 'conv2d_1').getByTestId('frozen')).toHaveCount(0);
  await page.getByTestId('tab-train').click();
  await setNumber(page, 'Epochs', '23');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 23 epochs', { timeout: 120_000 });
  const scratch = await accuracy(page);
  console.log(`UCI digits, 50 training images: validation accuracy pretrained ${pretrained}, from scratch ${scratch}`);
  expect(pretrained).toBeGreaterThan(scratch);
  expect(errors).toEqual([]);
});
