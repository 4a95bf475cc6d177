import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserDecoder } from './decode';

// Node has no createImageBitmap or OffscreenCanvas: stand-ins check the plumbing, Chromium the codecs.
describe('browserDecoder', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws the bitmap on a canvas of its size, reads the pixels and frees the bitmap', async () => {
    const pixels = new Uint8ClampedArray([1, 2, 3, 4, 5, 6, 7, 8]);
    const close = vi.fn();
    const drawImage = vi.fn();
    const createImageBitmap = vi.fn(async (blob: Blob, _options?: object) => {
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([9, 9]));
      return { width: 2, height: 1, close };
    });
    class OffscreenCanvas {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext = () => ({ drawImage, getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: pixels, width: w, height: h }) });
    }
    vi.stubGlobal('createImageBitmap', createImageBitmap);
    vi.stubGlobal('OffscreenCanvas', OffscreenCanvas);

    const image = await browserDecoder(new Uint8Array([9, 9]), 'a.png');
    expect(image).toEqual({ width: 2, height: 1, rgba: pixels });
    expect(createImageBitmap.mock.calls[0]?.[1]).toEqual({ colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    expect(drawImage).toHaveBeenCalledOnce();
    expect(close).toHaveBeenCalledOnce();
  });

  it('rejects when the browser cannot decode the bytes, and still needs no cleanup', async () => {
    vi.stubGlobal('createImageBitmap', () => Promise.reject(new DOMException('bad image', 'InvalidStateError')));
    await expect(browserDecoder(new Uint8Array([1]), 'a.png')).rejects.toThrow('bad image');
  });
});
