import type { Page } from '@playwright/test';

/**
 * In the open app: a new project from `template`, the built-in `sample` as its data, the model
 * fitted to it, then the Train tab once a backend is chosen. Returns that backend's name.
 */
export async function templateOnSample(page: Page, template: string, sample: string): Promise<string | null> {
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId(`template-${template}`).click();
  // The "New project" notice sits over the bottom of the page; dismiss it so clicks land.
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByTestId('tab-data').click();
  await page.getByTestId(`sample-${sample}`).click();
  await page.getByTestId('data-loading').waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByTestId('wiring-bar').waitFor();
  await page.waitForTimeout(300);
  if (await page.getByTestId('fit-model').isVisible()) await page.getByTestId('fit-model').click();
  await page.getByTestId('tab-train').click();
  await page.getByTestId('backend-name').waitFor({ timeout: 30_000 });
  return page.getByTestId('backend-name').textContent();
}

// Page scripts are strings: tsx would wrap functions with a `__name` helper the page lacks.
const OBSERVE_LONG_TASKS = `(() => {
  const b = (window.__longTasks = { list: [], t0: performance.now() });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.list.push([Math.round(e.startTime - b.t0), Math.round(e.duration)]); }).observe({ type: 'longtask' });
})()`;

/** Starts recording the page's main-thread long tasks (over 50 ms). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(OBSERVE_LONG_TASKS);
}

/** The long tasks since the recording started or was last taken: [start ms, duration ms] each. */
export async function takeLongTasks(page: Page): Promise<[number, number][]> {
  return (await page.evaluate('window.__longTasks.list.splice(0)')) as [number, number][];
}

/** How many long tasks, and the worst one's duration (0 when none), for a bench line. */
export function longTaskFigures(tasks: readonly [number, number][]): { main_thread_long_tasks: number; worst_main_thread_task_ms: number } {
  return { main_thread_long_tasks: tasks.length, worst_main_thread_task_ms: Math.max(0, ...tasks.map(([, d]) => d)) };
}
