// The Model and Train tabs switched back and forth while the digits CNN trains: the worst
// main-thread task of each switch (median and spread over the switches), each way.
// BENCH_DEBUG=1 prints each long frame's scripts to stderr.
import type { Page } from '@playwright/test';
import { recordLongTasks, takeLongTasks, templateOnSample } from './app-steps';
import { startBenchApp } from './browser';
import { recordLongFrames, takeLongFrames } from './long-frames';
import { spreadFields } from './stats';

const SWITCHES = 4;

/** Clicks `tab`, waits for `ready` and a second of settling, and returns that switch's worst task (0 when none over 50 ms). */
async function switchTo(page: Page, tab: string, ready: string): Promise<number> {
  await takeLongTasks(page);
  await page.getByTestId(tab).click();
  await page.getByTestId(ready).first().waitFor();
  await page.waitForTimeout(1000);
  const tasks = await takeLongTasks(page);
  if (process.env.BENCH_DEBUG && tasks.length > 0) console.error(tab, JSON.stringify(tasks), JSON.stringify(await takeLongFrames(page)));
  return Math.max(0, ...tasks.map(([, d]) => d));
}

const app = await startBenchApp(Number(process.env.NETLOOM_BENCH_PORT ?? 4338));
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.url);
  await templateOnSample(page, 'cnn', 'digits');
  await page.getByLabel('Epochs', { exact: true }).fill('30');
  await recordLongTasks(page);
  if (process.env.BENCH_DEBUG) await recordLongFrames(page);
  await page.getByTestId('train').click();
  await page.getByTestId('progress-text').filter({ hasText: 'samples/s' }).waitFor({ timeout: 60_000 });
  const toModel: number[] = [];
  const toTrain: number[] = [];
  for (let i = 0; i < SWITCHES; i += 1) {
    toModel.push(await switchTo(page, 'tab-model', 'node-conv2d_1'));
    toTrain.push(await switchTo(page, 'tab-train', 'training-view'));
  }
  await page.getByTestId('stop').click();
  console.log(
    JSON.stringify({
      bench: 'tab-switch-while-training',
      switches: SWITCHES,
      ...spreadFields('to_model_worst_task_ms', toModel),
      ...spreadFields('to_train_worst_task_ms', toTrain),
      over_50ms: [...toModel, ...toTrain].filter((ms) => ms > 0).length,
    }),
  );
} finally {
  await app.close();
}
