import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphBuilder } from '../src/analysis/builder';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { formatCount } from '../src/lib/format-count';
import { longTaskFigures, recordLongTasks, takeLongTasks } from './app-steps';
import { startBenchApp } from './browser';

// Opening a project of 5,000 layers (a chain of Dense layers, 3.3 MB): how long the page is
// blocked, from choosing the file until it has drawn the canvas and the summary. Each run opens
// it in a fresh page; the figure is the median of RUNS with its spread.
const LAYERS = 5000;
const RUNS = 5;

const builder = new GraphBuilder();
let x = builder.input([8]);
for (let i = 0; i < LAYERS; i += 1) x = builder.add('Dense', { units: 8, activation: 'relu' }, x);
const dir = await mkdtemp(join(tmpdir(), 'netloom-bench-'));
const file = join(dir, 'deep.netloom.json');
await writeFile(file, serializeProject({ ...emptyProject('deep-5000'), graph: builder.graph }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const app = await startBenchApp();
try {
  const worst: number[] = [];
  const blocked: number[] = [];
  const mounted: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await page.getByTestId('open-file-input').waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    await recordLongTasks(page);
    await page.getByTestId('open-file-input').setInputFiles(file);
    await page
      .getByTestId('summary-totals')
      .filter({ hasText: formatCount(LAYERS * 72) })
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    const tasks = await takeLongTasks(page);
    worst.push(longTaskFigures(tasks).worst_main_thread_task_ms);
    blocked.push(tasks.reduce((sum, [, d]) => sum + d, 0));
    mounted.push(await page.locator('.react-flow__node').count());
    await page.close();
  }
  const spread = (xs: number[]) => `${Math.min(...xs)}-${Math.max(...xs)}`;
  console.log(
    JSON.stringify({
      bench: 'open-5000-layers',
      runs: RUNS,
      worst_task_ms_median: median(worst),
      worst_task_ms_range: spread(worst),
      blocked_ms_median: median(blocked),
      blocked_ms_range: spread(blocked),
      nodes_mounted: median(mounted),
    }),
  );
} finally {
  await app.close();
}
