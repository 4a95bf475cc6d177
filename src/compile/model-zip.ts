import { basename } from './tfjs-weights';
import type { WeightFile } from './tfjs-weights';
import { formatBytes, zipEntries } from '../data/images/zip';
import { UserFileError } from '../lib/errors';

/** What a zip of a model holds: a Netloom project, or a layers model.json with its shards. */
export type ModelZip =
  | { readonly kind: 'project'; readonly fileName: string; readonly text: string }
  | { readonly kind: 'layers'; readonly fileName: string; readonly json: string; readonly weightFiles: readonly WeightFile[] };

/** A model zip may expand to this much: the weights of a large pretrained base fit. */
export const MAX_MODEL_ZIP_BYTES = 1e9;

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** True when the bytes are a zip (by their signature, whatever the file is called). */
export const looksLikeZip = isZip;

/**
 * Reads a zip as Netloom exports it (model.json + model.weights.bin) or as a user packs a model
 * folder (model.json and its shards anywhere inside; shards matched by name as tfjs does), or a
 * zip holding a `.netloom.json` project. Sizes are checked from the zip's directory before
 * anything is inflated. A zip with neither is a UserFileError that says what it holds.
 */
export async function readModelZip(bytes: Uint8Array): Promise<ModelZip> {
  // Folder entries name no file of a model.
  const entries = zipEntries(bytes).filter((e) => !e.path.endsWith('/'));
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > MAX_MODEL_ZIP_BYTES) {
    throw new UserFileError(`the zip would expand to ${formatBytes(total)}, over the ${formatBytes(MAX_MODEL_ZIP_BYTES)} limit for a model`);
  }
  const text = async (path: string) => new TextDecoder().decode(await (entries.find((e) => e.path === path) as (typeof entries)[number]).read());
  const project = entries.find((e) => e.path.endsWith('.netloom.json'));
  if (project) return { kind: 'project', fileName: basename(project.path), text: await text(project.path) };
  const modelJson = entries.find((e) => basename(e.path) === 'model.json') ?? entries.find((e) => e.path.endsWith('.json'));
  if (!modelJson) {
    const names = entries.slice(0, 5).map((e) => e.path);
    throw new UserFileError(`the zip holds no model.json or .netloom.json (it has ${names.length === 0 ? 'no files' : names.join(', ')})`);
  }
  const bins = entries.filter((e) => e !== modelJson && !e.path.endsWith('/') && !e.path.endsWith('.json'));
  const weightFiles = await Promise.all(bins.map(async (e) => ({ name: basename(e.path), bytes: await e.read() })));
  return { kind: 'layers', fileName: basename(modelJson.path), json: await text(modelJson.path), weightFiles };
}
