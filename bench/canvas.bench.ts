import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { layeredLayout } from '../src/graph/layout';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { startBenchApp } from './browser';
import { residualGraph } from './graphs';

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

/** Starts recording long tasks and frame gaps in the page. */
const startRecording = (page: Page) => page.evaluate(START_RECORDING);
/** Stops recording and returns the figures. */
const stopRecording = (page: Page) => page.evaluate(STOP_RECORDING) as Promise<Record<string, number>>;

const LAYERS = 300;
const dir = await mkdtemp(join(tmpdir(), 'netloom-bench-'));
const file = join(dir, 'big.netloom.json');
await writeFile(file, serializeProject({ ...emptyProject('bench-300'), graph: layeredLayout(residualGraph(LAYERS)) }));

const app = await startBenchApp();
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(file);
  await page.getByText(`${LAYERS} layers`).waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByTestId('toolbar-fit').click();
  await page.waitForTimeout(500);
  // Work at a readable zoom, as people do: most of the 300 layers are off screen.
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('canvas not visible');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 3);
  for (let i = 0; i < 8; i += 1) await page.mouse.wheel(0, -150);
  await page.waitForTimeout(500);
  // Nodes fully on screen (only those are mounted), away from the edges where a drag auto-pans.
  const visibleIds = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (const el of await page.locator('.react-flow__node').all()) {
      const b = await el.boundingBox();
      if (b && b.x > canvas.x + 40 && b.y > canvas.y + 40 && b.x + b.width < canvas.x + canvas.width - 260 && b.y + b.height < canvas.y + canvas.height - 160) {
        ids.push((await el.getAttribute('data-id')) ?? '');
      }
    }
    return ids;
  };
  const first = (await visibleIds())[0];
  if (first === undefined) throw new Error('no node fully visible to drag');

  // Drag a node across the canvas in 60 small moves, as a hand would: first a cold drag (the
  // first interaction of the session), then another node once the code paths are warm.
  for (const label of ['canvas-drag-first', 'canvas-drag'] as const) {
    const id = label === 'canvas-drag-first' ? first : (await visibleIds()).find((x) => x !== first);
    if (id === undefined) throw new Error('no second node fully visible to drag');
    const node = page.locator(`.react-flow__node[data-id="${id}"]`);
    const box = await node.boundingBox();
    if (!box) throw new Error('node not visible');
    await startRecording(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 60; i += 1) await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + box.height / 2 + i * 1.5);
    await page.mouse.up();
    await page.waitForTimeout(200);
    const after = await node.boundingBox();
    // A figure for a drag that moved nothing would be meaningless.
    if (!after || Math.abs(after.x - box.x) < 100) throw new Error(`the dragged node did not move (${box.x} -> ${after?.x})`);
    console.log(JSON.stringify({ bench: label, layers: LAYERS, ...(await stopRecording(page)) }));
    await page.waitForTimeout(600);
  }

  // Pan the empty canvas and zoom with the wheel.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('pane not visible');
  await startRecording(page);
  await page.mouse.move(pane.x + 20, pane.y + pane.height - 20);
  await page.mouse.down();
  for (let i = 1; i <= 40; i += 1) await page.mouse.move(pane.x + 20 + i * 6, pane.y + pane.height - 20 - i * 3);
  await page.mouse.up();
  for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(300);
  console.log(JSON.stringify({ bench: 'canvas-pan-zoom', layers: LAYERS, ...(await stopRecording(page)) }));
} finally {
  await app.close();
}
