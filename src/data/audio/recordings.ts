import { zipSync } from 'fflate';
import type { FileEntry } from '../images/types';
import type { Pcm } from './types';
import { encodeWav } from './wav';

/** Clips recorded for one class. */
export interface ClassClips {
  readonly name: string;
  readonly clips: readonly Pcm[];
}

/** The folder recordings are filed under, as if the user had picked `Recordings/<class>/`. */
export const RECORDINGS_FOLDER = 'Recordings';

/** Why the recordings cannot be used as data yet, or null: two named classes with clips, names distinct and usable as folder names. */
export function recordingsProblem(classes: readonly ClassClips[]): string | null {
  const names = classes.map((c) => c.name.trim());
  const bad = names.find((n) => n === '' || /[/\\]/.test(n) || n.startsWith('.'));
  if (bad !== undefined) return bad === '' ? 'give every class a name' : `the class name "${bad}" cannot be a folder name (no / or \\, no leading dot)`;
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return `two classes are named "${twice}"`;
  const empty = classes.filter((c) => c.clips.length === 0).map((c) => c.name.trim());
  if (classes.length - empty.length < 2) return 'record clips for at least two classes';
  if (empty.length > 0) return `record a clip for ${empty.map((n) => `"${n}"`).join(', ')} or remove it`;
  return null;
}

const path = (className: string, i: number) => `${RECORDINGS_FOLDER}/${className.trim()}/${className.trim()}-${String(i + 1).padStart(3, '0')}.wav`;

/** The recordings as 16-bit WAV files under `Recordings/<class>/`, for the audio loader. */
export function recordingEntries(classes: readonly ClassClips[]): FileEntry[] {
  return classes.flatMap((c) =>
    c.clips.map((clip, i) => {
      const bytes = encodeWav(clip, 16);
      return { path: path(c.name, i), size: bytes.length, read: () => Promise.resolve(bytes) };
    }),
  );
}

/** The recordings as a zip of 16-bit WAV files under `Recordings/<class>/`, which Netloom (and any tool) reads back as a class folder. */
export function recordingsZip(classes: readonly ClassClips[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const c of classes) c.clips.forEach((clip, i) => (files[path(c.name, i)] = encodeWav(clip, 16)));
  // WAV barely deflates; storing keeps zipping instant.
  return zipSync(files, { level: 0 });
}
