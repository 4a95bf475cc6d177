// Figure 3: cold start of the real app (dist/, served by vite preview): navigation to the empty
// canvas, the gzipped JS the page loads before any training, and Train click to the first batch
// progress message from the training worker.
import { gzipSync } from 'node:zlib';
import type { Response } from '@playwright/test';
import { templateOnSample } from './app-steps';
import { startBenchApp } from './browser';

/**
 * Injected before the app's scripts: notes when the empty canvas appears (MutationObserver) and
 * wraps Worker so that every worker's messages are timestamped as they reach the page.
 */
const INIT = `(() => {
  const b = (window.__cold = { emptyAt: null, workers: [], firstBatchAt: null, clickAt: null, domBatchAt: null });
  const check = () => {
    if (b.emptyAt === null && document.querySelector('[data-testid="canvas-empty"]')) b.emptyAt = performance.now();
    if (b.clickAt !== null && b.domBatchAt === null) {
      const t = document.querySelector('[data-testid="progress-text"]')?.textContent || '';
      if (/[1-9][0-9,]* samples\\/s/.test(t) || t.includes('Finished')) b.domBatchAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      b.workers.push([String(url), performance.now()]);
      this.addEventListener('message', (e) => {
        if (b.firstBatchAt === null && b.clickAt !== null && e.data && e.data.type === 'batch') b.firstBatchAt = performance.now();
      });
    }
  };
})()`;

interface ColdState {
  emptyAt: number | null;
  workers: [string, number][];
  firstBatchAt: number | null;
  clickAt: number | null;
  domBatchAt: number | null;
}

const app = await startBenchApp(4325);
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(INIT);
  const js: { url: string; bytes: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  let collecting = true;
  page.on('response', (response: Response) => {
    if (!collecting) return;
    const url = response.url();
    const type = response.headers()['content-type'] ?? '';
    if (!/\.m?js(\?|$)/.test(new URL(url).pathname) && !type.includes('javascript')) return;
    pending.push(
      response.body().then(
        (body) => void js.push({ url, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => undefined,
      ),
    );
  });

  const navStart = Date.now();
  await page.goto(app.url, { waitUntil: 'load' });
  await page.getByTestId('canvas-empty').waitFor({ state: 'visible' });
  const wallToEmpty = Date.now() - navStart;
  // Idle: no requests for 500 ms (Playwright's networkidle), then a little slack for late chunks.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  collecting = false;
  await Promise.all(pending);
  const nav = (await page.evaluate(
    'JSON.stringify((({ domInteractive, domContentLoadedEventEnd, loadEventEnd }) => ({ domInteractive, domContentLoadedEventEnd, loadEventEnd }))(performance.getEntriesByType("navigation")[0]))',
  )) as string;
  const timing = JSON.parse(nav) as { domInteractive: number; domContentLoadedEventEnd: number; loadEventEnd: number };
  const cold = (await page.evaluate('window.__cold')) as ColdState;
  const name = (u: string) => new URL(u).pathname.split('/').pop() ?? u;
  const tfjsChunks = js.filter((f) => /train\.worker-.*\.js$/.test(name(f.url)) || /tfjs/i.test(name(f.url)));
  const workersBeforeTrain = cold.workers.map(([u]) => name(u));

  // Train: the seed template on the Iris sample, 1 epoch, as a user does it.
  const backend = await templateOnSample(page, 'seed', 'iris');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  const workerBeforeClick = ((await page.evaluate('window.__cold.workers.length')) as number) > workersBeforeTrain.length;
  // The click is timed in the page: a capture listener notes performance.now() as the click lands.
  await page.evaluate(
    `document.querySelector('[data-testid="train"]').addEventListener('click', () => { if (window.__cold.clickAt === null) window.__cold.clickAt = performance.now(); }, { capture: true, once: true })`,
  );
  await page.getByTestId('train').click();
  // Polled with evaluate: waitForFunction evaluates its string with eval, which the page's CSP refuses.
  for (const until = Date.now() + 60_000; !(await page.evaluate('window.__cold.firstBatchAt !== null && window.__cold.domBatchAt !== null'));) {
    if (Date.now() > until) throw new Error('no first batch within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const after = (await page.evaluate('window.__cold')) as ColdState;
  const ms = (v: number | null) => (v === null ? null : Math.round(v));
  const sum = (k: 'bytes' | 'gzip') => js.reduce((a, f) => a + f[k], 0);
  console.log(
    JSON.stringify({
      bench: 'cold-start',
      empty_canvas_ms: ms(cold.emptyAt),
      dom_interactive_ms: ms(timing.domInteractive),
      dom_content_loaded_ms: ms(timing.domContentLoadedEventEnd),
      load_event_end_ms: ms(timing.loadEventEnd),
      wall_nav_to_empty_ms: wallToEmpty,
      initial_js_files: js.length,
      initial_js_kb: Number((sum('bytes') / 1024).toFixed(1)),
      initial_js_gzip_kb: Number((sum('gzip') / 1024).toFixed(1)),
      tfjs_in_initial_bundle: tfjsChunks.length > 0 || workersBeforeTrain.some((w) => /train\.worker-|tfjs/i.test(w)),
      workers_before_train: workersBeforeTrain.length,
      worker_started_before_click: workerBeforeClick,
      backend,
      train_click_to_first_batch_message_ms: after.firstBatchAt !== null && after.clickAt !== null ? ms(after.firstBatchAt - after.clickAt) : null,
      train_click_to_first_batch_on_screen_ms: after.domBatchAt !== null && after.clickAt !== null ? ms(after.domBatchAt - after.clickAt) : null,
    }),
  );
  if (process.env.BENCH_DEBUG) console.error(JSON.stringify({ js, workers: after.workers }, null, 1));
} finally {
  await app.close();
}
