import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchCsv } from '../scripts/scale-data';
import { longTaskFigures, recordLongTasks, takeLongTasks } from './app-steps';
import { startBenchApp } from './browser';

const dir = await mkdtemp(join(tmpdir(), 'netloom-csv-'));
const file = join(dir, 'big.csv');
const size = await writeBenchCsv(file, { megabytes: 50 });
const app = await startBenchApp(4322);
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.url);
  await page.getByTestId('tab-data').click();
  await recordLongTasks(page);
  const start = Date.now();
  await page.getByTestId('csv-input').setInputFiles(file);
  await page.getByTestId('table-facts').waitFor({ timeout: 120_000 });
  const seconds = (Date.now() - start) / 1000;
  const rows = Number(/([\d,]+) rows/.exec((await page.getByTestId('table-facts').textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
  // The table shows first; the plan is fitted in the table worker, then the data's shape shows.
  await page.getByTestId('data-x-shape').waitFor({ timeout: 60_000 });
  const fitSeconds = (Date.now() - start) / 1000;
  const long = await takeLongTasks(page);
  console.log(
    JSON.stringify({
      bench: 'csv-ingest',
      megabytes: Number((size / 1e6).toFixed(1)),
      seconds: Number(seconds.toFixed(2)),
      mb_per_s: Number((size / 1e6 / seconds).toFixed(1)),
      seconds_to_plan_fitted: Number(fitSeconds.toFixed(2)),
      ...longTaskFigures(long),
      rows,
    }),
  );

  // A plan edit refits every row, in the table worker.
  const editStart = Date.now();
  await page.getByLabel('f1 role').selectOption('ignore');
  await page.getByTestId('data-x-shape').getByText('(None, 10)').waitFor({ timeout: 60_000 });
  const editSeconds = (Date.now() - editStart) / 1000;
  const editLong = await takeLongTasks(page);
  console.log(
    JSON.stringify({
      bench: 'csv-plan-edit',
      rows,
      seconds_to_refit: Number(editSeconds.toFixed(2)),
      ...longTaskFigures(editLong),
    }),
  );

  // Train on it: the samples are made in the table worker and sent on to the training worker.
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('template-seed').click();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId('fit-model').click();
  await page.getByTestId('tab-train').click();
  await page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
  await takeLongTasks(page);
  const t0 = Date.now();
  await page.getByTestId('train').click();
  await page.getByTestId('progress-text').getByText('batch').waitFor({ timeout: 60_000 });
  const t1 = Date.now();
  await page.getByTestId('stop').click();
  await page.getByTestId('progress-text').getByText('Stopped').waitFor({ timeout: 60_000 });
  const trainLong = await takeLongTasks(page);
  console.log(
    JSON.stringify({
      bench: 'csv-train-start',
      rows,
      train_click_to_first_batch_ms: t1 - t0,
      ...longTaskFigures(trainLong),
    }),
  );
} finally {
  await app.close();
}
