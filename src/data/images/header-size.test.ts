import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { browserDecoder } from './decode';
import { checkPixelCount, headerSize } from './header-size';
import { nodeDecoder } from './node-decode';
import { claimSize, makeJpeg, makePng } from './test-images';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const le16 = (n: number) => [n & 0xff, n >> 8];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

describe('headerSize', () => {
  it.each([
    { name: 'PNG', data: makePng(5, 3, () => [0, 0, 0, 255]), size: { width: 5, height: 3 } },
    { name: 'JPEG', data: makeJpeg(8, 4, [9, 9, 9]), size: { width: 8, height: 4 } },
    { name: 'GIF', data: bytes('GIF89a', le16(300), le16(200), [0, 0, 0]), size: { width: 300, height: 200 } },
    { name: 'BMP', data: bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(640), le32(-480), le16(1), le16(24)), size: { width: 640, height: 480 } },
    {
      name: 'WebP VP8X',
      data: bytes('RIFF', le32(30), 'WEBP', 'VP8X', le32(10), le32(0), [0x3f, 0x1f, 0], [0x0f, 0x27, 0], [0, 0]),
      size: { width: 8000, height: 10000 },
    },
    {
      name: 'WebP VP8L',
      data: bytes('RIFF', le32(30), 'WEBP', 'VP8L', le32(10), [0x2f], le32(99 | (49 << 14)), [0, 0, 0, 0, 0]),
      size: { width: 100, height: 50 },
    },
    {
      name: 'WebP VP8',
      data: bytes('RIFF', le32(30), 'WEBP', 'VP8 ', le32(10), [0, 0, 0, 0x9d, 0x01, 0x2a], le16(640), le16(360), [0, 0]),
      size: { width: 640, height: 360 },
    },
  ])('reads the size a $name header declares', ({ data, size }) => {
    expect(headerSize(data)).toEqual(size);
  });

  it('says nothing about bytes that are no image or are cut short', () => {
    expect(headerSize(bytes('hello, world'))).toBeUndefined();
    expect(headerSize(makePng(4, 4, () => [1, 2, 3, 255]).slice(0, 20))).toBeUndefined();
  });
});

describe('images over 40 megapixels are refused before decoding', () => {
  const claimed = claimSize(
    makePng(4, 4, () => [1, 2, 3, 255]),
    10_000,
    10_000,
  );
  const reason = '10,000 x 10,000 pixels (100 megapixels), over the 40-megapixel limit for one image; shrink it to use it';

  it('by the check, with the size it claims', () => {
    expect(() => checkPixelCount(claimed)).toThrow(new UserFileError(reason));
    expect(() =>
      checkPixelCount(
        claimSize(
          makePng(4, 4, () => [1, 2, 3, 255]),
          8000,
          5000,
        ),
      ),
    ).not.toThrow();
  });

  it('by both decoders', async () => {
    await expect(nodeDecoder(claimed, 'huge.png')).rejects.toThrow(new UserFileError(reason));
    // The browser decoder checks before it touches createImageBitmap, which Node lacks.
    await expect(browserDecoder(claimed, 'huge.png')).rejects.toThrow(new UserFileError(reason));
  });
});
