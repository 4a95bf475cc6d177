import * as tf from '@tensorflow/tfjs';
import { expect, test } from '@playwright/test';
import { savedDownloads } from './helpers';
import { readFile } from 'node:fs/promises';
import { transformRow } from '../src/data/transform';
import type { FittedPreprocessing } from '../src/data/types';
import { node, seedOnIris } from './editor-helpers';

const ROW = { sepal_length: '5.1', sepal_width: '3.5', petal_length: '1.4', petal_width: '0.2' };

test('exports the trained model, which tfjs loads and predicts the same; imports it back', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('15');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished', { timeout: 60_000 });
  await page.getByTestId('try-row').fill(Object.values(ROW).join(', '));
  await page.getByTestId('try-predict').click();
  const appSetosa = Number(await page.getByTestId('prediction').locator('li[data-class="setosa"]').getAttribute('data-probability'));

  await page.getByTestId('toolbar-export').click();
  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('export-tfjs-files').click();
  await expect.poll(() => downloads.length).toBe(2);
  await expect(page.getByTestId('notice')).toContainText('Exported the trained model');
  const jsonPath = downloads.find((p) => p.endsWith('model.json')) as string;
  const binPath = downloads.find((p) => p.endsWith('.bin')) as string;
  await expect.poll(async () => (await readFile(binPath).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);

  // The files load in plain tfjs and give the app's prediction, through the exported preprocessing.
  await tf.setBackend('cpu');
  const json = JSON.parse(await readFile(jsonPath, 'utf8')) as tf.io.ModelJSON & { userDefinedMetadata: { netloom: { preprocessing: FittedPreprocessing } } };
  const bin = await readFile(binPath);
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
  const x = transformRow(ROW, json.userDefinedMetadata.netloom.preprocessing);
  const out = (model.predict(tf.tensor2d(x, [1, x.length])) as tf.Tensor).dataSync();
  expect(Math.abs((out[0] ?? 0) - appSetosa)).toBeLessThan(1e-5);

  // The project saved with its weights predicts the same after reopening it.
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-project-weights').click();
  await expect.poll(() => downloads.length).toBe(3);
  const projectPath = downloads.find((p) => p.endsWith('.netloom.json')) as string;
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-blank').click();
  await page.getByTestId('open-file-input').setInputFiles(projectPath);
  await page.getByTestId('tab-train').click();
  await page.getByTestId('try-row').fill(Object.values(ROW).join(', '));
  await page.getByTestId('try-predict').click();
  const reopened = Number(await page.getByTestId('prediction').locator('li[data-class="setosa"]').getAttribute('data-probability'));
  expect(Math.abs(reopened - appSetosa)).toBeLessThan(1e-6);

  // Import both files back: the same graph comes back onto the canvas.
  await page.getByTestId('tab-model').click();
  await page.getByTestId('open-file-input').setInputFiles([jsonPath, binPath]);
  await expect(page.getByTestId('notice')).toContainText('with its trained weights');
  for (const name of ['dense_1', 'dense_2']) await expect(node(page, name)).toBeVisible();
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 3)');
});

test('a reload keeps the trained model: try it, export it, and open its zip back', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await seedOnIris(page);
  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 20_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('10');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished', { timeout: 60_000 });
  const predictSetosa = async () => {
    await page.getByTestId('try-row').fill(Object.values(ROW).join(', '));
    await page.getByTestId('try-predict').click();
    return Number(await page.getByTestId('prediction').locator('li[data-class="setosa"]').getAttribute('data-probability'));
  };
  const trained = await predictSetosa();

  // Autosave writes a moment after the run; the reload restores the project and its weights.
  await page.waitForTimeout(1000);
  await page.reload();
  await page.getByTestId('tab-train').click();
  expect(Math.abs((await predictSetosa()) - trained)).toBeLessThan(1e-6);

  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-tfjs-zip').click();
  await expect(page.getByTestId('notice')).toContainText('Exported the trained model');
  await expect.poll(() => downloads.length).toBe(1);
  const zipPath = downloads[0] as string;
  await expect.poll(async () => (await readFile(zipPath).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);

  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-blank').click();
  await page.getByTestId('open-file-input').setInputFiles(zipPath);
  await expect(page.getByTestId('notice')).toContainText('with its trained weights');
  await page.getByTestId('tab-model').click();
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 3)');
  await page.getByTestId('tab-train').click();
  expect(Math.abs((await predictSetosa()) - trained)).toBeLessThan(1e-6);
});
