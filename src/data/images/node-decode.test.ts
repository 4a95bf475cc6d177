import { describe, expect, it } from 'vitest';
import { UserFileError } from '../../lib/errors';
import { nodeDecoder } from './node-decode';
import { makeJpeg, makePng } from './test-images';

describe('nodeDecoder', () => {
  it('decodes a PNG to RGBA', async () => {
    const png = makePng(2, 1, (x) => (x === 0 ? [255, 0, 0, 255] : [0, 0, 255, 128]));
    const image = await nodeDecoder(png, 'a.png');
    expect(image.width).toBe(2);
    expect(image.height).toBe(1);
    expect([...image.rgba]).toEqual([255, 0, 0, 255, 0, 0, 255, 128]);
  });

  it('decodes a JPEG, even one named .png', async () => {
    const image = await nodeDecoder(makeJpeg(8, 8, [0, 200, 0]), 'misnamed.png');
    expect([image.width, image.height]).toEqual([8, 8]);
    expect(Math.abs((image.rgba[1] ?? 0) - 200)).toBeLessThan(4);
  });

  it.each(['webp', 'gif', 'bmp'])('refuses .%s with a reason', async (ext) => {
    const err = nodeDecoder(new Uint8Array([0, 1, 2, 3]), `a.${ext}`);
    await expect(err).rejects.toThrow(new UserFileError(`cannot decode .${ext} files outside the browser`));
  });

  it('fails on bytes that are no image', async () => {
    await expect(nodeDecoder(new Uint8Array([1, 2, 3]), 'a.png')).rejects.toThrow();
    const truncated = makePng(4, 4, () => [1, 2, 3, 255]).slice(0, 40);
    await expect(nodeDecoder(truncated, 'a.png')).rejects.toThrow();
  });
});
