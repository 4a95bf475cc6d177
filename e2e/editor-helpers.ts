import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Drags a palette item onto the canvas at `at` (canvas coordinates, pixels from its top left). */
export async function dragLayer(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

/** The node of layer `name`. */
export const node = (page: Page, name: string): Locator => page.getByTestId(`node-${name}`);

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Waits until `locator` stops moving (a fit-view animation may still be running). */
export async function settled(locator: Locator): Promise<void> {
  let last = JSON.stringify(await locator.boundingBox());
  for (let i = 0; i < 30; i += 1) {
    await locator.page().waitForTimeout(100);
    const now = JSON.stringify(await locator.boundingBox());
    if (now === last) return;
    last = now;
  }
}

/** Starts a connection drag from `from`'s output handle and hovers `to`'s input handle. */
export async function dragConnection(page: Page, from: string, to: string): Promise<void> {
  await settled(node(page, to));
  const start = await centre(node(page, from).locator('.react-flow__handle.source'));
  const end = await centre(node(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
}

/** Connects `from`'s output to `to`'s input by dragging between their handles. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count();
  await dragConnection(page, from, to);
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
}

/** Sets an inspector field (labelled by its Keras key) and commits it with Enter. */
export async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Picks an option of an inspector select field. */
export async function chooseField(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel(label, { exact: true }).selectOption(value);
}

/** Selects a layer by clicking its header. */
export async function selectNode(page: Page, name: string): Promise<void> {
  await clickHead(page, name, []);
}

/** Adds a layer to the selection with a Ctrl-click (Cmd on a Mac) on its header. */
export async function addToSelection(page: Page, name: string): Promise<void> {
  await clickHead(page, name, [process.platform === 'darwin' ? 'Meta' : 'Control']);
}

async function clickHead(page: Page, name: string, modifiers: ('Meta' | 'Control')[]): Promise<void> {
  const head = node(page, name).locator('.layer-node__head');
  // Templates open at a readable zoom, and a tall one runs past the canvas: a click there would
  // land on whatever covers it, so fit the view first when the card is not wholly on the canvas.
  const [box, pane] = [await head.boundingBox(), await page.locator('.react-flow').boundingBox()];
  const inside =
    box !== null &&
    pane !== null &&
    box.y >= pane.y &&
    box.y + box.height <= pane.y + pane.height &&
    box.x >= pane.x &&
    box.x + box.width <= pane.x + pane.width;
  if (!inside) {
    await page.getByTestId('toolbar-fit').click();
    await settled(node(page, name));
  }
  await head.click({ modifiers });
}

/** The Keras seed example on the Iris sample, ready to train (the page opened at `url`): the start of several journeys. */
export async function seedOnIris(page: Page, url = './'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('wiring-ok')).toBeVisible();
}
