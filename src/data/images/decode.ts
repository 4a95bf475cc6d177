import { UserFileError } from '../../lib/errors';
import { checkPixelCount } from './header-size';
import type { DecodedImage, Decoder } from './types';

export type { Decoder } from './types';

/**
 * Decodes with the browser's own codecs: PNG, JPEG, WebP, GIF (first frame) and BMP in Chromium,
 * in the page and in a Web Worker alike (`createImageBitmap` + `OffscreenCanvas`). Colour-space
 * conversion is off so pixels come out as stored, the same numbers the Node decoder gives. An
 * image whose header claims over 40 megapixels is refused before the browser allocates it.
 */
export const browserDecoder: Decoder = async (bytes: Uint8Array, path: string): Promise<DecodedImage> => {
  checkPixelCount(bytes);
  // A Blob wants an ArrayBuffer-backed view; bytes from fetch, File or fflate always are.
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new UserFileError('this browser cannot read images (no 2D canvas)', path);
    context.drawImage(bitmap, 0, 0);
    return { width, height, rgba: context.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
};
