import { featureSlice } from '../features';
import type { Dataset } from '../types';
import { UserFileError } from '../../lib/errors';
import { refuseUnreadClasses, oneHotRows } from './class-dataset';
import { collectImageFiles } from './collect';
import { toSample } from './resize';
import type { Decoder, FileEntry, Fit, ImageFile, SkippedFile } from './types';

/** How to turn a class-per-subfolder tree into a dataset. */
export interface ImageDatasetOptions {
  /** Sample size; 28 x 28 x 1 (MNIST-like) by default. */
  readonly height?: number;
  readonly width?: number;
  readonly channels?: 1 | 3;
  /** How other aspect ratios fit; `pad` by default. */
  readonly fit?: Fit;
  /** `browserDecoder` in the page or worker, `nodeDecoder` in Node. */
  readonly decoder: Decoder;
  /** Called after each image; callers that render should throttle. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Keep at most this many images, taken evenly across classes. */
  readonly maxImages?: number;
  /** See `CollectOptions.pickedFolder`. */
  readonly pickedFolder?: boolean;
  readonly signal?: AbortSignal;
}

/** A loaded image dataset plus what the data panel shows about it. */
export interface ImageDatasetResult {
  /** x: every sample (HWC); y: one-hot over `classNames`. */
  readonly dataset: Dataset;
  readonly skipped: readonly SkippedFile[];
  /** The first samples of each class (up to 8), same layout as x, for thumbnails. */
  readonly previews: Readonly<Record<string, Float32Array[]>>;
  /** Samples per class, after skips and the cap. */
  readonly counts: Readonly<Record<string, number>>;
  /** Images left out by `maxImages`. */
  readonly omitted: number;
}

const PREVIEWS_PER_CLASS = 8;
// A few decodes in flight keep the browser's decoder threads busy; more only costs memory.
const CONCURRENCY = 4;

/**
 * Reads a folder (or zip) with one subfolder per class into a classification dataset: collects
 * the images, decodes and resizes each, and one-hot encodes the class. An image that cannot be
 * read is skipped with a reason, never fatal; the load fails only when fewer than two classes
 * keep any image.
 */
export async function loadImageDataset(entries: readonly FileEntry[], opts: ImageDatasetOptions): Promise<ImageDatasetResult> {
  const sample = { height: opts.height ?? 28, width: opts.width ?? 28, channels: opts.channels ?? 1, fit: opts.fit ?? 'pad' } as const;
  const collected = collectImageFiles(entries, { pickedFolder: opts.pickedFolder });
  const { classes } = collected;
  const files = capEvenly(collected.files, opts.maxImages ?? Infinity);
  const skipped = [...collected.skipped];
  const size = sample.height * sample.width * sample.channels;
  // Grey levels, a byte a value: 60,000 MNIST-sized samples take 47 MB rather than 188.
  const x = new Uint8Array(files.length * size);
  const ok = new Uint8Array(files.length);
  const reasons: (SkippedFile | undefined)[] = [];

  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      opts.signal?.throwIfAborted();
      const file = files[i];
      if (file === undefined) continue;
      try {
        const image = await opts.decoder(await file.read(), file.path);
        x.set(toLevels(toSample(image, sample)), i * size);
        ok[i] = 1;
      } catch (error) {
        reasons[i] = { path: file.path, reason: error instanceof UserFileError ? error.message : 'not a readable image' };
      }
      opts.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  opts.signal?.throwIfAborted();

  // Compact in file order, so the dataset does not depend on which decode finished first.
  const rank = new Map(classes.map((c, i) => [c, i]));
  const counts: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  const previews: Record<string, Float32Array[]> = Object.fromEntries(classes.map((c) => [c, []]));
  const labels: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as ImageFile;
    const reason = reasons[i];
    if (ok[i] !== 1) {
      if (reason !== undefined) skipped.push(reason);
      continue;
    }
    const n = labels.length;
    if (n !== i) x.copyWithin(n * size, i * size, (i + 1) * size);
    labels.push(rank.get(file.className) ?? 0);
    counts[file.className] = (counts[file.className] ?? 0) + 1;
    const shown = previews[file.className];
    if (shown !== undefined && shown.length < PREVIEWS_PER_CLASS) shown.push(featureSlice(x, n * size, (n + 1) * size));
  }

  refuseUnreadClasses(classes, counts, files, reasons, 'images');

  const count = labels.length;
  const y = oneHotRows(labels, classes.length);
  const dataset: Dataset = {
    x: count === files.length ? x : x.slice(0, count * size),
    y,
    count,
    featureShape: [sample.height, sample.width, sample.channels],
    targetShape: [classes.length],
    task: 'classification',
    classNames: classes,
  };
  return { dataset, skipped, previews, counts, omitted: collected.files.length - files.length };
}

/** Sample values in [0, 1] as the nearest of the 256 grey levels a uint8 dataset stores. */
function toLevels(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(255, Math.max(0, Math.round((values[i] as number) * 255)));
  return out;
}

/**
 * Keeps at most `max` files, taking them round-robin across classes, so a cap does not drop the
 * last classes; small classes keep all theirs. Order within the result stays class, then path.
 */
function capEvenly(files: readonly ImageFile[], max: number): readonly ImageFile[] {
  if (files.length <= max) return files;
  const byClass = new Map<string, ImageFile[]>();
  for (const f of files) {
    const list = byClass.get(f.className);
    if (list === undefined) byClass.set(f.className, [f]);
    else list.push(f);
  }
  const keep = new Set<ImageFile>();
  for (let round = 0; keep.size < max; round++) {
    for (const list of byClass.values()) {
      const f = list[round];
      if (f !== undefined && keep.size < max) keep.add(f);
    }
  }
  return files.filter((f) => keep.has(f));
}
