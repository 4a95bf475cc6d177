import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { assertNever } from '../../lib/assert-never';
import { UserFileError } from '../../lib/errors';
import { extensionOf, sniffFormat } from './formats';
import { checkPixelCount, MAX_IMAGE_PIXELS } from './header-size';
import type { DecodedImage, Decoder } from './types';

/**
 * Decodes PNG and JPEG without a browser, for tests and the command line. Kept apart from
 * `decode.ts` so the page bundle never pulls in pngjs or jpeg-js. The format comes from the
 * bytes, not the name, as in a browser. WebP, GIF and BMP are refused with a reason, and so is
 * an image whose header claims over 40 megapixels, before pngjs or jpeg-js allocate it.
 */
export const nodeDecoder: Decoder = async (bytes: Uint8Array, path: string): Promise<DecodedImage> => {
  checkPixelCount(bytes);
  const format = sniffFormat(bytes);
  switch (format) {
    case 'png': {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, rgba: toClamped(png.data) };
    }
    case 'jpeg': {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6 });
      return { width: image.width, height: image.height, rgba: toClamped(image.data) };
    }
    case 'webp':
    case 'gif':
    case 'bmp':
      throw new UserFileError(`cannot decode .${format} files outside the browser`);
    case undefined: {
      // Unknown bytes under a name the browser could read: say which, so the cause is clear.
      const ext = extensionOf(path);
      if (ext === 'webp' || ext === 'gif' || ext === 'bmp') throw new UserFileError(`cannot decode .${ext} files outside the browser`);
      throw new Error('unknown image signature');
    }
    default:
      return assertNever(format, 'image format');
  }
};

function toClamped(data: Uint8Array): Uint8ClampedArray {
  return new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
}
