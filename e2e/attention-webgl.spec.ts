import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { GraphBuilder } from '../src/analysis/builder';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { collectPageErrors } from './helpers';

/** Six words of w1..w8 drawn by a small LCG, with w9 put in half the rows: the label says whether it is there. */
function tokensCsv(rows: number): string {
  const lines = ['text,label'];
  let seed = 7;
  const draw = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % 8;
  };
  for (let i = 0; i < rows; i++) {
    const words = Array.from({ length: 6 }, () => `w${draw() + 1}`);
    if (i % 2 === 1) words[i % 6] = 'w9';
    lines.push(`${words.join(' ')},${i % 2 === 1 ? 'yes' : 'no'}`);
  }
  return `${lines.join('\n')}\n`;
}

function attentionProject(): string {
  const b = new GraphBuilder();
  b.chain(
    b.input([6]),
    ['TokenAndPositionEmbedding', { vocabulary_size: 16, sequence_length: 6, embedding_dim: 8 }],
    ['MultiHeadAttention', { num_heads: 2, key_dim: 4 }],
    ['GlobalAveragePooling1D', {}],
    ['Dense', { units: 2, activation: 'softmax' }],
  );
  return serializeProject({ ...emptyProject('attention on webgl'), graph: b.graph });
}

test('MultiHeadAttention and TokenAndPositionEmbedding train on the WebGL backend when the user picks it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const projectPath = testInfo.outputPath('attention.netloom.json');
  await writeFile(projectPath, attentionProject());
  await page.goto('./');
  await page.getByTestId('open-file-input').setInputFiles(projectPath);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('csv-input').setInputFiles({ name: 'tokens.csv', mimeType: 'text/csv', buffer: Buffer.from(tokensCsv(200)) });
  // The project already fits: six token ids, a vocabulary within 16, two classes.
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
  await page.getByTestId('tab-train').click();
  await page.getByLabel('Backend').selectOption('webgl');
  // Headless Chromium's WebGL is SwiftShader, a software GPU; the user's pick is honoured.
  await expect(page.getByTestId('backend-name')).toHaveText('webgl', { timeout: 30_000 });
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress-text')).toContainText('Finished after 3 epochs', { timeout: 90_000 });
  await expect(page.getByTestId('backend-name')).toHaveText('webgl');
  expect(errors).toEqual([]);
});
