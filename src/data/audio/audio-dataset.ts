import { UserFileError } from '../../lib/errors';
import { oneHotRows, refuseUnreadClasses } from '../images/class-dataset';
import { collectClassFiles, naturalCompare } from '../images/collect';
import type { FileEntry, ImageFile, SkippedFile } from '../images/types';
import type { Dataset } from '../types';
import { AUDIO_FILES } from './formats';
import { fitLength, resampleLinear } from './resample';
import { audioFeatureShape, audioSettingsProblem, clipSamples } from './settings';
import { createSpectrogram, waveformEnvelope, WAVEFORM_POINTS } from './spectrogram';
import type { AudioPreview, AudioSettings, Pcm } from './types';

/**
 * Turns a sound file's bytes into mono samples. Rejects on bytes it cannot read; a `UserFileError`
 * carries a reason worth showing.
 */
export type AudioDecoder = (bytes: Uint8Array, path: string) => Promise<Pcm>;

/** How to turn a class-per-subfolder tree of clips into a dataset. */
export interface AudioDatasetOptions {
  readonly settings: AudioSettings;
  readonly decoder: AudioDecoder;
  /** Called after each clip; callers that render should throttle. */
  readonly onProgress?: (done: number, total: number) => void;
  /** See `CollectOptions.pickedFolder`. */
  readonly pickedFolder?: boolean;
  readonly signal?: AbortSignal;
}

/** A loaded audio dataset plus what the Data view shows about it. */
export interface AudioDatasetResult {
  /** x: a log-mel spectrogram per clip, `[frames, melBands, 1]`; y: one-hot over `classNames`. */
  readonly dataset: Dataset;
  readonly skipped: readonly SkippedFile[];
  /** The first clip of each class: its waveform and spectrogram. */
  readonly previews: Readonly<Record<string, AudioPreview>>;
  /** Clips per class, after skips. */
  readonly counts: Readonly<Record<string, number>>;
}

// Decodes in flight at once: a page decode is a round trip, a WAV decode is quick.
const CONCURRENCY = 4;

/** A decoded clip as one sample: resampled, fitted to the clip length. */
export function fittedClip(pcm: Pcm, settings: AudioSettings): Float32Array {
  return fitLength(resampleLinear(pcm.samples, pcm.sampleRate, settings.sampleRate), clipSamples(settings));
}

/**
 * Reads a folder (or zip) with one subfolder per class of sound clips into a classification
 * dataset of log-mel spectrograms. A clip that cannot be read is skipped with its reason; the load
 * fails only when fewer than two classes keep a clip, or when a class keeps none.
 */
export async function loadAudioDataset(entries: readonly FileEntry[], opts: AudioDatasetOptions): Promise<AudioDatasetResult> {
  const { settings } = opts;
  const problem = audioSettingsProblem(settings);
  if (problem !== null) throw new UserFileError(`the audio settings do not make a spectrogram: ${problem}`);
  const collected = collectClassFiles(entries, AUDIO_FILES, { pickedFolder: opts.pickedFolder });
  const { classes, files } = collected;
  const shape = audioFeatureShape(settings);
  const size = shape[0] * shape[1];
  const x = new Float32Array(files.length * size);
  const ok = new Uint8Array(files.length);
  const reasons: (SkippedFile | undefined)[] = [];
  const firstClips = new Map<number, Float32Array>();
  const firstOfClass = new Set(classes.map((c) => files.findIndex((f) => f.className === c)));
  const spectrogram = createSpectrogram(settings);

  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      opts.signal?.throwIfAborted();
      const file = files[i] as ImageFile;
      try {
        const pcm = await opts.decoder(await file.read(), file.path);
        if (pcm.samples.length === 0) throw new UserFileError('has no sound (0 samples)');
        const clip = fittedClip(pcm, settings);
        x.set(spectrogram(clip), i * size);
        ok[i] = 1;
        if (firstOfClass.has(i)) firstClips.set(i, clip);
      } catch (error) {
        reasons[i] = { path: file.path, reason: error instanceof UserFileError ? error.message : 'not a readable sound file' };
      }
      opts.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  opts.signal?.throwIfAborted();
  return compact({ x, ok, reasons, files, classes, size, shape, firstClips, skipped: [...collected.skipped] });
}

interface Loaded {
  readonly x: Float32Array;
  readonly ok: Uint8Array;
  readonly reasons: readonly (SkippedFile | undefined)[];
  readonly files: readonly ImageFile[];
  readonly classes: readonly string[];
  readonly size: number;
  readonly shape: readonly number[];
  /** The first clip of each class as the model hears it (resampled, cut or padded to length). */
  readonly firstClips: ReadonlyMap<number, Float32Array>;
  readonly skipped: SkippedFile[];
}

/** Drops the clips that failed, in file order, and one-hot encodes the classes. */
function compact({ x, ok, reasons, files, classes, size, shape, firstClips, skipped }: Loaded): AudioDatasetResult {
  const rank = new Map(classes.map((c, i) => [c, i]));
  const counts: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  const previews: Record<string, AudioPreview> = {};
  const labels: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as ImageFile;
    if (ok[i] !== 1) {
      const reason = reasons[i];
      if (reason !== undefined) skipped.push(reason);
      continue;
    }
    const n = labels.length;
    if (n !== i) x.copyWithin(n * size, i * size, (i + 1) * size);
    labels.push(rank.get(file.className) ?? 0);
    counts[file.className] = (counts[file.className] ?? 0) + 1;
    const clip = firstClips.get(i);
    if (previews[file.className] === undefined && clip !== undefined) {
      previews[file.className] = { path: file.path, waveform: waveformEnvelope(clip, WAVEFORM_POINTS), spectrogram: x.slice(n * size, (n + 1) * size), clip };
    }
  }
  skipped.sort((a, b) => naturalCompare(a.path, b.path));
  refuseUnreadClasses(classes, counts, files, reasons, 'sound clips');
  const count = labels.length;
  const y = oneHotRows(labels, classes.length);
  const dataset: Dataset = {
    x: count === files.length ? x : x.slice(0, count * size),
    y,
    count,
    featureShape: shape,
    targetShape: [classes.length],
    task: 'classification',
    classNames: classes,
  };
  return { dataset, skipped, previews, counts };
}
