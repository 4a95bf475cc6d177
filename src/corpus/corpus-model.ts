/**
 * The generated corpus (test support): small models built with tfjs's own API, never with
 * Netloom's layer specs, so that nothing in them is shaped by what Netloom writes. Each recipe
 * builds one model, its weights are set from a seeded uniform draw, and it is saved in memory as
 * tfjs saves it (`model.save(tf.io.withSaveHandler(...))`): a model.json and its weight shard.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/layer-spec';
import type { WeightFile } from '../compile/tfjs-weights';

/** One model input's sample: its shape without the batch axis, and what values it takes. */
export interface Sample {
  readonly shape: readonly number[];
  /** Whole-number ids from 0 to `ids - 1` (Embedding, CategoryEncoding) instead of floats in [-1, 1). */
  readonly ids?: number;
  /** Steps (axis 1) set to `value` in every sample, so a Masking layer has something to mask. */
  readonly masked?: { readonly value: number; readonly steps: readonly number[] };
}

/** What a recipe's `edit` receives and returns: a model.json, topology and manifest. */
export interface ModelJson {
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly modelTopology: Record<string, unknown>;
  readonly weightsManifest: readonly { readonly paths: readonly string[]; readonly weights: readonly Record<string, unknown>[] }[];
}

/** A recipe: how to build one corpus model with tfjs, and what it feeds on. */
export interface CorpusCase {
  /** Unique, kebab-case: the test's label. */
  readonly id: string;
  /** The tfjs layer classes (or traits) the model is there to cover. */
  readonly covers: readonly string[];
  /** Builds the model with `tf.layers.*`, `tf.input`, `tf.model`, `tf.sequential` (or a class Netloom registers with tfjs). */
  readonly build: (tf: Tf) => tfjs.LayersModel;
  /** One sample per model input, in the model's input order. */
  readonly samples: readonly Sample[];
  /**
   * Rewrites the saved model.json into another writer's spelling (Keras 2, Keras 3) that tfjs
   * itself may not read; the reference is then loaded from the file as tfjs saved it. The built
   * model is there to read shapes from.
   */
  readonly edit?: (json: ModelJson, model: tfjs.LayersModel) => ModelJson;
  /** Split the weights over this many shards (tfjs writes one). */
  readonly shards?: number;
}

/** A corpus model as files, with the files tfjs saved for the reference. */
export interface CorpusModel {
  readonly id: string;
  readonly covers: readonly string[];
  /** The model.json Netloom reads (edited when the recipe edits it). */
  readonly json: ModelJson;
  readonly weightFiles: readonly WeightFile[];
  /** The model.json and shards as tfjs saved them: what the reference is loaded from. */
  readonly reference: { readonly json: ModelJson; readonly weightFiles: readonly WeightFile[] };
  readonly samples: readonly Sample[];
}

/**
 * Sets every weight from a seeded uniform draw in [-0.5, 0.5), moving variances in [0.5, 1.5),
 * one seed per weight: no weight keeps its initial zero or one, and no two weights are alike.
 */
export function seedWeights(tf: Tf, model: tfjs.LayersModel, seed: number): void {
  model.weights.forEach((v, i) => {
    const variance = v.originalName.endsWith('moving_variance');
    const value = tf.randomUniform(v.shape as number[], variance ? 0.5 : -0.5, variance ? 1.5 : 0.5, 'float32', seed * 1000 + i);
    v.write(value);
    value.dispose();
  });
}

const joined = (data: ArrayBuffer | ArrayBuffer[]): Uint8Array => {
  const parts = (Array.isArray(data) ? data : [data]).map((b) => new Uint8Array(b));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.byteLength), 0);
  return out;
};

/** The model as tfjs's save writes it: model.json (as an object) and one shard. */
export async function saveModel(model: tfjs.LayersModel, tf: Tf): Promise<{ json: ModelJson; weightFiles: WeightFile[] }> {
  let saved: tfjs.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
    }),
  );
  if (saved === undefined) throw new Error('tfjs saved nothing');
  const shard = 'group1-shard1of1.bin';
  const json: ModelJson = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    modelTopology: saved.modelTopology as Record<string, unknown>,
    weightsManifest: [{ paths: [shard], weights: (saved.weightSpecs ?? []) as unknown as Record<string, unknown>[] }],
  };
  return { json, weightFiles: [{ name: shard, bytes: joined(saved.weightData ?? new ArrayBuffer(0)) }] };
}

/** The same bytes over `n` shards of about equal size, named as the converter names them. */
function reshard(json: ModelJson, files: readonly WeightFile[], n: number): { json: ModelJson; weightFiles: WeightFile[] } {
  const bytes = joined(files.map((f) => f.bytes.slice().buffer));
  const size = Math.ceil(bytes.byteLength / n);
  const weightFiles = Array.from({ length: n }, (_, i) => ({ name: `group1-shard${i + 1}of${n}.bin`, bytes: bytes.slice(i * size, (i + 1) * size) }));
  const weights = json.weightsManifest.flatMap((g) => g.weights);
  return { json: { ...json, weightsManifest: [{ paths: weightFiles.map((f) => f.name), weights }] }, weightFiles };
}

/** Builds, seeds and saves one recipe; the tfjs model is disposed once saved. */
export async function buildCorpusModel(tf: Tf, recipe: CorpusCase, seed: number): Promise<CorpusModel> {
  const model = recipe.build(tf);
  try {
    seedWeights(tf, model, seed);
    const reference = await saveModel(model, tf);
    const sharded = recipe.shards === undefined ? reference : reshard(reference.json, reference.weightFiles, recipe.shards);
    // A deep copy, so that an edit cannot reach the reference's objects.
    const copy = JSON.parse(JSON.stringify(sharded.json)) as ModelJson;
    const json = recipe.edit ? recipe.edit(copy, model) : copy;
    return { id: recipe.id, covers: recipe.covers, json, weightFiles: sharded.weightFiles, reference, samples: recipe.samples };
  } finally {
    model.dispose();
  }
}

/** A batch of `batch` samples per input, the same for every call with the same seed. */
export function sampleInputs(tf: Tf, samples: readonly Sample[], batch: number, seed: number): tfjs.Tensor[] {
  return samples.map((s, i) =>
    tf.tidy(() => {
      const shape = [batch, ...s.shape];
      if (s.ids !== undefined) return tf.floor(tf.randomUniform(shape, 0, s.ids, 'float32', seed + i));
      const x = tf.randomUniform(shape, -1, 1, 'float32', seed + i);
      if (s.masked === undefined) return x;
      const { value, steps } = s.masked;
      const keep = Array.from({ length: s.shape[0] ?? 0 }, (_, t) => (steps.includes(t) ? 0 : 1));
      const k = tf.tensor(keep, [1, keep.length, ...s.shape.slice(1).map(() => 1)]);
      return tf.add(tf.mul(x, k), tf.mul(tf.sub(1, k), value));
    }),
  );
}
