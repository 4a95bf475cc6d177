import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { GraphBuilder } from '../src/analysis/builder';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { collectPageErrors } from './helpers';

const GOOD = ['good', 'great', 'lovely', 'fine'];
const BAD = ['bad', 'awful', 'dull', 'poor'];

/** Reviews whose label follows one word: "the film 12 was great, really great". */
function reviewsCsv(rows: number): string {
  const lines = ['review,label'];
  for (let i = 0; i < rows; i++) {
    const good = i % 2 === 1;
    const word = (good ? GOOD : BAD)[i % 4] as string;
    lines.push(`"the film ${i} was ${word}, really ${word}",${good ? 'pos' : 'neg'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A project holding Input -> Embedding -> MultiHeadAttention -> GlobalAveragePooling1D -> Dense; the data sets its sizes. */
function attentionProject(): string {
  const b = new GraphBuilder();
  b.chain(
    b.input([8]),
    ['Embedding', { input_dim: 16, output_dim: 16 }],
    ['MultiHeadAttention', { num_heads: 2, key_dim: 8 }],
    ['GlobalAveragePooling1D', {}],
    ['Dense', { units: 2, activation: 'softmax' }],
  );
  return serializeProject({ ...emptyProject('attention'), graph: b.graph });
}

test('try-it on a sentence: its tokens with the unknown word marked, the probabilities and a heatmap per attention head', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const projectPath = testInfo.outputPath('attention.netloom.json');
  await writeFile(projectPath, attentionProject());
  await page.goto('./');
  await page.getByTestId('open-file-input').setInputFiles(projectPath);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('csv-input').setInputFiles({ name: 'reviews.csv', mimeType: 'text/csv', buffer: Buffer.from(reviewsCsv(120)) });
  await expect(page.getByTestId('data-source-name')).toHaveText('reviews.csv');
  await page.getByTestId('fit-model').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();

  await page.getByTestId('tab-train').click();
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 2 epochs', { timeout: 60_000 });

  await expect(page.getByTestId('try-text')).toHaveValue('the film 0 was bad, really bad');
  await page.getByTestId('try-text').fill('The film was SUPERB, really great!');
  await page.getByTestId('try-predict').click();
  const tokens = page.getByTestId('token-list');
  await expect(tokens.locator('li .train-token__text')).toHaveText(['the', 'film', 'was', 'superb', 'really', 'great']);
  await expect(tokens.locator('li[data-oov="true"]')).toHaveText(['superb1']);
  await expect(tokens.locator('li[data-oov="true"]')).toHaveAttribute('title', '"superb" is not in the vocabulary: the model gets id 1 ([UNK])');
  await expect(page.getByTestId('prediction').locator('li')).toHaveCount(2);
  const maps = page.getByTestId('attention-heatmap');
  await expect(maps).toHaveCount(2);
  // Six real tokens in rows and columns; the padding is one grey column of its own.
  await expect(maps.first().locator('rect.train-heat__cell:not(.is-pad)')).toHaveCount(36);
  await expect(page.getByTestId('attention-summary').first()).toContainText(
    /^head 1: "\w+" attends most to "\w+" \(0\.\d\d\); padding takes \d+% of the weight on average$/,
  );
  // The fit's notice goes by itself; the screenshots show the panel without it.
  await expect(page.getByTestId('notice')).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('try-it').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/try-text-light.png', fullPage: true });
  await maps.first().locator('rect.train-heat__cell').nth(3).hover();
  await page.getByTestId('attention-maps').screenshot({ path: 'test-results/screens/try-text-attention.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('try-it').screenshot({ path: 'test-results/screens/try-text-dark.png' });
  expect(errors).toEqual([]);
});
