import type { Page } from '@playwright/test';

// Page scripts are strings: tsx would wrap functions with a `__name` helper the page lacks.
const START_RECORDING = `(() => {
  const b = (window.__bench = { long: [], frames: [], run: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.long.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (now) => { b.frames.push(now - last); last = now; if (b.run) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const STOP_RECORDING = `(() => {
  const b = window.__bench;
  b.run = false;
  const frames = [...b.frames].sort((x, y) => x - y);
  return {
    long_tasks: b.long.length,
    worst_long_task_ms: Math.round(Math.max(0, ...b.long)),
    frames: frames.length,
    p95_frame_ms: Number((frames[Math.floor(frames.length * 0.95)] ?? 0).toFixed(1)),
    worst_frame_ms: Number((frames[frames.length - 1] ?? 0).toFixed(1)),
  };
})()`;

/** What one gesture cost the page: long tasks (over 50 ms) and frame gaps. */
export type CanvasFigures = Record<'long_tasks' | 'worst_long_task_ms' | 'frames' | 'p95_frame_ms' | 'worst_frame_ms', number>;

/** Starts recording long tasks and frame gaps in the page. */
const startRecording = (page: Page) => page.evaluate(START_RECORDING);
/** Stops recording and returns the figures. */
const stopRecording = (page: Page) => page.evaluate(STOP_RECORDING) as Promise<CanvasFigures>;

type Box = { x: number; y: number; width: number; height: number };

/** Opens project `file` in the app at `url`, fits it, then zooms in `zoomSteps` wheel notches. Returns the canvas box. */
export async function openOnCanvas(page: Page, url: string, file: string, layers: number, zoomSteps: number): Promise<Box> {
  await page.goto(url);
  await page.getByTestId('open-file-input').setInputFiles(file);
  await page.getByText(`${layers} layers`).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('toolbar-fit').click();
  await page.waitForTimeout(500);
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('canvas not visible');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 3);
  for (let i = 0; i < zoomSteps; i += 1) await page.mouse.wheel(0, -150);
  await page.waitForTimeout(500);
  return canvas;
}

/**
 * The ids of the canvas nodes matching `selector` that are fully on screen (only those are
 * mounted on a big graph), away from the edges where a drag auto-pans.
 */
export async function visibleIds(page: Page, canvas: Box, selector = '.react-flow__node'): Promise<string[]> {
  const ids: string[] = [];
  for (const el of await page.locator(selector).all()) {
    const b = await el.boundingBox();
    if (b && b.x > canvas.x + 40 && b.y > canvas.y + 40 && b.x + b.width < canvas.x + canvas.width - 260 && b.y + b.height < canvas.y + canvas.height - 160) {
      ids.push((await el.getAttribute('data-id')) ?? '');
    }
  }
  return ids;
}

/** Drags canvas node `id` by its middle across the canvas in 60 small moves, as a hand would. Throws when it did not move. */
export async function dragFigures(page: Page, id: string): Promise<CanvasFigures> {
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  const box = await node.boundingBox();
  if (!box) throw new Error(`node ${id} not visible`);
  await startRecording(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 60; i += 1) await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + box.height / 2 + i * 1.5);
  await page.mouse.up();
  await page.waitForTimeout(200);
  const after = await node.boundingBox();
  // A figure for a drag that moved nothing would be meaningless.
  if (!after || Math.abs(after.x - box.x) < 100) throw new Error(`the dragged node did not move (${box.x} -> ${after?.x})`);
  return stopRecording(page);
}

/** Pans the empty canvas from its bottom-left corner, then zooms in and out with the wheel. */
export async function panZoomFigures(page: Page): Promise<CanvasFigures> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('pane not visible');
  await startRecording(page);
  await page.mouse.move(pane.x + 20, pane.y + pane.height - 20);
  await page.mouse.down();
  for (let i = 1; i <= 40; i += 1) await page.mouse.move(pane.x + 20 + i * 6, pane.y + pane.height - 20 - i * 3);
  await page.mouse.up();
  for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(300);
  return stopRecording(page);
}
