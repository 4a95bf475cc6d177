import { describe, expect, it } from 'vitest';
import { placement, toSample } from './resize';
import type { DecodedImage, SampleOptions } from './types';

/** An image from rows of [r, g, b] or [r, g, b, a] pixels. */
function image(rows: readonly (readonly (readonly number[])[])[]): DecodedImage {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const rgba = new Uint8ClampedArray(width * height * 4);
  rows.flat().forEach(([r = 0, g = 0, b = 0, a = 255], i) => rgba.set([r, g, b, a], i * 4));
  return { width, height, rgba };
}

const W = [255, 255, 255];
const K = [0, 0, 0];
const R = [255, 0, 0];
const B = [0, 0, 255];
const opts = (height: number, width: number, channels: 1 | 3, fit: SampleOptions['fit'] = 'stretch'): SampleOptions => ({ height, width, channels, fit });
const close = (actual: Float32Array, expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 5));
};

describe('toSample', () => {
  it('averages a 2x2 checker to one grey pixel', () => {
    close(
      toSample(
        image([
          [W, K],
          [K, W],
        ]),
        opts(1, 1, 1),
      ),
      [0.5],
    );
  });

  it('averages areas when shrinking by a non-integer factor', () => {
    // Three columns into two: each output pixel covers 1.5 source pixels.
    close(toSample(image([[W, K, W]]), opts(1, 2, 1)), [(1 + 0.5 * 0) / 1.5, (0.5 * 0 + 1) / 1.5]);
  });

  it('keeps a same-size image exactly', () => {
    close(
      toSample(
        image([
          [R, B],
          [W, K],
        ]),
        opts(2, 2, 3),
      ),
      [1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0],
    );
  });

  it('interpolates linearly when enlarging', () => {
    // 1x2 → 1x4: centres at 0.25 and 0.75 of the way land on -0.25, 0.25, 0.75, 1.25 source px.
    close(toSample(image([[K, W]]), opts(1, 4, 1)), [0, 0.25, 0.75, 1]);
  });

  it('weights grayscale as luma and keeps RGB order', () => {
    close(toSample(image([[R], [[0, 255, 0]], [B]]), opts(3, 1, 1)), [0.299, 0.587, 0.114]);
    close(toSample(image([[[10, 20, 30]]]), opts(1, 1, 3)), [10 / 255, 20 / 255, 30 / 255]);
  });

  it('lays transparent pixels over black', () => {
    close(
      toSample(
        image([
          [
            [255, 255, 255, 0],
            [255, 255, 255, 51],
          ],
        ]),
        opts(1, 2, 1),
      ),
      [0, 0.2],
    );
  });

  it('pads a wide image with black bars above and below', () => {
    const wide = image([
      [W, W, W, W],
      [W, W, W, W],
    ]);
    close(toSample(wide, opts(4, 4, 1, 'pad')), [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
  });

  it('pads a tall image with black bars left and right', () => {
    const tall = image([[W], [W], [W], [W]]);
    close(toSample(tall, opts(2, 2, 1, 'pad')), [1, 0, 1, 0]);
    expect(placement(tall, opts(4, 4, 1, 'pad'))).toMatchObject({ dstX: 1, dstY: 0, dstW: 1, dstH: 4 });
  });

  it('crops the middle of a wide image', () => {
    // Red | red | blue | blue (x2 rows): the middle two columns are one red, one blue.
    const wide = image([
      [R, R, B, B],
      [R, R, B, B],
    ]);
    close(toSample(wide, opts(2, 2, 3, 'crop')), [1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
    expect(placement(wide, opts(2, 2, 3, 'crop'))).toMatchObject({ srcX: 1, srcY: 0, srcW: 2, srcH: 2 });
  });

  it('stretches to fill', () => {
    const wide = image([[R, R, B, B]]);
    close(toSample(wide, opts(2, 2, 3, 'stretch')), [1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
  });

  it('returns HWC floats in [0, 1] of the requested size', () => {
    const noisy = image(Array.from({ length: 37 }, (_, y) => Array.from({ length: 53 }, (_, x) => [(x * 7) % 256, (y * 13) % 256, 255, (x + y) % 256])));
    for (const fit of ['pad', 'crop', 'stretch'] as const) {
      const out = toSample(noisy, opts(28, 20, 3, fit));
      expect(out).toHaveLength(28 * 20 * 3);
      expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });
});
