import { expect, test } from '@playwright/test';
import { node } from './editor-helpers';
import { collectPageErrors } from './helpers';

test('palette search finds layers by meaning, says why, and offers the templates that fit', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search layers' });
  const matches = page.getByRole('list', { name: 'Best matches' }).getByRole('button');

  await search.fill('relu');
  await expect(matches.first()).toHaveAccessibleName('Add ReLU layer');
  await expect(page.getByRole('button', { name: 'Add Dense layer' })).toHaveAccessibleDescription('activation: relu');

  await search.fill('attention');
  await expect(matches.first()).toHaveAccessibleName('Add MultiHeadAttention layer');
  await expect(page.getByRole('button', { name: 'Add TransformerEncoder block' })).toHaveAccessibleDescription('keyword: attention');
  const template = page
    .getByRole('list', { name: 'Templates (new project)' })
    .getByRole('button', { name: 'New project from the template Text classifier — Transformer' });
  await expect(template).toHaveAccessibleDescription('keyword: attention');
  await page.screenshot({ path: 'test-results/screens/palette-search.png', clip: { x: 0, y: 0, width: 480, height: 480 } });

  await template.click();
  await expect(node(page, 'token_and_position_embedding_1')).toBeVisible();

  await search.fill('zzqqxx');
  await expect(page.getByRole('status').filter({ hasText: 'No layer or template matches' })).toContainText('image, text, sequence');
  expect(errors).toEqual([]);
});
