// Training only the head (the digits CNN's Conv2D layers frozen) against the whole model, on wasm
// in Node through the same runTraining as the worker. tfjs minimizes over the trainable weights
// only, so a frozen base runs forward only (src/train/fine-tune.test.ts counts the kernels): the
// head alone should train several times faster. Interleaved rounds, one JSON line with medians.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setTrainable } from '../src/analysis/ops';
import { digitsCnn } from '../src/analysis/templates';
import { loadIdxSample, sampleById } from '../src/data/samples';
import type { IdxSample } from '../src/data/samples';
import { splitDataset } from '../src/data/split';
import type { Dataset, SplitDataset } from '../src/data/types';
import type { Graph } from '../src/graph/types';
import { activateBackend } from '../src/train/backend';
import { trainingConfigSchema } from '../src/settings/training';
import { runTraining } from '../src/train/run-training';
import { nodeWasmPaths } from '../src/train/wasm-paths.node.js';

const SAMPLES = 960;
const ROUNDS = 5;

await activateBackend(tf, ['wasm'], { wasmPaths: nodeWasmPaths() });
const publicDir = new URL('../public/', import.meta.url);
const dataset = await loadIdxSample(sampleById('digits') as IdxSample, async (path) => new Uint8Array(await readFile(fileURLToPath(new URL(path, publicDir)))));
const split = splitDataset(dataset, { validation: 0, stratified: true, seed: 42 });
const first = (d: Dataset, n: number): Dataset => ({
  ...d,
  count: n,
  x: d.x.subarray(0, (d.x.length / d.count) * n),
  y: d.y.subarray(0, (d.y.length / d.count) * n),
});
const data: SplitDataset = { train: first(split.train, SAMPLES), validation: split.validation };
const config = trainingConfigSchema.parse({ epochs: 1, batchSize: 32 });

const whole = digitsCnn();
const head = setTrainable(
  whole,
  whole.nodes.filter((n) => n.kind === 'Conv2D').map((n) => n.id),
  false,
);

async function samplesPerSecond(graph: Graph): Promise<number> {
  const started = performance.now();
  const result = await runTraining(tf, { graph, config, data });
  const seconds = (performance.now() - started) / 1000;
  result.model.dispose();
  return SAMPLES / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
await samplesPerSecond(whole); // warm-up: kernels compiled, buffers allocated
const runs = { head: [] as number[], whole: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  runs.whole.push(await samplesPerSecond(whole));
  runs.head.push(await samplesPerSecond(head));
}
const fig = (xs: number[]) => Math.round(median(xs));
const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))}`;
console.log(
  JSON.stringify({
    bench: 'frozen-base',
    backend: 'wasm',
    model: 'digits CNN',
    head_only_samples_per_s: fig(runs.head),
    head_only_spread: spread(runs.head),
    whole_samples_per_s: fig(runs.whole),
    whole_spread: spread(runs.whole),
    speedup: Number((median(runs.head) / median(runs.whole)).toFixed(2)),
    rounds: ROUNDS,
  }),
);
