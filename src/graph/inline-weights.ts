import { z } from '../lib/zod';
import { UserFileError } from '../lib/errors';

/**
 * Trained weights stored inside a project file: float32 values, little-endian, base64, in the
 * order of `specs`, named `<layer>/<param>` as the graph's layers are. Optional: a project is
 * small without them, complete with them. `epochs` is how many epochs of training made them
 * (Keras's `initial_epoch` for a run that continues from them); absent when that is not known
 * (weights imported with a model.json, or saved before the count was kept).
 */
export const inlineWeightsSchema = z.strictObject({
  encoding: z.literal('float32-le-base64'),
  epochs: z.number().int().min(0).optional(),
  specs: z.array(z.strictObject({ name: z.string().min(1), shape: z.array(z.number().int().min(0)).readonly() })).readonly(),
  data: z.string(),
});

/** Trained weights as a project file stores them. */
export type InlineWeights = z.output<typeof inlineWeightsSchema>;

/** One named weight with its values. */
export interface NamedWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

const CHUNK = 0x8000;

/** Base64 of bytes, in chunks so that large weights do not overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new UserFileError("the project's weights are not valid base64");
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Packs named float32 weights for a project file, with the epochs that trained them when known. */
export function packWeights(weights: readonly NamedWeight[], epochs?: number): InlineWeights {
  const total = weights.reduce((n, w) => n + w.values.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const w of weights) {
    all.set(w.values, at);
    at += w.values.length;
  }
  return {
    encoding: 'float32-le-base64',
    ...(epochs === undefined ? {} : { epochs }),
    specs: weights.map((w) => ({ name: w.name, shape: [...w.shape] })),
    data: toBase64(new Uint8Array(all.buffer)),
  };
}

/** A project's weights as the model takes them (float32, named `<layer>/<param>`). */
export function inlineWeightValues(inline: InlineWeights): { name: string; shape: readonly number[]; dtype: 'float32'; values: Float32Array }[] {
  return unpackWeights(inline).map((w) => ({ ...w, dtype: 'float32' as const }));
}

/** Unpacks a project file's weights, checking that the bytes match the shapes. */
export function unpackWeights(inline: InlineWeights): NamedWeight[] {
  const bytes = fromBase64(inline.data);
  const counts = inline.specs.map((s) => s.shape.reduce((a, b) => a * b, 1));
  const expected = counts.reduce((a, b) => a + b, 0) * 4;
  if (bytes.length !== expected) {
    throw new UserFileError(`the project's weights hold ${bytes.length} bytes but their shapes need ${expected}`);
  }
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  let at = 0;
  return inline.specs.map((s, i) => {
    const n = counts[i] ?? 0;
    const values = all.slice(at, at + n);
    at += n;
    return { name: s.name, shape: s.shape, values };
  });
}
