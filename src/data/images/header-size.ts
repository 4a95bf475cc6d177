/**
 * An image's width and height from its header, read before decoding: a decoder allocates what
 * the header claims (a 60 KB PNG can claim 10,000 x 10,000 pixels, 400 MB of RGBA), so the claim
 * is what must be checked.
 */
import { UserFileError } from '../../lib/errors';
import { sniffFormat } from './formats';

/** Images with more pixels than this are refused before decoding (40 megapixels, 160 MB RGBA). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Width and height in pixels. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The size a PNG, JPEG, GIF, BMP or WebP header declares, or undefined when the bytes are not one
 * of those or the header is cut short (the decoder then says what is wrong).
 */
export function headerSize(bytes: Uint8Array): PixelSize | undefined {
  if (bytes.length < 10) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (end: number) => end <= bytes.length;
  switch (sniffFormat(bytes)) {
    case 'png':
      // IHDR is the first chunk: its width and height follow the 8-byte signature and chunk head.
      return fits(24) ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
    case 'gif':
      return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
    case 'bmp': {
      if (!fits(26)) return undefined;
      // A 12-byte core header holds 16-bit sizes; every later header 32-bit ones (height < 0 = top-down).
      if (view.getUint32(14, true) === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
      return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
    }
    case 'webp':
      return webpSize(bytes, view);
    case 'jpeg':
      return jpegSize(bytes, view);
    case undefined:
      return undefined;
  }
}

function webpSize(bytes: Uint8Array, view: DataView): PixelSize | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8X') {
    const u24 = (at: number) => (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return undefined;
}

/** The first start-of-frame segment's size, walking the segments after the SOI marker. */
function jpegSize(bytes: Uint8Array, view: DataView): PixelSize | undefined {
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers that stand alone, with no length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0-SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data or end before any frame
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Throws a {@link UserFileError} (a reason for the skipped-files list: the list names the file)
 * when the header claims more than `maxPixels`, so the image is never decoded.
 */
export function checkPixelCount(bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): void {
  const size = headerSize(bytes);
  if (size === undefined || size.width * size.height <= maxPixels) return;
  const megapixels = Number(((size.width * size.height) / 1e6).toPrecision(3));
  throw new UserFileError(
    `${count(size.width)} x ${count(size.height)} pixels (${count(megapixels)} megapixels), over the ${count(maxPixels / 1e6)}-megapixel limit for one image; shrink it to use it`,
  );
}
