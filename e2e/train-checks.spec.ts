import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { dragLayer, node } from './editor-helpers';
import { collectPageErrors } from './helpers';

/** A new project from `template`, with the Iris sample chosen in the Data tab. */
async function onIris(page: Page, template: string): Promise<void> {
  await page.goto('./');
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId(`template-${template}`).click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('sample-iris').click();
  await expect(page.getByTestId('data-source-name')).toHaveText('Iris flowers');
}

/** The looks that tell an off button from one that works. */
const looks = (button: Locator) =>
  button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color, opacity: style.opacity, cursor: style.cursor };
  });

/** Train is off, looks it, and says `why` in the reasons its aria-describedby points at. */
async function expectTrainOff(page: Page, why: string | RegExp): Promise<void> {
  const train = page.getByTestId('train');
  await expect(train).toBeDisabled();
  await expect(train).toHaveAttribute('aria-disabled', 'true');
  await expect(train).toHaveAttribute('aria-describedby', 'train-blocked');
  expect(await looks(train)).toMatchObject({ opacity: '0.6', cursor: 'not-allowed' });
  await expect(page.locator('#train-blocked')).toContainText(why);
}

/** Follows the Train tab's link for layer `name`: the Model tab opens with it selected. */
async function showFromTrain(page: Page, name: string): Promise<void> {
  await page
    .getByTestId('train-problems')
    .getByRole('button', { name: `Show ${name}` })
    .click();
  await expect(page.getByTestId('tab-model')).toHaveAttribute('aria-selected', 'true');
  await expect(node(page, name)).toHaveClass(/is-selected/);
}

test('an empty canvas: the verdict is not green and Train is off, saying the model is empty', async ({ page }) => {
  const errors = collectPageErrors(page);
  await onIris(page, 'blank');
  await expect(page.getByTestId('wiring-ok')).toHaveCount(0);
  await expect(page.getByTestId('wiring-problems')).toContainText('The model is empty: it needs an Input layer');
  await expect(page.getByTestId('fit-model')).toHaveCount(0);
  await page.getByTestId('tab-train').click();
  await expectTrainOff(page, 'The model is empty');
  await page.screenshot({ path: 'test-results/screens/train-blocked-empty.png' });
  expect(errors).toEqual([]);
});

test('an Input alone cannot train; its link selects the Input on the canvas', async ({ page }) => {
  const errors = collectPageErrors(page);
  await onIris(page, 'blank');
  await page.getByTestId('tab-model').click();
  await dragLayer(page, 'Input', { x: 300, y: 150 });
  await expect(node(page, 'input_1')).toBeVisible();
  await page.getByTestId('canvas').click({ position: { x: 40, y: 40 } });
  await expect(node(page, 'input_1')).not.toHaveClass(/is-selected/);
  await page.getByTestId('tab-data').click();
  await expect(page.getByTestId('wiring-ok')).toHaveCount(0);
  await expect(page.getByTestId('wiring-problems')).toContainText('input_1 is the only layer');
  await page.getByTestId('tab-train').click();
  await expectTrainOff(page, 'input_1 is the only layer: connect the layers that turn its data into the output');
  await showFromTrain(page, 'input_1');
  expect(errors).toEqual([]);
});

test('the CNN template fitted to Iris: conv2d_1 is named in the verdict and under Train, and its link shows it', async ({ page }) => {
  const errors = collectPageErrors(page);
  await onIris(page, 'cnn');
  await expect(page.getByTestId('wiring-bar')).toContainText('input_1 expects (None, 28, 28, 1)');
  await page.getByTestId('fit-model').click();
  // The notice says what was set and that it is not enough, rather than "the model now takes the data".
  await expect(page.getByTestId('notice')).toContainText('were set, but the model still cannot train on this data: Conv2D needs');
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByTestId('wiring-ok')).toHaveCount(0);
  await expect(page.getByTestId('wiring-problems')).toContainText(/Conv2D needs a 4-D input .* conv2d_1 gets 2-D \(None, 4\)/);
  await expect(page.getByTestId('wiring-hint')).toBeVisible();
  await page.getByTestId('wiring-bar').screenshot({ path: 'test-results/screens/data-fit-verdict-bar.png' });
  await page.screenshot({ path: 'test-results/screens/data-fit-verdict.png' });

  await page.getByTestId('tab-train').click();
  await expectTrainOff(page, /Conv2D needs a 4-D input .* conv2d_1 gets 2-D \(None, 4\)/);
  await expect(page.getByTestId('train-problems').getByTestId('problem-link')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/train-blocked.png' });
  await showFromTrain(page, 'conv2d_1');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('conv2d_1');
  expect(errors).toEqual([]);
});

test('the seed model on Iris: the verdict is green and Train looks on', async ({ page }) => {
  await onIris(page, 'seed');
  await expect(page.getByTestId('wiring-ok')).toHaveText('The model fits this data.');
  await page.getByTestId('tab-train').click();
  const train = page.getByTestId('train');
  await expect(train).toBeEnabled();
  await expect(page.locator('#train-blocked')).toHaveCount(0);
  expect(await looks(train)).toMatchObject({ opacity: '1', cursor: 'pointer' });
});
