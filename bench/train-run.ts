import type { Page } from '@playwright/test';
import { recordLongTasks, takeLongTasks, templateOnSample } from './app-steps';

/** One training run in the open app, as the training benches drive it. */
export interface TrainRunOptions {
  template: string;
  sample: string;
  epochs: number;
  batch: number;
  /** Watch the run from the canvas with this layer's views open, 15 s. */
  watch?: string;
  /** Turn the views inside the network off before training. */
  viewsOff?: boolean;
  /** Called once the run is set up, just before the Train click (to start more recorders). */
  beforeTrain?: ((page: Page) => Promise<void>) | undefined;
}

/** What one run measured: main-thread long tasks ([start ms, duration ms]) split by phase, and speed. */
export interface TrainRunResult {
  backend: string | null;
  seconds: number;
  peakSamplesPerSecond: number;
  valAccuracy: string | null;
  /** Long tasks of the tab switch to the canvas and the inspector's opening (watch only). */
  switched: [number, number][];
  /** Long tasks while watching from the canvas (watch only). */
  watched: [number, number][];
  /** Every long task from the Train click to the finish, the switch and the watching included. */
  all: [number, number][];
}

/** Opens a new project from `template` on `sample` at `url`, trains it and measures. */
export async function trainRun(page: Page, url: string, o: TrainRunOptions): Promise<TrainRunResult> {
  await page.goto(url);
  const backend = await templateOnSample(page, o.template, o.sample);
  await page.getByLabel('Epochs', { exact: true }).fill(String(o.epochs));
  await page.getByLabel('Batch size', { exact: true }).fill(String(o.batch));
  if (o.viewsOff) await page.getByTestId('insight-settings').getByRole('checkbox').uncheck();
  await recordLongTasks(page);
  await o.beforeTrain?.(page);
  const start = Date.now();
  await page.getByTestId('train').click();
  let switched: [number, number][] = [];
  let watched: [number, number][] = [];
  if (o.watch !== undefined) {
    // Watch the run from the canvas, one layer's views open: sparks on every node, and the
    // inspector redrawing the layer's plots and pictures with each sample.
    await page.getByTestId('tab-model').click();
    await page.getByTestId(`node-${o.watch}`).locator('.layer-node__head').click();
    await page
      .getByTestId('insight-section')
      .getByTestId(o.viewsOff ? 'insight-empty' : 'insight-histogram')
      .waitFor({ timeout: 60_000 });
    // The switch to the canvas mounts React Flow, a cost of the tab, not of the views: counted apart.
    switched = await takeLongTasks(page);
    await page.waitForTimeout(15_000);
    watched = await takeLongTasks(page);
    await page.getByTestId('tab-train').click();
  }
  let best = 0;
  // Sample the worker's own samples/s figure while it runs.
  while (!(await page.getByTestId('progress-text').textContent())?.includes('Finished')) {
    const text = (await page.getByTestId('progress-text').textContent()) ?? '';
    const m = /([\d,]+) samples\/s/.exec(text);
    if (m) best = Math.max(best, Number(m[1]?.replace(/,/g, '')));
    if (Date.now() - start > 240_000) throw new Error(`${o.template} on ${o.sample}: did not finish in 240 s`);
    await page.waitForTimeout(250);
  }
  const seconds = (Date.now() - start) / 1000;
  const all = [...switched, ...watched, ...(await takeLongTasks(page))];
  const valAccuracy = await page.getByTestId('eval-accuracy').textContent();
  return { backend, seconds, peakSamplesPerSecond: best, valAccuracy, switched, watched, all };
}
