/**
 * The checks every corpus model goes through (test support): load the original with plain tfjs,
 * import it into Netloom, compare the summary with tfjs layer by layer, export it through the
 * CLI and through the app's export code, load what comes out with `tf.loadLayersModel`, and
 * compare predictions.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { analyze } from '../analysis/analyze';
import type { Graph } from '../graph/types';
import type { Tf } from '../layers/layer-spec';
import { runCli } from '../cli/run-cli';
import { NETLOOM_LAYERS_JS } from '../compile/generated/netloom-layers-source';
import { readModelZip } from '../compile/model-zip';
import { exportModelJson, saveArtifacts, zipModel } from '../compile/tfjs-export';
import { applyWeights, importLayersModel, type ImportedLayersModel } from '../compile/tfjs-import';
import { basename, readManifest, type WeightFile } from '../compile/tfjs-weights';
import { toTfjsModel } from '../compile/to-tfjs';

/** A model.json as tfjs reads it from memory: topology, weight specs and the shards joined in manifest order. */
export function fromFiles(tf: Tf, json: unknown, weightFiles: readonly WeightFile[]) {
  const manifest = readManifest(json) ?? [];
  const byName = new Map(weightFiles.map((f) => [basename(f.name), f.bytes]));
  const parts = manifest.flatMap((g) => g.paths.map((p) => byName.get(basename(p)) ?? new Uint8Array(0)));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  parts.reduce((at, p) => (data.set(p, at), at + p.byteLength), 0);
  const { modelTopology } = json as { modelTopology: tfjs.io.ModelJSON['modelTopology'] };
  return tf.io.fromMemory({ modelTopology, weightSpecs: manifest.flatMap((g) => g.weights) as tfjs.io.WeightsManifestEntry[], weightData: data.buffer });
}

/** Loads a model.json with tfjs's own loader. */
export const loadWithTfjs = (tf: Tf, json: unknown, weightFiles: readonly WeightFile[]) => tf.loadLayersModel(fromFiles(tf, json, weightFiles));

const count = (ws: readonly tfjs.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce<number>((a, d) => a * (d ?? 0), 1), 0);

/**
 * Every difference between Netloom's analysis of the imported graph and the model tfjs loaded:
 * each layer's output shape, trainable and non-trainable weight counts, and the totals. Empty
 * when they agree.
 */
export function summaryDifferences(graph: Graph, model: tfjs.LayersModel): string[] {
  const analysis = analyze(graph);
  const out: string[] = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `error: ${d.message}`);
  // A tfjs Sequential keeps its InputLayer out of `layers`; its input tensors still lead to it.
  const layers = [...model.layers, ...model.inputs.map((t) => t.sourceLayer).filter((l) => !model.layers.includes(l))];
  for (const node of graph.nodes) {
    const layer = layers.find((l) => l.name === node.name);
    if (!layer) {
      out.push(`${node.name}: not in the tfjs model`);
      continue;
    }
    const ours = analysis.nodes[node.id];
    const theirs = { shape: layer.outputShape, trainable: count(layer.trainableWeights), nonTrainable: count(layer.nonTrainableWeights) };
    const mine = { shape: ours?.shape, trainable: ours?.params.trainable, nonTrainable: ours?.params.nonTrainable };
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) out.push(`${node.name}: Netloom ${JSON.stringify(mine)} vs tfjs ${JSON.stringify(theirs)}`);
  }
  const totals = { trainable: count(model.trainableWeights), nonTrainable: count(model.nonTrainableWeights) };
  if (JSON.stringify(analysis.total) !== JSON.stringify(totals))
    out.push(`totals: Netloom ${JSON.stringify(analysis.total)} vs tfjs ${JSON.stringify(totals)}`);
  return out;
}

/** model.json + weights as the app makes them: the worker's model with the imported weights, zipped for download, then opened back. */
export async function appExport(tf: Tf, imported: ImportedLayersModel): Promise<{ json: unknown; weightFiles: readonly WeightFile[] }> {
  const model = toTfjsModel(tf, imported.graph);
  try {
    applyWeights(tf, model, imported.weights ?? []);
    const files = exportModelJson(await saveArtifacts(tf, model), { graph: imported.graph, metadata: { project: imported.modelName } });
    const zip = await readModelZip(zipModel(files, NETLOOM_LAYERS_JS));
    if (zip.kind !== 'layers') throw new Error('the app zip holds no model.json');
    return { json: JSON.parse(zip.json) as unknown, weightFiles: zip.weightFiles };
  } finally {
    model.dispose();
  }
}

/** model.json + weights through the command line: `import` into a project file, then `export --format tfjs`. */
export async function cliExport(tf: Tf, json: unknown, weightFiles: readonly WeightFile[]): Promise<{ json: unknown; weightFiles: WeightFile[]; log: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'netloom-corpus-'));
  // The CLI runs on the cpu backend; the caller's predictions go back to its own afterwards.
  const backend = tf.getBackend();
  try {
    const manifest = readManifest(json) ?? [];
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    for (const f of weightFiles) await writeFile(join(dir, basename(f.name)), f.bytes);
    const log: string[] = [];
    const io = { readText: (p: string) => readFile(p, 'utf8'), out: (t: string) => log.push(t), err: (t: string) => log.push(t) };
    const project = join(dir, 'model.netloom.json');
    if ((await runCli(['import', join(dir, 'model.json'), '--out', project], io)) !== 0) throw new Error(log.join('\n'));
    if ((await runCli(['export', project, '--format', 'tfjs', '--out', join(dir, 'out')], io)) !== 0) throw new Error(log.join('\n'));
    const out = JSON.parse(await readFile(join(dir, 'out', 'model.json'), 'utf8')) as unknown;
    const shards = (readManifest(out) ?? manifest).flatMap((g) => g.paths.map(basename));
    const files = await Promise.all(shards.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, 'out', name))) })));
    return { json: out, weightFiles: files, log: log.join('\n') };
  } finally {
    await tf.setBackend(backend);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Largest absolute difference between two models' outputs on the same inputs. */
export function maxDifference(tf: Tf, a: tfjs.LayersModel, b: tfjs.LayersModel, xs: tfjs.Tensor | tfjs.Tensor[]): number {
  return tf.tidy(() => {
    const outA = [a.predict(xs)].flat() as tfjs.Tensor[];
    const outB = [b.predict(xs)].flat() as tfjs.Tensor[];
    return Math.max(...outA.map((t, i) => tf.max(tf.abs(tf.sub(t, outB[i] as tfjs.Tensor))).dataSync()[0] ?? Infinity));
  });
}

/** Imports a model with its weights, as every path does first. */
export const importModel = (json: unknown, weightFiles: readonly WeightFile[], fileName: string) => importLayersModel({ json, fileName, weightFiles });
