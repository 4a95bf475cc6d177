/**
 * Reading a TF.js weights manifest and its shards without tfjs, so the page can import a model
 * without loading it: shard matching, size checks, float32 / int32 and the converter's
 * quantizations (uint8, uint16, float16).
 */
import { z } from '../lib/zod';
import { UserFileError } from '../lib/errors';
import { assertNever } from '../lib/assert-never';
import { zodMessage } from '../lib/parse-file';
import { formatCount } from '../lib/format-count';

/** A weights file as given by the user: its name (basename is what counts) and bytes. */
export interface WeightFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** One decoded weight. `values` are always float32; `dtype` says what the model stores. */
export interface WeightValues {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  readonly values: Float32Array;
}

const quantizationSchema = z.looseObject({
  dtype: z.enum(['uint8', 'uint16', 'float16']),
  scale: z.number().optional(),
  min: z.number().optional(),
});

const entrySchema = z.looseObject({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  dtype: z.string(),
  quantization: quantizationSchema.optional(),
});

const manifestSchema = z.array(z.looseObject({ paths: z.array(z.string()), weights: z.array(entrySchema) }));

/** One weight of a manifest group (`quantization` as the converter writes it). */
export interface ManifestEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly quantization?: { readonly dtype: 'uint8' | 'uint16' | 'float16'; readonly scale?: number; readonly min?: number };
}

/** One manifest group: its shards in order, and the weights they hold back to back. */
export interface ManifestGroup {
  readonly paths: readonly string[];
  readonly weights: readonly ManifestEntry[];
}

type Entry = ManifestEntry;
type Group = ManifestGroup;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file name after the last `/` (or `\`): browsers and tfjs match shards by basename. */
export const basename = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** The manifest of a parsed model.json, or undefined when it has none (a bare topology). */
export function readManifest(json: unknown): Group[] | undefined {
  if (!isRecord(json) || json.weightsManifest === undefined) return undefined;
  const parsed = manifestSchema.safeParse(json.weightsManifest);
  if (!parsed.success) throw new UserFileError(`its weights manifest is not valid: ${zodMessage(parsed.error, 'weightsManifest')}`);
  return parsed.data;
}

/** Every shard the manifest names, in order, by basename. */
export const manifestFiles = (manifest: readonly Group[]): string[] => manifest.flatMap((g) => g.paths.map(basename));

const count = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function bytesPer(entry: Entry): number {
  if (entry.quantization) return entry.quantization.dtype === 'uint8' ? 1 : 2;
  if (entry.dtype === 'float32' || entry.dtype === 'int32') return 4;
  throw new UserFileError(`weight "${entry.name}" has dtype ${entry.dtype}; a layers model's weights are float32 or int32`);
}

/** IEEE 754 half precision to a JS number (subnormals, infinities and NaN included). */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decode(view: DataView, at: number, entry: Entry): Float32Array {
  const n = count(entry.shape);
  const out = new Float32Array(n);
  const q = entry.quantization;
  if (q === undefined) {
    const int = entry.dtype === 'int32';
    for (let i = 0; i < n; i++) out[i] = int ? view.getInt32(at + 4 * i, true) : view.getFloat32(at + 4 * i, true);
    return out;
  }
  if (q.dtype === 'float16') {
    for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(at + 2 * i, true));
    return out;
  }
  const { scale, min } = q;
  if (scale === undefined || min === undefined) throw new UserFileError(`weight "${entry.name}" is ${q.dtype}-quantized without scale and min`);
  // tfjs rounds dequantized int32 weights back to integers; so do we.
  const round = entry.dtype === 'int32' ? Math.round : (v: number) => v;
  for (let i = 0; i < n; i++) {
    const stored = q.dtype === 'uint8' ? view.getUint8(at + i) : q.dtype === 'uint16' ? view.getUint16(at + 2 * i, true) : assertNever(q.dtype);
    out[i] = round(stored * scale + min);
  }
  return out;
}

/** The group's shards joined in manifest order (weights may straddle shard boundaries). */
function join(paths: readonly string[], byName: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const parts = paths.map((p) => byName.get(basename(p)) ?? new Uint8Array(0));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.byteLength), 0);
  return out;
}

/**
 * Decodes the weights the manifest describes from the given files, matched by basename: a
 * missing shard or a size that does not add up is a UserFileError; files it does not name are
 * ignored. Names are returned as the file has them.
 */
export function readWeights(manifest: readonly Group[], files: readonly WeightFile[]): WeightValues[] {
  const byName = new Map<string, Uint8Array>();
  for (const file of files) {
    const name = basename(file.name);
    if (byName.has(name)) throw new UserFileError(`two weights files are named "${name}"`);
    byName.set(name, file.bytes);
  }
  const missing = manifestFiles(manifest).find((name) => !byName.has(name));
  if (missing !== undefined) throw new UserFileError(`the weights file "${missing}" named in model.json was not provided`);
  const sizes = manifest.map((g) => ({
    expected: g.weights.reduce((n, e) => n + count(e.shape) * bytesPer(e), 0),
    held: g.paths.reduce((n, p) => n + (byName.get(basename(p))?.byteLength ?? 0), 0),
  }));
  const expected = sizes.reduce((n, s) => n + s.expected, 0);
  const held = sizes.reduce((n, s) => n + s.held, 0);
  if (expected !== held) throw new UserFileError(`model.json expects ${formatCount(expected)} bytes of weights but the files hold ${formatCount(held)}`);
  const uneven = manifest.findIndex((_g, i) => sizes[i]?.expected !== sizes[i]?.held);
  if (uneven >= 0) {
    const { paths } = manifest[uneven] as Group;
    const s = sizes[uneven] as { expected: number; held: number };
    throw new UserFileError(
      `model.json expects ${formatCount(s.expected)} bytes of weights in ${paths.map((p) => `"${basename(p)}"`).join(', ')} but they hold ${formatCount(s.held)}`,
    );
  }
  return manifest.flatMap((group) => {
    const data = join(group.paths, byName);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let at = 0;
    return group.weights.map((entry): WeightValues => {
      const values = decode(view, at, entry);
      at += count(entry.shape) * bytesPer(entry);
      return { name: entry.name, shape: entry.shape, dtype: entry.dtype === 'int32' ? 'int32' : 'float32', values };
    });
  });
}
