/**
 * Datasets of the sizes issue 17 asks Netloom to hold, generated at test time instead of
 * downloaded: a Fashion-MNIST-sized IDX pair (60,000 28x28 grey images in 10 classes, gzipped as
 * Fashion-MNIST ships), a folder (or zip) of 10,000 PNGs in class folders, and a CSV of a given
 * number of rows. The 10 classes are shapes and textures with random position, size, brightness
 * and noise: a small MLP learns them well past chance in one epoch. Seeded, so every run makes
 * the same bytes. Used by the e2e journeys and bench/scale.bench.ts; `npx tsx
 * scripts/make-scale-data.ts DIR` writes them to a folder.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { encodeIdxImages, encodeIdxLabels } from '../src/data/idx-encode';
import { mulberry32 } from '../src/lib/random';
import type { Rng } from '../src/lib/random';

/** The classes, in label-id order. */
export const SCALE_CLASSES = ['disc', 'ring', 'square', 'frame', 'rows', 'columns', 'diagonals', 'plus', 'cross', 'checks'] as const;

/** Whether the point (dx, dy) from the centre, in units of the shape's radius, is on class `c`'s shape. */
function inShape(c: number, dx: number, dy: number, phase: number): boolean {
  const r2 = dx * dx + dy * dy;
  const box = Math.max(Math.abs(dx), Math.abs(dy));
  switch (c) {
    case 0:
      return r2 <= 1;
    case 1:
      return r2 <= 1 && r2 >= 0.36;
    case 2:
      return box <= 0.85;
    case 3:
      return box <= 0.95 && box >= 0.65;
    case 4:
      return box <= 1.1 && Math.floor(dy * 2.5 + phase) % 2 === 0;
    case 5:
      return box <= 1.1 && Math.floor(dx * 2.5 + phase) % 2 === 0;
    case 6:
      return box <= 1.1 && Math.floor((dx + dy) * 2 + phase) % 2 === 0;
    case 7:
      return box <= 1 && (Math.abs(dx) <= 0.25 || Math.abs(dy) <= 0.25);
    case 8:
      return box <= 1 && (Math.abs(dx - dy) <= 0.3 || Math.abs(dx + dy) <= 0.3);
    default:
      return box <= 1.1 && (Math.floor(dx * 2 + 8) + Math.floor(dy * 2 + 8) + Math.round(phase)) % 2 === 0;
  }
}

/** Draws one `size` x `size` image of class `c` into `out` at `offset`. */
function draw(out: Uint8Array, offset: number, size: number, c: number, rng: Rng): void {
  const cx = size / 2 + (rng() - 0.5) * size * 0.2;
  const cy = size / 2 + (rng() - 0.5) * size * 0.2;
  const radius = size * (0.28 + rng() * 0.12);
  const bright = 150 + rng() * 105;
  const phase = rng() * 2;
  // The pixel noise from a cheap 32-bit LCG seeded per image: mulberry32 per pixel doubled the time.
  let noise = Math.floor(rng() * 2 ** 32);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      noise = (Math.imul(noise, 1664525) + 1013904223) >>> 0;
      const on = inShape(c, (x + 0.5 - cx) / radius, (y + 0.5 - cy) / radius, phase);
      const value = (on ? bright : 0) + (noise / 2 ** 32 - 0.5) * 60;
      out[offset + y * size + x] = value <= 0 ? 0 : value >= 255 ? 255 : value;
    }
  }
}

/** `count` images of `size` x `size`, each of a class drawn at random (about a tenth each), the same for the same seed. */
export function scaleImages(count: number, size = 28, seed = 17): { pixels: Uint8Array; labels: Uint8Array } {
  const rng = mulberry32(seed);
  const pixels = new Uint8Array(count * size * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = Math.floor(rng() * SCALE_CLASSES.length);
    labels[i] = c;
    draw(pixels, i * size * size, size, c, rng);
  }
  return { pixels, labels };
}

/** Paths of a written IDX pair. */
export interface IdxPairFiles {
  readonly images: string;
  readonly labels: string;
}

/**
 * Writes `train-images-idx3-ubyte.gz` and `train-labels-idx1-ubyte.gz` of `count` 28x28 images
 * into `dir` (60,000 by default, as Fashion-MNIST's training set).
 */
export async function writeScaleIdx(dir: string, count = 60_000): Promise<IdxPairFiles> {
  await mkdir(dir, { recursive: true });
  const { pixels, labels } = scaleImages(count);
  const images = join(dir, 'train-images-idx3-ubyte.gz');
  const labelsPath = join(dir, 'train-labels-idx1-ubyte.gz');
  // Level 1: about as small as level 6 on noisy pixels, several times faster.
  await writeFile(images, gzipSync(encodeIdxImages({ count, rows: 28, cols: 28, pixels }), { level: 1 }));
  await writeFile(labelsPath, gzipSync(encodeIdxLabels(labels)));
  return { images, labels: labelsPath };
}

/** The images as PNG files, `<class>/<i>.png`, in the order they were generated. */
export function scalePngs(count: number, size = 28): Record<string, Uint8Array> {
  const { pixels, labels } = scaleImages(count, size, 29);
  const files: Record<string, Uint8Array> = {};
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < size * size; p++) {
      const v = pixels[i * size * size + p] ?? 0;
      png.data[p * 4] = v;
      png.data[p * 4 + 1] = v;
      png.data[p * 4 + 2] = v;
      png.data[p * 4 + 3] = 255;
    }
    files[`${SCALE_CLASSES[labels[i] ?? 0]}/${i}.png`] = new Uint8Array(PNG.sync.write(png, { colorType: 0 }));
  }
  return files;
}

/** Writes `count` PNGs (10,000 by default) in class folders under `dir/name`; returns that folder. */
export async function writeScalePngFolder(dir: string, count = 10_000, name = 'shapes'): Promise<string> {
  const root = join(dir, name);
  await Promise.all(SCALE_CLASSES.map((c) => mkdir(join(root, c), { recursive: true })));
  const files = Object.entries(scalePngs(count));
  // A few writes at a time: thousands at once would only queue in libuv.
  for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map(([path, bytes]) => writeFile(join(root, path), bytes)));
  return root;
}

/** Writes the PNGs as one zip (stored, not deflated: PNGs are compressed already) at `path`. */
export async function writeScalePngZip(path: string, count = 10_000, name = 'shapes'): Promise<string> {
  const files = Object.fromEntries(Object.entries(scalePngs(count)).map(([p, bytes]) => [`${name}/${p}`, bytes] as const));
  await writeFile(path, zipSync(files, { level: 0 }));
  return path;
}

/**
 * Writes a CSV of 8 numeric features, a categorical one and a class, until it holds `rows` data
 * rows or reaches about `megabytes` MB, whichever is first; returns its size in bytes. The rows
 * are those bench/csv.bench.ts has always measured (the same seed and columns).
 */
export async function writeBenchCsv(path: string, limit: { readonly rows?: number; readonly megabytes?: number }): Promise<number> {
  const rng = mulberry32(7);
  const out = createWriteStream(path);
  out.write('f1,f2,f3,f4,f5,f6,f7,f8,colour,label\n');
  const colours = ['red', 'green', 'blue'];
  const maxRows = limit.rows ?? Infinity;
  const maxBytes = (limit.megabytes ?? Infinity) * 1e6;
  let bytes = 0;
  let written = 0;
  while (bytes < maxBytes && written < maxRows) {
    const rows: string[] = [];
    for (let i = 0; i < 2000 && written < maxRows; i += 1, written += 1) {
      const f = Array.from({ length: 8 }, () => (rng() * 100).toFixed(3));
      rows.push(`${f.join(',')},${colours[Math.floor(rng() * 3)]},class_${Math.floor(rng() * 4)}`);
    }
    const chunk = `${rows.join('\n')}\n`;
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return (await stat(path)).size;
}
