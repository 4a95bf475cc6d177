import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { collectPageErrors, savedDownloads } from './helpers';
import { predictInPlainPage } from './plain-tfjs-page';

/**
 * Issue 14's journey: the built-in text sample, the Transformer template, training, a typed name
 * with its tokens, prediction and attention map, and the TF.js export loaded by a plain page's own
 * tfjs after `registerNetloomLayers(tf)`, predicting what the app predicted.
 */
test('the first-names sample trains the Transformer template, try-it shows the attention, and the export predicts the same in plain tfjs', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-text-transformer').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-first-names').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('First names (text)');
  // The sample's own plan: the name, split into characters, is the one feature.
  await expect(page.getByTestId('text-summary')).toContainText('Vocabulary: 28 entries');
  await page.getByTestId('fit-model').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  await page.getByTestId('tab-train').click();
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 180_000 });

  await page.getByTestId('try-text').fill('Marianne');
  await page.getByTestId('try-predict').click();
  const tokens = page.getByTestId('token-list');
  await expect(tokens.locator('li .train-token__text')).toHaveText(['m', 'a', 'r', 'i', 'a', 'n', 'n', 'e']);
  await expect(tokens.locator('li[data-oov="true"]')).toHaveCount(0);
  const bars = page.getByTestId('prediction').locator('li');
  await expect(bars).toHaveCount(2);
  const appSays = Object.fromEntries(
    await bars.evaluateAll((items) => items.map((li) => [li.getAttribute('data-class') ?? '', Number(li.getAttribute('data-probability'))])),
  ) as Record<string, number>;
  // Two heads, each a map of the 8 letters attending over the 8 letters (padding apart).
  const maps = page.getByTestId('attention-heatmap');
  await expect(maps).toHaveCount(2);
  await expect(maps.first().locator('rect.train-heat__cell:not(.is-pad)')).toHaveCount(64);
  await expect(page.getByTestId('notice')).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('try-it').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/text-transformer-try.png', fullPage: true });

  // The views: the attention layer, opened from its collapsed block, shows the attention map of
  // the chosen validation sample, from the worker's latest sample of the run.
  await page.getByTestId('tab-model').click();
  await page.getByTestId('group-TransformerEncoder').click();
  await page.getByRole('button', { name: 'Edit encoder1_attention (MultiHeadAttention)' }).click();
  const attention = page.getByTestId('insight-section').getByTestId('insight-attention');
  await expect(attention.getByTestId('attention-heatmap')).toHaveCount(2);
  // Its rows and columns are the sample's letters, read back from its ids, not position numbers.
  const labels = attention.getByTestId('attention-heatmap').first().locator('text.train-heat__label:not(.is-pad)');
  expect((await labels.allTextContents()).filter((t) => /^#\d+$/.test(t))).toEqual([]);
  expect((await labels.allTextContents()).every((t) => /^([a-z]|\[UNK\])$/.test(t))).toBe(true);
  await attention.screenshot({ path: 'test-results/screens/insight-attention-tokens.png' });
  await page.getByTestId('tab-train').click();

  const downloads = savedDownloads(page, testInfo);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-tfjs-zip').click();
  await expect(page.getByTestId('notice')).toContainText('netloom-layers.js');
  await expect.poll(() => downloads.length).toBe(1);
  const zipPath = downloads[0] as string;
  await expect.poll(async () => (await readFile(zipPath).catch(() => Buffer.alloc(0))).length).toBeGreaterThan(0);
  const zip = unzipSync(new Uint8Array(await readFile(zipPath)));
  expect(Object.keys(zip).sort()).toEqual(['model.json', 'model.weights.bin', 'netloom-layers.js']);
  const text = (name: string) => new TextDecoder().decode(zip[name]);
  const modelJson = text('model.json');
  const { vocabulary } = (
    JSON.parse(modelJson) as { userDefinedMetadata: { netloom: { preprocessing: { features: { vectorizer: { vocabulary: string[] } }[] } } } }
  ).userDefinedMetadata.netloom.preprocessing.features[0]?.vectorizer ?? { vocabulary: [] };
  // The tokenizer travels in model.json's metadata: "Marianne" as the ids the model took, padded to 15.
  const ids = [...'marianne'].map((c) => vocabulary.indexOf(c));
  expect(ids.every((i) => i >= 2)).toBe(true);
  const values = [...ids, ...Array.from({ length: 15 - ids.length }, () => 0)];

  const plain = await page.context().newPage();
  const [out] = await predictInPlainPage(plain, { modelJson, weights: zip['model.weights.bin'] as Uint8Array, layersJs: text('netloom-layers.js') }, [
    { shape: [1, 15], values },
  ]);
  expect(out?.shape).toEqual([1, 2]);
  expect(Math.abs((out?.values[0] ?? Number.NaN) - (appSays.female ?? Number.NaN))).toBeLessThan(1e-4);
  expect(Math.abs((out?.values[1] ?? Number.NaN) - (appSays.male ?? Number.NaN))).toBeLessThan(1e-4);
  expect(errors).toEqual([]);
});
