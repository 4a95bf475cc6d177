import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { addToSelection, node, selectNode, settled } from './editor-helpers';
import { collectPageErrors } from './helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const totals = (page: Page) => page.getByTestId('summary-totals');

/** Opens layer `name`'s surgery menu and picks `item`, with a screenshot of the open menu when `shot` names one. */
async function menu(page: Page, name: string, item: string, shot?: string): Promise<void> {
  await node(page, name)
    .getByRole('button', { name: `Model surgery for ${name}` })
    .click();
  await expect(page.getByRole('menu', { name: `Model surgery for ${name}` })).toBeVisible();
  if (shot) await page.screenshot({ path: `test-results/screens/${shot}.png` });
  await page.getByTestId(`node-menu-${item}`).click();
}

test('transfer learning on the CNN: freeze the base, cut it, attach a head for the digits, group it, undo', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-cnn').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-digits').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('tab-model').click();
  // The template opens at a readable zoom, taller than the canvas: fit it so every card is on screen.
  await page.getByTestId('toolbar-fit').click();
  await settled(node(page, 'dense_2'));

  // F freezes conv2d_2 and everything before it: 160 + 4,640 weights stop training.
  await selectNode(page, 'conv2d_2');
  await page.keyboard.press('f');
  for (const name of ['conv2d_1', 'max_pooling2d_1', 'conv2d_2']) await expect(node(page, name).getByTestId('frozen')).toBeVisible();
  await expect(node(page, 'dense_1').getByTestId('frozen')).toHaveCount(0);
  await expect(totals(page)).toContainText('Non-trainable: 4,800');

  // Cut after the second pooling, then a new head sized for the 10 digits.
  await menu(page, 'max_pooling2d_2', 'cut', 'surgery-menu');
  await expect(node(page, 'dense_2')).toHaveCount(0);
  await expect(node(page, 'flatten_1')).toHaveCount(0);
  await menu(page, 'max_pooling2d_2', 'attach-head');
  await expect(node(page, 'head_pool').getByTestId('shape')).toHaveText('(None, 32)');
  await expect(node(page, 'head_dropout').getByTestId('shape')).toHaveText('(None, 32)');
  await expect(node(page, 'head_dense').getByTestId('shape')).toHaveText('(None, 10)');
  await expect(node(page, 'head_dense').getByTestId('params')).toHaveText('330 params');
  await expect(totals(page)).toContainText('Trainable: 330 · Non-trainable: 4,800');
  await page.getByTestId('toolbar-fit').click();
  await settled(node(page, 'head_dense'));
  await page.screenshot({ path: 'test-results/screens/surgery-head.png' });
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
  await page.getByTestId('tab-model').click();

  // The frozen base as one nested model: Ctrl+G on the selection, one card with its counts.
  await selectNode(page, 'conv2d_1');
  for (const name of ['max_pooling2d_1', 'conv2d_2', 'max_pooling2d_2']) await addToSelection(page, name);
  await page.keyboard.press(`${mod}+g`);
  const base = page.getByTestId('group-functional');
  await expect(base.getByTestId('group-params')).toHaveText('0 trainable · 4,800 non-trainable');
  await expect(base.getByTestId('group-output')).toHaveText('(None, 5, 5, 32)');
  // Its last pooling was not frozen (it has no weights): freezing the group freezes all four.
  await base.getByRole('button', { name: 'Freeze functional' }).click();
  await expect(base).toHaveClass(/is-frozen/);
  await base.getByRole('button', { name: 'Unfreeze functional' }).click();
  await expect(base.getByTestId('group-params')).toHaveText('4,800 trainable · 0 non-trainable');
  await expect(base).not.toHaveClass(/is-frozen/);
  await base.getByRole('button', { name: 'Freeze functional' }).click();
  await expect(totals(page)).toContainText('Trainable: 330 · Non-trainable: 4,800');
  await page.getByTestId('toolbar-fit').click();
  await settled(base);
  await page.screenshot({ path: 'test-results/screens/surgery-group.png' });

  // Undo walks back through the group's freezes, the group, the head, the cut and the freeze.
  await page.keyboard.press('Escape');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press(`${mod}+z`);
  await expect(base).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'head_dense')).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 10)');
  await expect(node(page, 'conv2d_2').getByTestId('frozen')).toBeVisible();
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'conv2d_2').getByTestId('frozen')).toHaveCount(0);
  expect(errors).toEqual([]);
});
