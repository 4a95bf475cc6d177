import { analyze } from '../src/analysis/analyze';
import { residualGraph } from './graphs';

/** Median and worst of `runs` timings of `fn`, in milliseconds, after a few warm-up calls. */
function time(fn: () => void, runs: number): { median: number; max: number } {
  for (let i = 0; i < 5; i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)] ?? 0, max: samples[runs - 1] ?? 0 };
}

const FRAME_MS = 16.7;
for (const size of [50, 300, 500, 1000]) {
  const graph = residualGraph(size);
  const analysis = analyze(graph);
  if (analysis.hasErrors) throw new Error(`bench graph of ${size} layers has errors`);
  const { median, max } = time(() => analyze(graph), 200);
  console.log(
    JSON.stringify({
      bench: 'analyze',
      layers: graph.nodes.length,
      median_ms: Number(median.toFixed(3)),
      max_ms: Number(max.toFixed(3)),
      frame_fraction: Number((median / FRAME_MS).toFixed(4)),
    }),
  );
}
