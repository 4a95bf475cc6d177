import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { node, selectNode, setField, settled } from './editor-helpers';
import { collectPageErrors } from './helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The LSTM text classifier template: Input(100) -> Embedding(5000, 32) -> LSTM -> Dense. */
async function textClassifier(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-lstm').click();
  await expect(node(page, 'embedding_1').getByTestId('shape')).toHaveText('(None, 100, 32)');
}

const group = (page: Page) => page.getByTestId('group-TransformerEncoder');

test('adds a TransformerEncoder from palette search, expands it, edits its attention and collapses it again', async ({ page }) => {
  const errors = collectPageErrors(page);
  await textClassifier(page);
  await selectNode(page, 'embedding_1');

  await page.getByRole('searchbox', { name: 'Search layers' }).fill('transformer');
  const results = page.getByRole('list', { name: 'Best matches' }).getByRole('button');
  await expect(results.first()).toHaveAccessibleName('Add TransformerEncoder block');
  await expect(page.getByRole('button', { name: 'Add MultiHeadAttention layer' })).toBeVisible();
  await results.first().press('Enter');

  // Collapsed: one card with the block's shapes and weights (Keras counts 6,464 for d_model 32).
  await expect(group(page)).toBeVisible();
  await expect(group(page).getByTestId('group-input')).toHaveText('(None, 100, 32)');
  await expect(group(page).getByTestId('group-output')).toHaveText('(None, 100, 32)');
  await expect(group(page).getByTestId('group-params')).toHaveText('6,464 trainable · 0 non-trainable');
  await expect(node(page, 'encoder1_attention')).toHaveCount(0);
  await expect(page.getByTestId('group-panel')).toContainText('9 layers');
  await page.getByTestId('toolbar-fit').click();
  await settled(group(page));
  await page.screenshot({ path: 'scratch/transformer-collapsed.png' });

  await group(page).getByRole('button', { name: 'Expand TransformerEncoder' }).click();
  await expect(node(page, 'encoder1_attention')).toBeVisible();
  await expect(node(page, 'encoder1_norm2').getByTestId('shape')).toHaveText('(None, 100, 32)');
  await expect(page.getByTestId('frame-TransformerEncoder')).toBeVisible();
  await page.getByTestId('toolbar-fit').click();
  await settled(node(page, 'encoder1_attention'));
  await page.screenshot({ path: 'scratch/transformer-expanded-fit.png' });
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await settled(node(page, 'encoder1_attention'));
  await page.screenshot({ path: 'scratch/transformer-expanded.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'scratch/transformer-expanded-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  await selectNode(page, 'encoder1_attention');
  await expect(page.getByTestId('inspector-group')).toContainText('TransformerEncoder');
  await setField(page, 'num_heads', '4');
  await expect(node(page, 'encoder1_attention').getByTestId('params')).toHaveText('8,416 params');

  await page.getByTestId('frame-TransformerEncoder').getByRole('button', { name: 'Collapse TransformerEncoder' }).click();
  await expect(node(page, 'encoder1_attention')).toHaveCount(0);
  await expect(group(page).getByTestId('group-params')).toHaveText('10,656 trainable · 0 non-trainable');
  await page.getByTestId('toolbar-fit').click();
  await settled(group(page));
  await page.screenshot({ path: 'scratch/transformer-recollapsed.png' });

  // Undo goes back through the collapse and the edit.
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'encoder1_attention')).toBeVisible();
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'encoder1_attention').getByTestId('params')).toHaveText('4,224 params');
  expect(errors).toEqual([]);
});

test('drops a TransformerEncoder onto the Embedding, connects it onward and ungroups it', async ({ page }) => {
  const errors = collectPageErrors(page);
  await textClassifier(page);
  await page.getByTestId('palette-TransformerEncoder').dragTo(node(page, 'embedding_1'));
  await expect(group(page).getByTestId('group-output')).toHaveText('(None, 100, 32)');

  // Its inspector lists its layers; opening one edits it while the group stays collapsed.
  const panel = page.getByTestId('group-panel');
  await panel.getByRole('button', { name: 'Edit encoder1_ffn1 (Dense)' }).click();
  await setField(page, 'units', '64');
  await expect(group(page).getByTestId('group-params')).toHaveText('8,544 trainable · 0 non-trainable');
  await page.getByRole('button', { name: 'Select the group TransformerEncoder' }).click();

  await panel.getByRole('button', { name: 'Ungroup TransformerEncoder' }).click();
  await expect(group(page)).toHaveCount(0);
  await expect(node(page, 'encoder1_attention')).toBeVisible();
  await expect(node(page, 'encoder1_ffn1').getByTestId('params')).toHaveText('2,112 params');
  expect(errors).toEqual([]);
});
