import { expect, test } from '@playwright/test';
import { chooseField, connect, dragConnection, dragLayer, node, selectNode, setField } from './editor-helpers';
import { collectPageErrors } from './helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('builds the Keras seed example from an empty canvas by drag and drop', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('canvas-empty')).toBeVisible();

  await dragLayer(page, 'Input', { x: 300, y: 80 });
  await expect(node(page, 'input_1')).toBeVisible();
  await dragLayer(page, 'Dense', { x: 300, y: 240 });
  await setField(page, 'units', '64');
  await chooseField(page, 'activation', 'relu');
  await dragLayer(page, 'Dense', { x: 300, y: 400 });
  await setField(page, 'units', '3');
  await chooseField(page, 'activation', 'softmax');

  await connect(page, 'input_1', 'dense_1');
  await connect(page, 'dense_1', 'dense_2');

  await expect(node(page, 'input_1').getByTestId('shape')).toHaveText('(None, 4)');
  await expect(node(page, 'dense_1').getByTestId('shape')).toHaveText('(None, 64)');
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 3)');
  await expect(node(page, 'dense_1').getByTestId('params')).toHaveText('320 params');
  await expect(page.getByTestId('summary-totals')).toContainText('515');
  await expect(page.getByTestId('diagnostic')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('shows a Dense-after-Conv2D problem on that node and fixes it in one click; undo and redo', async ({ page }) => {
  await page.goto('./');
  await dragLayer(page, 'Input', { x: 300, y: 60 });
  await setField(page, 'shape', '28, 28, 1');
  await dragLayer(page, 'Conv2D', { x: 300, y: 200 });
  await dragLayer(page, 'Dense', { x: 300, y: 360 });
  await connect(page, 'input_1', 'conv2d_1');
  await connect(page, 'conv2d_1', 'dense_1');

  const problem = node(page, 'dense_1').getByTestId('diagnostic');
  await expect(problem).toContainText('Dense after Conv2D gets a 4-D input (None, 26, 26, 32)');
  await node(page, 'dense_1').getByTestId('apply-fix').click();
  await expect(problem).toHaveCount(0);
  await expect(node(page, 'flatten_1').getByTestId('shape')).toHaveText('(None, 21632)');
  await expect(node(page, 'dense_1').getByTestId('shape')).toHaveText('(None, 64)');

  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'flatten_1')).toHaveCount(0);
  await expect(problem).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(node(page, 'flatten_1')).toBeVisible();
  await page.getByTestId('toolbar-undo').click();
  await expect(node(page, 'flatten_1')).toHaveCount(0);
  await page.getByTestId('toolbar-redo').click();
  await expect(problem).toHaveCount(0);
});

test('refuses an invalid connection while dragging and says why', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await expect(node(page, 'dense_2')).toBeVisible();
  const edges = await page.locator('.react-flow__edge').count();

  await dragConnection(page, 'dense_2', 'dense_1');
  await expect(page.getByTestId('connection-hint')).toContainText('dense_1 takes one input and already has one');
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges);
});

test('builds a model from the keyboard alone', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('palette-Input').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('palette-Dense').focus();
  await page.keyboard.press('Enter');
  // Each Enter adds a Dense after the selected layer; the second waits for the first to land.
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(node(page, 'dense_2').getByTestId('shape')).toHaveText('(None, 64)');
});

test('deletes, copies and pastes with the keyboard', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await selectNode(page, 'dense_2');
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, 'dense_3')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(node(page, 'dense_3')).toHaveCount(0);
  await selectNode(page, 'dense_2');
  await page.keyboard.press(`${mod}+d`);
  await expect(node(page, 'dense_3')).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(node(page, 'dense_3')).toHaveCount(0);
});

test('restores the graph after a reload and keeps work when a bad file is opened', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-cnn').click();
  await expect(node(page, 'flatten_1')).toBeVisible();
  await page.waitForTimeout(800);
  await page.reload();
  await expect(node(page, 'flatten_1').getByTestId('shape')).toHaveText('(None, 800)');

  await page.getByTestId('open-file-input').setInputFiles({
    name: 'broken.netloom.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"netloom-project","version":1,"name":"x","graph":{"nodes":[{"id":"a"}],"edges":[]}}'),
  });
  await expect(page.getByTestId('notice')).toContainText('broken.netloom.json');
  await expect(node(page, 'flatten_1')).toBeVisible();
});
