// The pretrained digits base, frozen with a new Dense head, against the same CNN from scratch, on
// the small UCI digits set (5 and 20 images a digit from e2e/fixtures/uci-digits/train, the 300 in
// test/ held out), same settings and seed, in Node on wasm:
// `npx tsx bench/transfer-digits.bench.ts [--epochs N]`. One JSON line; the README quotes it.
import { readFile } from 'node:fs/promises';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { PRETRAINED_DIGITS_BASE } from '../src/analysis/templates';
import { loadImageDataset } from '../src/data/images/image-dataset';
import { nodeDecoder } from '../src/data/images/node-decode';
import { folderEntries } from '../src/data/node-files';
import { unpackWeights } from '../src/graph/inline-weights';
import { parseProjectFile } from '../src/project/project-file';
import { activateBackend } from '../src/train/backend';
import { trainingConfigSchema } from '../src/settings/training';
import { compareTransfer, firstPerClass, TRANSFER_CONFIG } from '../src/train/transfer-learning';
import { nodeWasmPaths } from '../src/train/wasm-paths.node.js';

const i = argv.indexOf('--epochs');
const epochs = i >= 0 ? Number(argv[i + 1]) : TRANSFER_CONFIG.epochs;
const root = new URL('../', import.meta.url);
const path = (p: string) => fileURLToPath(new URL(p, root));

const active = await activateBackend(tf, ['wasm'], { wasmPaths: nodeWasmPaths() });
const project = parseProjectFile(await readFile(path(`public/${PRETRAINED_DIGITS_BASE}`), 'utf8'), PRETRAINED_DIGITS_BASE);
if (!project.weights) throw new Error(`${PRETRAINED_DIGITS_BASE} has no weights`);
const load = async (name: string) =>
  (await loadImageDataset(await folderEntries(path(`e2e/fixtures/uci-digits/${name}`)), { decoder: nodeDecoder, pickedFolder: true })).dataset;
const [train, validation] = await Promise.all([load('train'), load('test')]);
const config = trainingConfigSchema.parse({ ...TRANSFER_CONFIG, epochs });

const results: Record<string, number | string> = {
  bench: 'transfer-digits',
  backend: active.backend,
  epochs,
  batch: config.batchSize,
  validation: validation.count,
};
const started = performance.now();
for (const perClass of [5, 20]) {
  const { pretrained, scratch } = await compareTransfer(tf, { train: firstPerClass(train, perClass), validation }, unpackWeights(project.weights), config);
  results[`pretrained_frozen_val_acc_${perClass}_a_class`] = Number(pretrained.toFixed(4));
  results[`scratch_val_acc_${perClass}_a_class`] = Number(scratch.toFixed(4));
}
results.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
console.log(JSON.stringify(results));
