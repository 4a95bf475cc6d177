import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layeredLayout } from '../src/graph/layout';
import type { Graph } from '../src/graph/types';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { startBenchApp } from './browser';
import { dragFigures, openOnCanvas, panZoomFigures, visibleIds } from './canvas-steps';
import type { CanvasFigures } from './canvas-steps';
import { groupedBaseGraph, residualGraph } from './graphs';

// A 150-layer base in one Model group, collapsed (one card) and expanded (a frame round 150 cards),
// against the ungrouped 300-layer graph of canvas.bench.ts, interleaved so a busy VM hits all alike.
const RUNS = Number(process.env.NETLOOM_BENCH_RUNS ?? 3);
const dir = await mkdtemp(join(tmpdir(), 'netloom-bench-'));
const variants = [
  { name: 'ungrouped-300', graph: layeredLayout(residualGraph(300)), zoom: 8 },
  { name: 'base-150-collapsed', graph: groupedBaseGraph(true), zoom: 0 },
  { name: 'base-150-expanded', graph: groupedBaseGraph(false), zoom: 8 },
] as const;
const files = await Promise.all(
  variants.map(async (v) => {
    const file = join(dir, `${v.name}.netloom.json`);
    await writeFile(file, serializeProject({ ...emptyProject(v.name), graph: v.graph }));
    return file;
  }),
);

/** The nodes to drag: the group's card when collapsed, else two layers on screen (members when grouped). */
function dragTargets(graph: Graph, onScreen: readonly string[]): [string, string] {
  const group = graph.groups?.[0];
  if (group?.collapsed) return [group.id, group.id];
  const members = new Set(group?.members ?? graph.nodes.map((n) => n.id));
  const [a, b] = onScreen.filter((id) => members.has(id));
  if (a === undefined || b === undefined) throw new Error(`fewer than two layers to drag on screen (${onScreen.length} on screen)`);
  return [a, b];
}

const results = new Map<string, CanvasFigures[]>();
const keep = (key: string, f: CanvasFigures) => results.set(key, [...(results.get(key) ?? []), f]);
const app = await startBenchApp();
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const [i, v] of variants.entries()) {
      const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
      const canvas = await openOnCanvas(page, app.url, files[i] ?? '', v.graph.nodes.length, v.zoom);
      const [first, second] = dragTargets(v.graph, await visibleIds(page, canvas, '.react-flow__node-layer, .react-flow__node-layerGroup'));
      keep(`${v.name}|drag-first`, await dragFigures(page, first));
      await page.waitForTimeout(600);
      keep(`${v.name}|drag`, await dragFigures(page, second));
      await page.waitForTimeout(600);
      keep(`${v.name}|pan-zoom`, await panZoomFigures(page));
      await page.close();
    }
  }
} finally {
  await app.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
for (const [key, runs] of results) {
  const [graph, gesture] = key.split('|');
  const figure = (k: keyof CanvasFigures) => median(runs.map((r) => r[k]));
  const spread = (k: keyof CanvasFigures) => `${Math.min(...runs.map((r) => r[k]))}-${Math.max(...runs.map((r) => r[k]))}`;
  console.log(
    JSON.stringify({
      bench: `canvas-group-${gesture}`,
      graph,
      runs: runs.length,
      long_tasks: figure('long_tasks'),
      long_tasks_range: spread('long_tasks'),
      worst_long_task_ms: figure('worst_long_task_ms'),
      p95_frame_ms: figure('p95_frame_ms'),
      worst_frame_ms: figure('worst_frame_ms'),
      worst_frame_range: spread('worst_frame_ms'),
    }),
  );
}
