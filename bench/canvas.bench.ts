import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layeredLayout } from '../src/graph/layout';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { startBenchApp } from './browser';
import { dragFigures, openOnCanvas, panZoomFigures, visibleIds } from './canvas-steps';
import { residualGraph } from './graphs';

const LAYERS = 300;
const dir = await mkdtemp(join(tmpdir(), 'netloom-bench-'));
const file = join(dir, 'big.netloom.json');
await writeFile(file, serializeProject({ ...emptyProject('bench-300'), graph: layeredLayout(residualGraph(LAYERS)) }));

const app = await startBenchApp();
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Work at a readable zoom, as people do: most of the 300 layers are off screen.
  const canvas = await openOnCanvas(page, app.url, file, LAYERS, 8);
  const first = (await visibleIds(page, canvas))[0];
  if (first === undefined) throw new Error('no node fully visible to drag');

  // First a cold drag (the first interaction of the session), then another node once the code paths are warm.
  for (const label of ['canvas-drag-first', 'canvas-drag'] as const) {
    const id = label === 'canvas-drag-first' ? first : (await visibleIds(page, canvas)).find((x) => x !== first);
    if (id === undefined) throw new Error('no second node fully visible to drag');
    console.log(JSON.stringify({ bench: label, layers: LAYERS, ...(await dragFigures(page, id)) }));
    await page.waitForTimeout(600);
  }

  console.log(JSON.stringify({ bench: 'canvas-pan-zoom', layers: LAYERS, ...(await panZoomFigures(page)) }));
} finally {
  await app.close();
}
