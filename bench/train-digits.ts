// Trains the digits CNN template on the built-in 3k MNIST digits in Node, through the same
// runTraining as the worker: `npx tsx bench/train-digits.ts [--backend wasm|cpu] [--epochs N]`.
// One JSON line per epoch, then one with the best val_accuracy and the time. Too slow for the
// unit tests on the cpu backend; wasm (with the gradient kernels it lacks registered by
// activateBackend) is the default.
import { readFile } from 'node:fs/promises';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { loadIdxSample, sampleById } from '../src/data/samples';
import type { IdxSample } from '../src/data/samples';
import { splitDataset } from '../src/data/split';
import { digitsCnn } from '../src/analysis/templates';
import { activateBackend } from '../src/train/backend';
import { trainingConfigSchema } from '../src/settings/training';
import { runTraining } from '../src/train/run-training';
import { nodeWasmPaths } from '../src/train/wasm-paths.node.js';

const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const backend = option('backend', 'wasm') === 'cpu' ? 'cpu' : 'wasm';
const epochs = Number(option('epochs', '15'));

const active = await activateBackend(tf, [backend], { wasmPaths: nodeWasmPaths() });
const sample = sampleById('digits') as IdxSample;
const publicDir = new URL('../public/', import.meta.url);
const dataset = await loadIdxSample(sample, async (path) => new Uint8Array(await readFile(fileURLToPath(new URL(path, publicDir)))));
const data = splitDataset(dataset, { validation: 0.2, stratified: true, seed: 42 });

const started = performance.now();
let best = 0;
let bestEpoch = 0;
const result = await runTraining(
  tf,
  { graph: digitsCnn(), config: trainingConfigSchema.parse({ epochs, batchSize: 32, learningRate: 0.001 }), data },
  {
    onEpoch: (epoch, logs) => {
      const acc = logs.val_accuracy ?? 0;
      if (acc > best) [best, bestEpoch] = [acc, epoch + 1];
      const round = (v: number | undefined) => (v === undefined ? undefined : Number(v.toFixed(4)));
      const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
      console.log(
        JSON.stringify({
          bench: 'train-digits',
          epoch: epoch + 1,
          loss: round(logs.loss),
          acc: round(logs.accuracy),
          val_loss: round(logs.val_loss),
          val_acc: round(acc),
          seconds,
        }),
      );
    },
  },
);
const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
console.log(
  JSON.stringify({
    bench: 'train-digits',
    backend: active.backend,
    status: result.status,
    epochs: result.epochsRun,
    best_val_acc: Number(best.toFixed(4)),
    best_epoch: bestEpoch,
    seconds,
    train: data.train.count,
    validation: data.validation.count,
  }),
);
result.model.dispose();
