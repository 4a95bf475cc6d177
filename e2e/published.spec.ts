import * as tf from '@tensorflow/tfjs';
import { expect, test } from '@playwright/test';
import { savedDownloads } from './helpers';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { publishedModels } from '../src/corpus/published';

// A published MobileNetV2 (nsfwjs), opened as a user would: model.json and its shard picked together.
test('opens a published MobileNetV2 with its weights, shows what is frozen, and exports a zip tfjs predicts the same with', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const mobilenet = publishedModels().find((m) => m.id === 'nsfwjs-mobilenet_v2');
  if (!mobilenet) throw new Error('the published MobileNetV2 is missing');
  const dir = testInfo.outputPath('mobilenet');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.json'), JSON.stringify(mobilenet.json));
  for (const f of mobilenet.weightFiles) await writeFile(join(dir, f.name), f.bytes);

  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles([join(dir, 'model.json'), ...mobilenet.weightFiles.map((f) => join(dir, f.name))]);
  await expect(page.getByTestId('notice')).toContainText('with its trained weights: 162 layers', { timeout: 30_000 });
  // Keras counts every weight of a frozen layer as non-trainable, as the summary does.
  const totals = page.getByTestId('summary-totals');
  // The manifest holds 2,619,461 values; tfjs counts 340,096 of them non-trainable (frozen layers and BatchNormalization statistics).
  await expect(totals).toContainText('Total params: 2,619,461');
  await expect(totals).toContainText('Non-trainable: 340,096');
  // The file freezes everything up to block_10; the canvas (only on-screen layers of a big graph)
  // shows the middle blocks, frozen ones tagged.
  await expect(page.getByTestId('frozen').first()).toBeVisible();
  await expect(page.getByTestId('summary-row-Conv1_pad')).toContainText('(None, 225, 225, 3)');
  await page.screenshot({ path: testInfo.outputPath('mobilenet.png') });

  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-tfjs-zip').click();
  await expect(page.getByTestId('notice')).toContainText('Exported the trained model', { timeout: 60_000 });
  await expect.poll(() => downloads.length).toBe(1);
  await expect.poll(async () => (await readFile(downloads[0] as string).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(1_000_000);

  // Plain tfjs loads the export and predicts what the published model predicts.
  await tf.setBackend('cpu');
  const zip = unzipSync(new Uint8Array(await readFile(downloads[0] as string)));
  const json = JSON.parse(new TextDecoder().decode(zip['model.json'])) as tf.io.ModelJSON;
  const bin = zip['model.weights.bin'] as Uint8Array;
  const exported = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData: bin.slice().buffer }),
  );
  const manifest = (mobilenet.json as tf.io.ModelJSON).weightsManifest;
  const shard = (mobilenet.weightFiles[0] as { bytes: Uint8Array }).bytes;
  const original = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: (mobilenet.json as tf.io.ModelJSON).modelTopology,
      weightSpecs: manifest.flatMap((g) => g.weights),
      weightData: shard.slice().buffer,
    }),
  );
  const x = tf.randomUniform([1, 224, 224, 3], 0, 1, 'float32', 3);
  const diff = tf.max(tf.abs(tf.sub(original.predict(x) as tf.Tensor, exported.predict(x) as tf.Tensor))).dataSync()[0] ?? Infinity;
  expect(diff).toBeLessThan(1e-5);
});
