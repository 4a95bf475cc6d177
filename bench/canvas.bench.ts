import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { layeredLayout } from '../src/graph/layout';
import { emptyProject, serializeProject } from '../src/graph/project-file';
import { startBenchApp } from './browser';
import { residualGraph } from './graphs';

/** Starts recording long tasks and frame gaps in the page. */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { long: number[]; frames: number[]; run: boolean } };
    w.__bench = { long: [], frames: [], run: true };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.long.push(e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now: number) => {
      w.__bench.frames.push(now - last);
      last = now;
      if (w.__bench.run) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopRecording(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __bench: { long: number[]; frames: number[]; run: boolean } };
    w.__bench.run = false;
    const frames = [...w.__bench.frames].sort((a, b) => a - b);
    return {
      long_tasks: w.__bench.long.length,
      worst_long_task_ms: Math.round(Math.max(0, ...w.__bench.long)),
      frames: frames.length,
      p95_frame_ms: Number((frames[Math.floor(frames.length * 0.95)] ?? 0).toFixed(1)),
      worst_frame_ms: Number((frames[frames.length - 1] ?? 0).toFixed(1)),
    };
  });
}

const LAYERS = 300;
const dir = await mkdtemp(join(tmpdir(), 'netloom-bench-'));
const file = join(dir, 'big.netloom.json');
await writeFile(file, serializeProject({ ...emptyProject('bench-300'), graph: layeredLayout(residualGraph(LAYERS)) }));

const app = await startBenchApp();
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(file);
  await page.locator('.react-flow__node').nth(LAYERS - 1).waitFor();
  await page.getByTestId('toolbar-fit').click();
  await page.waitForTimeout(500);

  // Drag one node across the canvas in 60 small moves, as a hand would.
  const node = page.locator('.react-flow__node').nth(Math.floor(LAYERS / 2));
  const box = await node.boundingBox();
  if (!box) throw new Error('node not visible');
  await startRecording(page);
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  for (let i = 1; i <= 60; i += 1) await page.mouse.move(box.x + box.width / 2 + i * 4, box.y + 8 + i * 2);
  await page.mouse.up();
  await page.waitForTimeout(200);
  console.log(JSON.stringify({ bench: 'canvas-drag', layers: LAYERS, ...(await stopRecording(page)) }));

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
