import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { mulberry32 } from '../src/lib/random';
import { longTaskFigures, recordLongTasks, takeLongTasks } from './app-steps';
import { startBenchApp } from './browser';

/** A CSV of `columns` columns (numeric features, then a class label) and `rows` rows. */
function wideCsv(columns: number, rows: number): string {
  const rng = mulberry32(11);
  const names = [...Array.from({ length: columns - 1 }, (_, j) => `f${j + 1}`), 'label'];
  const lines = [names.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const cells = Array.from({ length: columns - 1 }, () => (rng() * 100).toFixed(2));
    lines.push(`${cells.join(',')},class_${i % 3}`);
  }
  return `${lines.join('\n')}\n`;
}

// Scrolls every scroll box in the Data view to its end, a wheel-sized step per frame, as a user
// would; a string because tsx would wrap a function with a helper the page lacks.
const SCROLL_THROUGH = `(async () => {
  const boxes = [document.querySelector('.data-main'), ...document.querySelectorAll('.data-main .data-scroll')].filter(Boolean);
  for (const box of boxes) {
    for (let i = 0; i < 40; i++) {
      box.scrollTop += 400;
      box.scrollLeft += 400;
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
  }
})()`;

const DOM_SIZE = `document.querySelector('[data-testid="data-view"]').getElementsByTagName('*').length`;

const COLUMNS = Number(process.env.WIDE_COLUMNS ?? 2000);
const dir = await mkdtemp(join(tmpdir(), 'netloom-wide-'));
const file = join(dir, `wide-${COLUMNS}.csv`);
await writeFile(file, wideCsv(COLUMNS, 200));

const app = await startBenchApp(4323);
try {
  const page: Page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.url);
  await page.getByTestId('tab-data').click();
  await recordLongTasks(page);
  const start = Date.now();
  await page.getByTestId('csv-input').setInputFiles(file);
  await page.getByTestId('data-x-shape').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const shown = (Date.now() - start) / 1000;
  const load = await takeLongTasks(page);
  const elements = (await page.evaluate(DOM_SIZE)) as number;
  console.log(
    JSON.stringify({
      bench: 'wide-table-load',
      columns: COLUMNS,
      seconds_to_shown: Number(shown.toFixed(2)),
      data_view_elements: elements,
      ...longTaskFigures(load),
    }),
  );

  await page.evaluate(SCROLL_THROUGH);
  await page.waitForTimeout(300);
  console.log(JSON.stringify({ bench: 'wide-table-scroll', columns: COLUMNS, ...longTaskFigures(await takeLongTasks(page)) }));

  await page.evaluate(`document.querySelectorAll('.data-main, .data-main .data-scroll').forEach((b) => { b.scrollTop = 0; b.scrollLeft = 0; })`);
  await page.waitForTimeout(300);
  await takeLongTasks(page);
  const editStart = Date.now();
  await page.getByLabel('f1 role', { exact: true }).selectOption('ignore');
  await page
    .getByTestId('data-x-shape')
    .getByText(`(None, ${COLUMNS - 2})`)
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  const edit = (Date.now() - editStart) / 1000;
  console.log(
    JSON.stringify({ bench: 'wide-table-edit', columns: COLUMNS, seconds_to_refit: Number(edit.toFixed(2)), ...longTaskFigures(await takeLongTasks(page)) }),
  );
} finally {
  await app.close();
}
