/**
 * Importing a TF.js layers model (model.json + weights shards) as a Netloom graph with its
 * weights. Everything but `applyWeights` runs without tfjs, so the page stays light.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { UserFileError } from '../lib/errors';
import { invariant } from '../lib/invariant';
import type { Tf } from '../layers/layer-spec';
import { graphFromKerasModel, type ImportedModel } from './from-keras';
import { readNetloomMetadata, type NetloomMetadata } from './tfjs-metadata';
import { graphWeightName, layerNaming, paramKey } from './tfjs-weight-names';
import { readManifest, readWeights, type WeightFile, type WeightValues } from './tfjs-weights';
import { weightsProblem } from './weights-fit';
import { toTfjsModel } from './to-tfjs';
import type { Graph } from '../graph/types';

export type { WeightFile, WeightValues } from './tfjs-weights';

/** A model.json as read, with whatever weights files came with it. */
export interface LayersModelFiles {
  /** The parsed model.json. */
  readonly json: unknown;
  /** Its file name, for messages. */
  readonly fileName: string;
  /** The shards; without them only the topology is imported. Matched by basename. */
  readonly weightFiles?: readonly WeightFile[];
}

/** An imported layers model: the graph, and the weights named `<graph layer>/<param>`. */
export interface ImportedLayersModel extends ImportedModel {
  /** Present when weight files were given (empty for a model without weights). */
  readonly weights?: readonly WeightValues[];
  /** Netloom's own block, when the file was written by Netloom. */
  readonly metadata?: NetloomMetadata;
}

/** Adds the file name to a UserFileError raised without one. */
function naming<T>(fileName: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UserFileError && error.file === undefined) throw new UserFileError(error.message, fileName);
    throw error;
  }
}

/**
 * Reads a TF.js layers model.json (from tfjs `save()` or the converter, Keras 2 or 3) and, when
 * given, its weights: shards matched to the manifest by basename and joined in manifest order,
 * float32 / int32 and quantized uint8 / uint16 / float16 decoded, Keras 3 model-name prefixes
 * and `:0` suffixes dropped, layer names renamed to the graph's. Every problem is a UserFileError
 * naming `fileName`: missing shard, sizes that do not add up, graph models, unknown layers.
 */
export function importLayersModel(files: LayersModelFiles): ImportedLayersModel {
  const { graph, modelName, unkept } = graphFromKerasModel(files.json, files.fileName);
  return naming(files.fileName, () => {
    const metadata = readNetloomMetadata(files.json);
    const result = { graph, modelName, unkept, ...(metadata ? { metadata } : {}) };
    if (files.weightFiles === undefined) return result;
    const manifest = readManifest(files.json);
    if (manifest === undefined) {
      if (files.weightFiles.length === 0) return { ...result, weights: [] };
      throw new UserFileError('it has no weights manifest, so it names no weights files to read');
    }
    const names = layerNaming(files.json);
    const graphNames = new Set(graph.nodes.map((n) => n.name));
    invariant(
      [...names.names.values()].every((n) => graphNames.has(n)),
      'weight naming disagrees with the imported graph',
    );
    const seen = new Set<string>();
    const weights = readWeights(manifest, files.weightFiles).map((w) => {
      const name = graphWeightName(w.name, names);
      if (seen.has(name)) throw new UserFileError(`the weights manifest names "${w.name}" twice`);
      seen.add(name);
      return { ...w, name };
    });
    const problem = weightsProblem(graph, weights);
    if (problem !== null) throw new UserFileError(`its weights do not fit its model: ${problem}`);
    return { ...result, weights };
  });
}

const layerOf = (name: string) => name.slice(0, Math.max(0, name.indexOf('/')));

/**
 * Sets imported weights on a model compiled from the imported graph (`toTfjsModel`), matching
 * `<layer>/<param>` names exactly or up to how inner RNN / Bidirectional layers are named. Every
 * weight must land and every variable must be set; a wrong shape is refused naming the weight.
 */
export function applyWeights(tf: Tf, model: tfjs.LayersModel, weights: readonly WeightValues[]): void {
  const variables = new Map(model.weights.map((v) => [v.originalName, v]));
  // The loose key of a weight, when no other weight of its layer has the same one: MultiHeadAttention's
  // `query/kernel` and `key/kernel` both read `kernel`, and a name that matches neither exactly must
  // not land on whichever came last.
  const loose = new Map<string, tfjs.LayerVariable | null>();
  for (const v of model.weights) {
    const key = `${layerOf(v.originalName)}//${paramKey(v.originalName)}`;
    loose.set(key, loose.has(key) ? null : v);
  }
  const targets = weights.map((w) => {
    const v = variables.get(w.name) ?? loose.get(`${layerOf(w.name)}//${paramKey(w.name)}`) ?? undefined;
    if (v === undefined) throw new UserFileError(`weight "${w.name}" matches no weight of the model`);
    const want = v.shape.join('×');
    if (want !== w.shape.join('×')) {
      throw new UserFileError(`weight "${w.name}" has shape [${w.shape.join(', ')}] but the model's "${v.originalName}" is [${v.shape.join(', ')}]`);
    }
    return { v, w };
  });
  const set = new Set(targets.map((t) => t.v));
  if (set.size < targets.length) throw new UserFileError('two weights in the file set the same weight of the model');
  const unset = model.weights.find((v) => !set.has(v));
  if (unset !== undefined) throw new UserFileError(`the weights have no values for "${unset.originalName}"`);
  for (const { v, w } of targets) {
    const value = tf.tensor(w.values, [...w.shape], w.dtype);
    v.write(value);
    value.dispose();
  }
}

/**
 * Builds `graph`'s model, sets `weights` on it and frees it: throws a UserFileError naming the
 * first weight whose shape does not fit its variable (a count check cannot see a transposed kernel).
 */
export function checkWeightShapes(tf: Tf, graph: Graph, weights: readonly WeightValues[]): void {
  const model = toTfjsModel(tf, graph);
  try {
    applyWeights(tf, model, weights);
  } finally {
    model.dispose();
  }
}
