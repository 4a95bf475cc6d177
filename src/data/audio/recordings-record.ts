/**
 * The microphone's recordings as the browser keeps them between visits: per class, each clip's
 * samples as 16-bit integers with its sample rate. 16-bit is what the recordings become anyway
 * (`recordingEntries`, the zip), and a sample reads back to the value the WAV writer quantises it
 * to, so a restored clip makes byte-identical WAV files. It is binary (ArrayBuffers), never JSON
 * number arrays: a second at 48 kHz is 96 kB.
 */
import { UserFileError } from '../../lib/errors';
import { zodMessage } from '../../lib/parse-file';
import { z } from '../../lib/zod';
import type { ClassClips } from './recordings';
import type { Pcm } from './types';

/** One stored clip: its samples in the platform's byte order (only this browser reads them back) and their rate. */
export interface StoredClip {
  readonly sampleRate: number;
  /** `Int16Array` samples, `round(x * 32768)` capped to [-32768, 32767], as `encodeWav` writes them. */
  readonly pcm16: ArrayBuffer;
}

/** The stored recordings, under their own IndexedDB key (apart from the project, since they can be many MB). */
export interface RecordingsRecord {
  readonly format: 'netloom-recordings';
  readonly version: 1;
  readonly classes: readonly { readonly name: string; readonly clips: readonly StoredClip[] }[];
  /** Bumped by each save, with the saving tab's id: a tab tells another tab's newer save from its own. Absent in older records. */
  readonly revision?: number;
  readonly tab?: string;
}

/** The revision and tab a stored value was saved with: revision 0 for an older record or none. */
export function recordStamp(stored: unknown): { readonly revision: number; readonly tab: string | undefined } {
  const v = typeof stored === 'object' && stored !== null ? (stored as Partial<RecordingsRecord>) : {};
  return { revision: typeof v.revision === 'number' ? v.revision : 0, tab: typeof v.tab === 'string' ? v.tab : undefined };
}

/** A clip as stored: its samples quantised to 16 bits. */
export function storedClip(pcm: Pcm): StoredClip {
  const out = new Int16Array(pcm.samples.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round((pcm.samples[i] ?? 0) * 32768)));
  return { sampleRate: pcm.sampleRate, pcm16: out.buffer };
}

/** A stored clip as samples in [-1, 1], as `decodeWav` reads 16-bit WAV. */
export function clipOf(clip: StoredClip): Pcm {
  const ints = new Int16Array(clip.pcm16);
  const samples = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) samples[i] = (ints[i] ?? 0) / 32768;
  return { samples, sampleRate: clip.sampleRate };
}

/** The recordings as a record to store; `encode` lets a saver reuse clips it encoded before. */
export function recordingsRecord(classes: readonly ClassClips[], encode: (pcm: Pcm) => StoredClip = storedClip): RecordingsRecord {
  return { format: 'netloom-recordings', version: 1, classes: classes.map((c) => ({ name: c.name, clips: c.clips.map(encode) })) };
}

/** The bytes of samples a record holds, for a message about the storage quota. */
export const recordBytes = (record: RecordingsRecord): number =>
  record.classes.reduce((n, c) => n + c.clips.reduce((m, clip) => m + clip.pcm16.byteLength, 0), 0);

// A realm-independent test: IndexedDB hands back buffers made by structured clone.
const isArrayBuffer = (v: unknown): v is ArrayBuffer => Object.prototype.toString.call(v) === '[object ArrayBuffer]';

const clipSchema = z.object({
  sampleRate: z.number().int().min(1).max(768_000),
  pcm16: z
    .custom<ArrayBuffer>(isArrayBuffer, { message: 'expected the samples as an ArrayBuffer' })
    .refine((b) => b.byteLength % 2 === 0, { message: 'holds an odd number of bytes, not 16-bit samples' }),
});

const recordSchema = z.object({
  format: z.literal('netloom-recordings'),
  version: z.literal(1),
  classes: z.array(z.object({ name: z.string(), clips: z.array(clipSchema) })).min(1),
});

/** A stored record checked and decoded to clips per class; a UserFileError names the first bad field. */
export function readRecordings(stored: unknown): ClassClips[] {
  const parsed = recordSchema.safeParse(stored);
  if (!parsed.success) throw new UserFileError(zodMessage(parsed.error, 'recordings'));
  return parsed.data.classes.map((c) => ({ name: c.name, clips: c.clips.map(clipOf) }));
}

/**
 * Stored classes with the clips recorded before they were read (a page that recorded while the
 * browser read storage): those go after the stored clips of the class of the same name, or as a
 * class of their own. Returns `stored` itself when nothing was recorded meanwhile.
 */
export function mergeRecordings<C extends ClassClips>(stored: readonly C[], current: readonly C[]): readonly C[] {
  const fresh = current.filter((c) => c.clips.length > 0);
  if (fresh.length === 0) return stored;
  const merged = stored.map((s) => {
    const same = fresh.find((c) => c.name === s.name);
    return same ? { ...s, clips: [...s.clips, ...same.clips] } : s;
  });
  return [...merged, ...fresh.filter((c) => !stored.some((s) => s.name === c.name))];
}
