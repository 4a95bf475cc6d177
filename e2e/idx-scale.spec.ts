import { expect, test } from '@playwright/test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphBuilder } from '../src/analysis/builder';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { trainingConfigSchema } from '../src/settings/training';
import { writeScaleIdx } from '../scripts/scale-data';
import { collectPageErrors } from './helpers';

/** An MLP for 28x28 grey images in 10 classes, set to train 1 epoch in batches of 128. */
function mlpProject(): string {
  const b = new GraphBuilder();
  b.chain(b.input([28, 28, 1]), ['Flatten'], ['Dense', { units: 64, activation: 'relu' }], ['Dense', { units: 10, activation: 'softmax' }]);
  return serializeProject({ ...emptyProject('scale'), graph: b.graph, training: trainingConfigSchema.parse({ epochs: 1, batchSize: 128 }) });
}

test('60,000 28x28 images as a Fashion-MNIST-sized IDX pair load with progress and train an MLP for an epoch', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const dir = await mkdtemp(join(tmpdir(), 'netloom-idx-'));
  const pair = await writeScaleIdx(dir);
  const projectPath = testInfo.outputPath('mlp.netloom.json');
  await writeFile(projectPath, mlpProject());
  await page.goto('./');
  await page.getByTestId('open-file-input').setInputFiles(projectPath);
  await page.getByTestId('tab-data').click();

  // Both files in one go, labels first: which is which comes from their headers.
  await page.getByTestId('idx-input').setInputFiles([pair.labels, pair.images]);
  await expect(page.getByTestId('image-progress')).toBeVisible();
  await expect(page.getByTestId('data-source-name')).toHaveText('train-images-idx3-ubyte.gz', { timeout: 60_000 });
  await expect(page.getByTestId('image-progress')).toHaveCount(0);
  await expect(page.getByTestId('data-view')).toContainText('60,000 images · (28, 28, 1) each · 10 classes');
  const counts = await page.locator('[data-testid^="class-count-"]').allTextContents();
  expect(counts).toHaveLength(10);
  expect(counts.map((c) => Number(c.replace(/\D/g, ''))).reduce((a, b) => a + b, 0)).toBe(60_000);
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  await page.getByTestId('tab-train').click();
  await expect(page.getByTestId('backend-name')).toHaveText('wasm', { timeout: 30_000 });
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 1 epoch', { timeout: 90_000 });
  // Ten shapes and textures under noise: one epoch learns them far past chance (10%).
  expect(Number((await page.getByTestId('eval-accuracy').textContent())?.replace('%', ''))).toBeGreaterThan(60);
  expect(errors).toEqual([]);
});
