/**
 * Test helpers: tiny PNGs and JPEGs made in memory, and entries over them. Tests only (it imports
 * the dev-only encoders).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { crc32 } from 'node:zlib';
import type { FileEntry } from './types';

/** A PNG of the given size whose pixel (x, y) is `pixel(x, y)` as [r, g, b, a]. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => readonly number[]): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r = 0, g = 0, b = 0, a = 255] = pixel(x, y);
      png.data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A JPEG of one solid colour. */
export function makeJpeg(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return new Uint8Array(jpeg.encode({ width, height, data }, 95).data);
}

/** Entries from a path → bytes table (a string is stored as UTF-8 text). */
export function entriesOf(files: Readonly<Record<string, Uint8Array | string>>): FileEntry[] {
  return Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return { path, size: bytes.length, read: () => Promise.resolve(bytes) };
  });
}

/** The PNG with its IHDR rewritten to claim `width` x `height` (CRC fixed), pixels unchanged. */
export function claimSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const out = png.slice();
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(out.subarray(12, 29)));
  return out;
}
