// Pretrains the digits CNN template on the built-in 3,000 MNIST digits and writes its
// convolutional base, with those weights, as the project public/models/pretrained-digits-base.netloom.json
// (the New menu's "Pretrained digits base" template). Run from the repository root:
// `npx tsx scripts/make-pretrained-base.ts`. It downloads nothing. The wasm backend, a fixed seed
// and seeded Dropout make it deterministic: running it twice writes the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { digitsCnn, digitsCnnBase, PRETRAINED_DIGITS_BASE } from '../src/analysis/templates';
import { prepareFromDataset } from '../src/data/prepare';
import { DEFAULT_SPLIT } from '../src/data/validation';
import { loadIdxSample, sampleById } from '../src/data/samples';
import type { IdxSample } from '../src/data/samples';
import { packWeights } from '../src/graph/inline-weights';
import type { Graph } from '../src/graph/types';
import { emptyProject, serializeProject } from '../src/project/project-file';
import { activateBackend } from '../src/train/backend';
import { trainingConfigSchema } from '../src/settings/training';
import { runTraining } from '../src/train/run-training';
import { nodeWasmPaths } from '../src/train/wasm-paths.node.js';

const ROOT = process.cwd();
const PUBLIC = join(ROOT, 'public');

await activateBackend(tf, ['wasm'], { wasmPaths: nodeWasmPaths() });
const dataset = await loadIdxSample(sampleById('digits') as IdxSample, async (path) => new Uint8Array(readFileSync(join(PUBLIC, path))));
// The app's defaults (10 epochs, batch 32, Adam 0.001, seed 42, 20% held out), as a user would train it.
const config = trainingConfigSchema.parse({});
const data = prepareFromDataset(dataset, DEFAULT_SPLIT);
const result = await runTraining(tf, { graph: digitsCnn(10), config, data });
if (result.status !== 'completed') throw new Error(`pretraining ended ${result.status}: ${result.message ?? ''}`);

/** The graph with ids made from its layer names, so the file's bytes do not depend on random ids. */
function stableIds(graph: Graph): Graph {
  const ids = new Map(graph.nodes.map((n) => [n.id, `node_${n.name}`]));
  const id = (old: string) => ids.get(old) ?? old;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, id: id(n.id) })),
    edges: graph.edges.map((e, i) => ({ ...e, id: `edge_${i + 1}`, source: id(e.source), target: id(e.target) })),
  };
}

// Keep the layers of the base only; their names are the full CNN's, so the weights keep theirs.
const base = stableIds(digitsCnnBase());
const layers = new Set(base.nodes.map((n) => n.name));
const weights = result.model.weights
  .filter((v) => layers.has(v.originalName.split('/')[0] ?? ''))
  .map((v) => ({ name: v.originalName, shape: v.shape.map((d) => d ?? 0), values: Float32Array.from(v.read().dataSync()) }));
result.model.dispose();

const text = serializeProject({ ...emptyProject('Pretrained digits base'), graph: base, weights: packWeights(weights) });
const out = join(PUBLIC, PRETRAINED_DIGITS_BASE);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
const accuracy = result.history.val_accuracy?.at(-1) ?? NaN;
console.log(
  `wrote ${out.slice(ROOT.length + 1)} (${text.length} bytes): ${weights.map((w) => w.name).join(', ')}; ` +
    `the full CNN reached val_accuracy ${accuracy.toFixed(4)} on ${data.validation.count} held-out digits after ${result.epochsRun} epochs`,
);
