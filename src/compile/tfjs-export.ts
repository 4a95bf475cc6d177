/**
 * model.json + weights that both tfjs (`tf.loadLayersModel`) and the Python
 * `tensorflowjs_converter` read: what tfjs itself writes, with the params tfjs forgets written
 * back and Netloom's metadata attached. Pure except `exportFreshModel`, which is given tfjs.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { zipSync, type Zippable } from 'fflate';
import type { Graph, LayerNode } from '../graph/types';
import { invariant } from '../lib/invariant';
import type { Tf } from '../layers/layer-spec';
import { TFJS_SERIALISATION_GAPS } from '../layers/parity-cases';
import { WEIGHTS_FILE, type ModelFiles } from './model-files';
import { tfjsExportFiles } from './netloom-layers';
import { netloomMetadataBlock, type NetloomMetadata } from './tfjs-metadata';
import { applyWeights } from './tfjs-import';
import type { WeightValues } from './tfjs-weights';
import { toTfjsModel } from './to-tfjs';

export type { NetloomMetadata } from './tfjs-metadata';
export type { ModelFiles } from './model-files';

/** The `generatedBy` Netloom writes: its name, then the tfjs that serialised the topology. */
export const GENERATED_BY = 'Netloom (TensorFlow.js tfjs-layers v4.22.0)';

/**
 * What `model.save(tf.io.withSaveHandler(...))` hands over, or the same posted from the training
 * worker: the page needs no tfjs to turn it into files.
 */
export interface SavedArtifacts {
  readonly modelTopology?: unknown;
  readonly weightSpecs?: readonly tfjs.io.WeightsManifestEntry[];
  readonly weightData?: ArrayBuffer | readonly ArrayBuffer[];
}

/** Options of `exportModelJson`. */
export interface ExportOptions {
  /** The graph the model was compiled from: the source of params tfjs does not serialise. */
  readonly graph: Graph;
  readonly metadata?: NetloomMetadata;
  /** The weights file's name, as model.json's manifest names it. */
  readonly weightsFileName?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One buffer from tfjs 4's `ArrayBuffer | ArrayBuffer[]` (shards of one weights blob). */
function joinBuffers(data: SavedArtifacts['weightData']): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  if (!Array.isArray(data)) return new Uint8Array((data as ArrayBuffer).slice(0));
  const parts = (data as readonly ArrayBuffer[]).map((b) => new Uint8Array(b));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * A copy of the topology with every param that tfjs 4.22 leaves out of a layer's config set from
 * the graph, so the file reloads as the same model (else a SeparableConv2D with depth_multiplier
 * 2 comes back with 1 and its weights no longer fit).
 */
export function fixTopology(topology: unknown, graph: Graph): Record<string, unknown> {
  invariant(isRecord(topology), 'the model topology is not an object');
  const copy = structuredClone(topology);
  const model = isRecord(copy.model_config) ? copy.model_config : copy;
  const layers = isRecord(model.config) ? model.config.layers : undefined;
  invariant(Array.isArray(layers), 'the model topology has no layer list');
  const byName = new Map<string, LayerNode>(graph.nodes.map((n) => [n.name, n]));
  for (const layer of layers as unknown[]) {
    if (!isRecord(layer) || !isRecord(layer.config)) continue;
    const name = typeof layer.name === 'string' ? layer.name : layer.config.name;
    const node = typeof name === 'string' ? byName.get(name) : undefined;
    for (const key of node ? (TFJS_SERIALISATION_GAPS[node.kind] ?? []) : []) {
      if (node?.params[key] !== undefined) layer.config[key] = node.params[key];
    }
  }
  return copy;
}

const bytesPerValue = (spec: tfjs.io.WeightsManifestEntry): number =>
  spec.quantization ? (spec.quantization.dtype === 'uint8' ? 1 : 2) : spec.dtype === 'bool' ? 1 : 4;

/**
 * model.json text and the weights file for saved artifacts: `format: layers-model`, Netloom as
 * generator, no converter, the fixed-up topology, `userDefinedMetadata.netloom`, and one manifest
 * group pointing at one shard, `./<weightsFileName>` as tfjs's own downloads write it.
 */
export function exportModelJson(artifacts: SavedArtifacts, opts: ExportOptions): ModelFiles {
  const weights = joinBuffers(artifacts.weightData);
  const specs = [...(artifacts.weightSpecs ?? [])];
  const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPerValue(s), 0);
  invariant(expected === weights.byteLength, `weight specs describe ${expected} bytes but the data has ${weights.byteLength}`);
  const json = {
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    modelTopology: fixTopology(artifacts.modelTopology, opts.graph),
    weightsManifest: [{ paths: [`./${opts.weightsFileName ?? WEIGHTS_FILE}`], weights: specs }],
    userDefinedMetadata: netloomMetadataBlock(opts.metadata),
  };
  return { modelJson: JSON.stringify(json), weights };
}

/** The artifacts of a model, through the save handler tfjs calls. */
export async function saveArtifacts(tf: Tf, model: tfjs.LayersModel): Promise<tfjs.io.ModelArtifacts> {
  let saved: tfjs.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  invariant(saved, 'the model was not saved');
  return saved;
}

/**
 * model.json + weights for a graph: with `weights` (trained or imported, named `<layer>/<param>`)
 * set on the model built from it, or, without, its initializers' draws. Every weight must fit
 * (see `applyWeights`). Throws GraphError when the graph has errors, UserFileError when the
 * weights do not fit it.
 */
export async function exportGraphModel(
  tf: Tf,
  graph: Graph,
  opts: { readonly weights?: readonly WeightValues[]; readonly metadata?: NetloomMetadata; readonly name?: string } = {},
): Promise<ModelFiles> {
  const model = toTfjsModel(tf, graph, opts.name ?? 'model');
  try {
    if (opts.weights) applyWeights(tf, model, opts.weights);
    return exportModelJson(await saveArtifacts(tf, model), { graph, ...(opts.metadata ? { metadata: opts.metadata } : {}) });
  } finally {
    model.dispose();
  }
}

/** model.json + weights for a graph that was never trained (see `exportGraphModel`). */
export function exportFreshModel(tf: Tf, graph: Graph, metadata?: NetloomMetadata, name = 'model'): Promise<ModelFiles> {
  return exportGraphModel(tf, graph, { ...(metadata ? { metadata } : {}), name });
}

/**
 * One zip holding the export's files (`tfjsExportFiles`: `model.json`, the weights file and, for
 * a model using a class Netloom registers, `netloom-layers.js` from `layersJs`): a single download
 * from the page. The weights are stored, not deflated: float32 weights barely compress, and
 * deflating a large base's hundred megabytes would take seconds.
 */
export function zipModel(files: ModelFiles, layersJs?: string, weightsFileName = WEIGHTS_FILE): Uint8Array {
  const entries = tfjsExportFiles(files, layersJs, weightsFileName).map(({ name, contents }) =>
    typeof contents === 'string' ? [name, new TextEncoder().encode(contents)] : [name, [contents, { level: 0 }]],
  );
  return zipSync(Object.fromEntries(entries) as Zippable);
}
