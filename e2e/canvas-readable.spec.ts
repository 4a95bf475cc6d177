import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { chooseField, node, selectNode, settled } from './editor-helpers';
import { collectPageErrors, dismissNotice } from './helpers';

// A newcomer's first hour on the canvas: text that reads, cards that keep to themselves, a top bar
// of one row, notices clear of the summary, pastes that land in sight. Screens for review go to
// test-results/screens; the docs/screenshots copies come from there.

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
type Box = { x: number; y: number; width: number; height: number };

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box, margin = 0) =>
  inner.x >= outer.x + margin &&
  inner.y >= outer.y + margin &&
  inner.x + inner.width <= outer.x + outer.width - margin &&
  inner.y + inner.height <= outer.y + outer.height - margin;

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/** The canvas's zoom, from React Flow's viewport transform. */
const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/**
 * The smallest text on any card as drawn on screen: each element's computed font size (of those
 * holding text of their own) times the canvas's zoom.
 */
async function smallestCardText(page: Page): Promise<{ px: number; zoom: number; texts: number }> {
  const zoom = await zoomOf(page);
  const sizes = await page.locator('.react-flow__node').evaluateAll((cards) =>
    cards.flatMap((card) =>
      [card, ...card.querySelectorAll('*')].flatMap((el) => {
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        const style = getComputedStyle(el);
        return ownText && style.display !== 'none' && style.visibility !== 'hidden' ? [parseFloat(style.fontSize)] : [];
      }),
    ),
  );
  return { px: Math.min(...sizes) * zoom, zoom, texts: sizes.length };
}

/** True when `card` is drawn whole inside the canvas, clear of its zoom buttons and minimap. */
async function inSight(page: Page, card: Locator): Promise<boolean> {
  const b = await box(card);
  const overlays = await Promise.all([page.locator('.react-flow__controls'), page.locator('.react-flow__minimap')].map(box));
  return inside(b, await box(page.getByTestId('canvas'))) && overlays.every((o) => !intersects(b, o));
}

async function newFromTemplate(page: Page, id: string, first: string): Promise<void> {
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId(`template-${id}`).click();
  await expect(node(page, first)).toBeVisible();
  await settled(node(page, first));
}

/** A Keras Sequential topology of `count` Dense layers, as `model.to_json()` writes one. */
function deepKerasModel(count: number): string {
  const layers = Array.from({ length: count }, (_, i) => ({
    class_name: 'Dense',
    config: { name: `hidden_${i + 1}`, units: 32, activation: 'relu', ...(i === 0 ? { batch_input_shape: [null, 8] } : {}) },
  }));
  return JSON.stringify({ class_name: 'Sequential', config: { name: 'deep_mlp', layers }, keras_version: '2.15.0', backend: 'tensorflow' });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('the 9-layer CNN template opens with card text of at least 11 px, its first layer in view', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('./');
  await newFromTemplate(page, 'cnn', 'input_1');
  const text = await smallestCardText(page);
  expect(text.texts).toBeGreaterThan(20);
  expect(text.px).toBeGreaterThanOrEqual(11);
  // Too tall to show whole at that size: it opens at its top, the rest a scroll away.
  expect(inside(await box(node(page, 'input_1')), await box(page.getByTestId('canvas')))).toBe(true);
  await dismissNotice(page);
  await page.screenshot({ path: 'test-results/screens/canvas-cnn-template.png' });
  expect(errors).toEqual([]);
});

test('an imported Keras model opens with card text of at least 11 px', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('open-file-input').setInputFiles({ name: 'deep_mlp.json', mimeType: 'application/json', buffer: Buffer.from(deepKerasModel(14)) });
  await expect(page.getByTestId('notice')).toContainText('Opened deep_mlp.json');
  await expect(node(page, 'hidden_14')).toHaveCount(1);
  await settled(node(page, 'input_1').or(node(page, 'hidden_1')).first());
  const text = await smallestCardText(page);
  expect(text.px).toBeGreaterThanOrEqual(11);
});

test('a card’s problem stays on one line: no card covers another, the edge and the fix stay usable', async ({ page }) => {
  await page.goto('./');
  await newFromTemplate(page, 'cnn', 'input_1');
  // Iris has 4 features per sample, so the CNN's Input (28, 28, 1) gets an error with a fix.
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await page.getByTestId('tab-model').click();
  const problem = node(page, 'input_1').getByTestId('diagnostic');
  await expect(problem).toContainText('input_1 expects (None, 28, 28, 1)');
  await settled(node(page, 'conv2d_1'));

  const cards = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  for (const [i, a] of cards.entries()) for (const b of cards.slice(i + 1)) expect(intersects(a, b), `${a.id} and ${b.id}`).toBe(false);
  // The edge between the first two cards has room to show.
  const input = await box(node(page, 'input_1'));
  const conv = await box(node(page, 'conv2d_1'));
  expect(conv.y - (input.y + input.height)).toBeGreaterThan(16);

  // The whole message shows over the canvas while its line is hovered.
  await node(page, 'input_1').locator('.layer-node__message').hover();
  await expect(node(page, 'input_1').getByTestId('diagnostic-full')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/canvas-node-error-hover.png' });
  await page.mouse.move(10, 400);
  await expect(node(page, 'input_1').getByTestId('diagnostic-full')).toBeHidden();
  await dismissNotice(page);
  await page.screenshot({ path: 'test-results/screens/canvas-node-error.png' });

  // Nothing covers the fix button: the point at its centre is the button itself.
  const fix = node(page, 'input_1').getByTestId('apply-fix');
  const at = await box(fix);
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="apply-fix"]') !== null, {
    x: at.x + at.width / 2,
    y: at.y + at.height / 2,
  });
  expect(hit).toBe(true);
  await fix.click();
  await expect(node(page, 'input_1').getByTestId('shape')).toHaveText('(None, 4)');
});

test('the top bar stays one row at 1280 px with a long data file name and project name', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await newFromTemplate(page, 'cnn', 'input_1');
  await page.getByTestId('tab-data').click();
  const csv =
    'mean_radius,mean_texture,diagnosis\n' + Array.from({ length: 20 }, (_, i) => `${10 + i},${20 - i / 2},${i % 2 ? 'malignant' : 'benign'}`).join('\n');
  await page.getByTestId('csv-input').setInputFiles({ name: 'breast_cancer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('tab-data')).toContainText('breast_cancer');
  await page.getByTestId('tab-model').click();
  await expect(node(page, 'input_1')).toBeVisible();

  const bar = await box(page.locator('.shell__top'));
  const controls = await page.locator('.toolbar > *, .view-tabs > *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  const middles = controls.map((r) => r.y + r.height / 2);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
  expect(bar.height).toBeLessThan(50);
  // Nothing spills past the window's edge.
  expect(Math.max(...controls.map((r) => r.right))).toBeLessThanOrEqual(1280);
  await expect(page.getByTestId('tab-data')).toHaveAttribute('title', 'Data: breast_cancer.csv');
  await dismissNotice(page);
  await page.screenshot({ path: 'test-results/screens/canvas-toolbar-1280.png' });
});

test('a notice keeps clear of the summary’s total', async ({ page }) => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await page.goto('./');
    await newFromTemplate(page, 'cnn', 'input_1');
    await expect(page.getByTestId('notice')).toBeVisible();
    const notice = await box(page.getByTestId('notice'));
    const total = await box(page.getByTestId('summary-totals'));
    expect(intersects(notice, total), `at ${size.width}`).toBe(false);
    expect(intersects(notice, await box(page.getByTestId('summary-panel'))), `at ${size.width}`).toBe(false);
  }
});

test('a paste lands beside the original, in view, and only the copy is selected', async ({ page }) => {
  await page.goto('./');
  await newFromTemplate(page, 'seed', 'dense_1');
  await selectNode(page, 'dense_1');
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, 'dense_3')).toBeVisible();
  await settled(node(page, 'dense_3'));

  const original = await box(node(page, 'dense_1'));
  const copy = await box(node(page, 'dense_3'));
  const zoom = await zoomOf(page);
  // Offset by one card and a 40 px gap to the right, on the same row.
  expect((copy.x - original.x) / zoom).toBeCloseTo(original.width / zoom + 40, 0);
  expect(Math.abs(copy.y - original.y)).toBeLessThan(1);
  expect(intersects(copy, original)).toBe(false);
  expect(await inSight(page, node(page, 'dense_3'))).toBe(true);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await expect(page.locator('.react-flow__node.selected').getByTestId('node-dense_3')).toHaveCount(1);
});

test('layers built from the keyboard are drawn whole inside the canvas', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('palette-Input').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'input_1')).toBeVisible();
  const canvas = await box(page.getByTestId('canvas'));
  await settled(node(page, 'input_1'));
  // Its outline and input handle too, not only the card.
  expect(inside(await box(node(page, 'input_1')), canvas, 8)).toBe(true);
  expect(await inSight(page, node(page, 'input_1'))).toBe(true);
  await page.getByTestId('palette-Dense').focus();
  for (let i = 1; i <= 6; i += 1) {
    await page.keyboard.press('Enter');
    await expect(node(page, `dense_${i}`)).toBeVisible();
    await settled(node(page, `dense_${i}`));
    expect(await inSight(page, node(page, `dense_${i}`)), `dense_${i}`).toBe(true);
  }
});

test('a Dense card shows its units and activation, and follows an edit', async ({ page }) => {
  await page.goto('./');
  await newFromTemplate(page, 'seed', 'dense_1');
  await expect(node(page, 'dense_1').getByTestId('headline')).toHaveText('64 · relu');
  await expect(node(page, 'dense_2').getByTestId('headline')).toHaveText('3 · softmax');
  await expect(node(page, 'input_1').getByTestId('headline')).toHaveCount(0);
  await selectNode(page, 'dense_1');
  await chooseField(page, 'activation', 'tanh');
  await expect(node(page, 'dense_1').getByTestId('headline')).toHaveText('64 · tanh');
  await expect(node(page, 'dense_1').getByTestId('headline')).toHaveAttribute('title', 'units=64, activation=tanh');
});

test('the canvas keeps its pan and zoom across a visit to Data and Train', async ({ page }) => {
  await page.goto('./');
  await newFromTemplate(page, 'cnn', 'input_1');
  await page.getByTestId('toolbar-fit').click();
  await settled(node(page, 'dense_2'));
  await page.locator('.react-flow__controls-zoomin').click();
  await settled(node(page, 'input_1'));
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const left = await transform();
  const zoom = await zoomOf(page);
  for (const tab of ['tab-data', 'tab-train']) {
    await page.getByTestId(tab).click();
    await page.getByTestId('tab-model').click();
    await expect(node(page, 'input_1')).toBeVisible();
    await settled(node(page, 'input_1'));
    expect(await transform(), `back from ${tab}`).toBe(left);
  }
  expect(await zoomOf(page)).toBeCloseTo(zoom, 5);
  // A new project is framed afresh, not shown where the last one was left.
  await newFromTemplate(page, 'seed', 'dense_1');
  expect(await transform()).not.toBe(left);
});
