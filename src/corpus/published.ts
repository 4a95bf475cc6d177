/**
 * Layers models published by others in npm packages (devDependencies), read from node_modules as
 * their packages ship them: no download at test time. Node only (test support).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WeightFile } from '../compile/tfjs-weights';

/** A published model: its model.json text, its weight shards, and where it comes from. */
export interface PublishedModel {
  readonly id: string;
  /** Package, version and licence, for messages and the README. */
  readonly source: string;
  readonly json: unknown;
  readonly weightFiles: readonly WeightFile[];
  /** One sample's shape for a prediction (fills the model's unknown sizes). */
  readonly sampleShape: readonly number[];
}

const require = createRequire(import.meta.url);
// The packages' `exports` hide their package.json and model files, so they are found on disk.
const packageDir = (name: string) => fileURLToPath(new URL(`../../node_modules/${name}`, import.meta.url));

/**
 * nsfwjs ships each model as UMD modules: model.min.js exports the model.json object, each
 * group1-shardNofM.min.js the shard's bytes as base64.
 */
function nsfwjs(model: string, sampleShape: readonly number[]): PublishedModel {
  const dir = join(packageDir('nsfwjs'), 'dist', 'models', model);
  const json = require(join(dir, 'model.min.js')) as { weightsManifest: { paths: string[] }[] };
  const weightFiles = json.weightsManifest.flatMap((g) =>
    g.paths.map((path) => ({ name: path, bytes: new Uint8Array(Buffer.from(require(join(dir, `${path}.min.js`)) as string, 'base64')) })),
  );
  return { id: `nsfwjs-${model}`, source: `nsfwjs 4.4.0 (MIT), ${model}`, json, weightFiles, sampleShape };
}

/** UpscalerJS's default ESRGAN model: a plain model.json and one shard, input (None, None, None, 3). */
function upscaler(): PublishedModel {
  const dir = join(packageDir('@upscalerjs/default-model'), 'models');
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as unknown;
  const weightFiles = [{ name: 'group1-shard1of1.bin', bytes: new Uint8Array(readFileSync(join(dir, 'group1-shard1of1.bin'))) }];
  return { id: 'upscaler-default', source: '@upscalerjs/default-model 1.0.0 (MIT), ESRGAN x2', json, weightFiles, sampleShape: [12, 10, 3] };
}

/** Every published model the corpus tests: a MobileNet-style base, a large Inception, and one with unknown sizes. */
export function publishedModels(): PublishedModel[] {
  return [nsfwjs('mobilenet_v2', [224, 224, 3]), nsfwjs('inception_v3', [299, 299, 3]), upscaler()];
}
