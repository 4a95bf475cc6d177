import { readFileSync } from 'node:fs';
import { featureValue } from './features';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserFileError } from '../lib/errors';
import { idxToDataset, parseIdxImages, parseIdxLabels } from './idx';

const digits = (name: string) => new Uint8Array(readFileSync(new URL(`../../public/samples/digits/${name}`, import.meta.url)));
const imageBytes = digits('mnist-3k-images-idx3-ubyte');
const labelBytes = digits('mnist-3k-labels-idx1-ubyte');

/** An IDX file from a header of uint32s and a body of bytes. */
function idx(header: number[], body: number[]): Uint8Array {
  const out = new Uint8Array(4 * header.length + body.length);
  const view = new DataView(out.buffer);
  header.forEach((v, i) => view.setUint32(4 * i, v, false));
  out.set(body, 4 * header.length);
  return out;
}

describe('parseIdxImages', () => {
  it('reads the committed MNIST sample: 3000 images of 28x28', () => {
    const images = parseIdxImages(imageBytes);
    expect(images).toMatchObject({ count: 3000, rows: 28, cols: 28 });
    expect(images.pixels.length).toBe(3000 * 784);
    // Digits are white strokes on black: corners dark, some pixels saturated.
    expect(images.pixels[0]).toBe(0);
    expect(Math.max(...images.pixels.subarray(0, 784))).toBeGreaterThan(200);
  });

  it('reads a tiny hand-made file, and the same file gzipped', () => {
    const file = idx([2051, 2, 1, 2], [0, 255, 128, 7]);
    const expected = { count: 2, rows: 1, cols: 2, pixels: Uint8Array.from([0, 255, 128, 7]) };
    expect(parseIdxImages(file)).toEqual(expected);
    expect(parseIdxImages(gzipSync(file))).toEqual(expected);
  });

  it.each([
    ['a label file', idx([2049, 1], [3]), 'not an IDX image file (magic 2049, expected 2051)'],
    ['a PNG', Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]), 'magic 2303741511'],
    ['a header-only fragment', Uint8Array.from([0, 0, 8, 3]), 'shorter than its 16-byte header'],
    ['no images', idx([2051, 0, 28, 28], []), 'holds no images'],
    ['zero-width images', idx([2051, 1, 28, 0], []), 'declares 28x0 images'],
    ['a truncated body', imageBytes.subarray(0, 1000), 'the IDX file is truncated: 3000 images of 28x28 need 2352016 bytes, found 1000'],
    ['trailing bytes', idx([2051, 1, 1, 2], [1, 2, 3]), 'too long: 1 images of 1x2 need 18 bytes, found 19'],
    ['corrupt gzip', Uint8Array.from([0x1f, 0x8b, 1, 2, 3]), 'could not be unpacked'],
  ])('rejects %s', (_what, bytes, message) => {
    expect(() => parseIdxImages(bytes, 'upload.idx')).toThrow(UserFileError);
    expect(() => parseIdxImages(bytes, 'upload.idx')).toThrow(message);
    expect(() => parseIdxImages(bytes, 'upload.idx')).toThrow(/^upload\.idx: /);
  });
});

describe('parseIdxLabels', () => {
  it('reads the committed labels: 300 of each digit, mixed', () => {
    const labels = parseIdxLabels(labelBytes);
    expect(labels.length).toBe(3000);
    const counts = new Array<number>(10).fill(0);
    labels.forEach((l) => (counts[l] = (counts[l] ?? 0) + 1));
    expect(counts).toEqual(new Array<number>(10).fill(300));
    // Not sorted by digit: the first 30 labels cover most classes.
    expect(new Set(labels.subarray(0, 30)).size).toBeGreaterThanOrEqual(7);
  });

  it.each([
    ['an image file', imageBytes, 'not an IDX label file (magic 2051, expected 2049)'],
    ['a truncated file', labelBytes.subarray(0, 100), 'truncated: 3000 labels need 3008 bytes, found 100'],
    ['an empty file', new Uint8Array(0), 'shorter than its 8-byte header'],
  ])('rejects %s', (_what, bytes, message) => {
    expect(() => parseIdxLabels(bytes, 'labels.idx')).toThrow(message);
  });
});

describe('idxToDataset', () => {
  it('scales pixels to [0, 1] and one-hot encodes the labels', () => {
    const images = parseIdxImages(imageBytes);
    const labels = parseIdxLabels(labelBytes);
    const data = idxToDataset(images, labels);
    expect(data).toMatchObject({
      count: 3000,
      featureShape: [28, 28, 1],
      targetShape: [10],
      task: 'classification',
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    });
    expect(data.x.length).toBe(3000 * 784);
    // Kept as the file's bytes (a quarter of float32's memory), read as [0, 1].
    expect(data.x).toBeInstanceOf(Uint8Array);
    expect(data.x).toEqual(images.pixels);
    expect(featureValue(data.x, 100)).toBe(Math.fround((images.pixels[100] ?? 0) / 255));
    const row = Array.from(data.y.subarray(0, 10));
    expect(row.indexOf(1)).toBe(labels[0]);
    expect(row.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('uses custom class names', () => {
    const images = parseIdxImages(idx([2051, 2, 1, 1], [0, 255]));
    const data = idxToDataset(images, Uint8Array.from([1, 0]), ['cat', 'dog']);
    expect([featureValue(data.x, 0), featureValue(data.x, 1)]).toEqual([0, 1]);
    expect(Array.from(data.y)).toEqual([0, 1, 1, 0]);
    expect(data.classNames).toEqual(['cat', 'dog']);
  });

  it('rejects mismatched counts and out-of-range labels', () => {
    const images = parseIdxImages(idx([2051, 2, 1, 1], [0, 255]));
    expect(() => idxToDataset(images, Uint8Array.from([1]))).toThrow('the image file has 2 images but the label file has 1 labels');
    expect(() => idxToDataset(images, Uint8Array.from([0, 2]), ['a', 'b'])).toThrow('label 2 of image 1 is out of range');
  });
});
